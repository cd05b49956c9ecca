/**
 * Dates as Excel stores them: serial days since 1899-12-30 (the 1900 date system, whose
 * serial 60 is the nonexistent 1900-02-29, so real days from March 1900 on count from
 * 1899-12-30). Deadlines and report dates reach the sheets this way.
 */
import { isoToSerial, serialToIso } from "../../src/blueprint/dates";

describe("ISO date → Excel serial", () => {
  it("matches the serials Excel shows for known days", () => {
    // Excel: =DATE(1900,3,1) is 61, =DATE(2026,6,1) is 46174, =DATE(9999,12,31) is 2958465.
    expect(isoToSerial("1899-12-30")).toBe(0);
    expect(isoToSerial("1899-12-31")).toBe(1);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2026-06-01")).toBe(46174);
    expect(isoToSerial("2022-12-31")).toBe(44926);
    expect(isoToSerial("2024-02-29")).toBe(45351);
    expect(isoToSerial("9999-12-31")).toBe(2_958_465);
  });

  it("counts consecutive days as consecutive serials across month and year ends", () => {
    expect(isoToSerial("2026-01-01") - isoToSerial("2025-12-31")).toBe(1);
    expect(isoToSerial("2026-03-01") - isoToSerial("2026-02-28")).toBe(1);
    expect(isoToSerial("2024-03-01") - isoToSerial("2024-02-28")).toBe(2);
  });

  it("refuses text that is not exactly yyyy-mm-dd, naming it", () => {
    for (const bad of ["2026-6-01", "2026/06/01", "2026-06-1", " 2026-06-01", "2026-06-01 ", "2026-06-01T00:00", "26-06-01", ""]) {
      expect(() => isoToSerial(bad)).toThrow(`Not an ISO date: ${bad}`);
    }
  });
});

describe("Excel serial → ISO date", () => {
  it("gives back the day", () => {
    expect(serialToIso(0)).toBe("1899-12-30");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(46174)).toBe("2026-06-01");
    expect(serialToIso(2_958_465)).toBe("9999-12-31");
  });

  it("rounds a date-time serial to the nearest day", () => {
    expect(serialToIso(46174.4)).toBe("2026-06-01");
    expect(serialToIso(46173.6)).toBe("2026-06-01");
  });

  it("round-trips every day of a leap year", () => {
    for (let s = isoToSerial("2024-01-01"); s <= isoToSerial("2024-12-31"); s++) expect(isoToSerial(serialToIso(s))).toBe(s);
  });
});
