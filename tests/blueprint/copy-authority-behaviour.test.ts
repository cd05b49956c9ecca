/**
 * What lets the master trust a returned copy: a fresh secret key per tracker, an export record
 * per unit, a damaged record refused rather than read as "no key", and a checksum that breaks
 * when any of the copy's identifying fields is edited.
 */
import { CopyIdentity, checksumMatches, copyChecksum, newAuthority, parseAuthority, withExport } from "../../src/blueprint/copy-authority";

const KEY = "0123456789abcdef".repeat(4);
const DAMAGED = "总表的隐藏元数据（填报副本校验密钥）已损坏，无法核验回收的填报表。请使用原始总表文件。";

describe("copy authority: the key and the export record", () => {
  it("a new tracker gets a random 64-hex-digit key and no exports yet", () => {
    const a = newAuthority();
    const b = newAuthority();
    expect(a.key).toMatch(/^[0-9a-f]{64}$/);
    expect(a.exports).toEqual({});
    expect(b.key).not.toBe(a.key);
    // What the master stores is what it reads back.
    expect(parseAuthority(JSON.stringify(a))).toEqual(a);
  });

  it("records each unit's last export, keeping the key and the other units, without changing the old record", () => {
    const start = { key: KEY, exports: { 省教育厅: { exportedAt: "2026-11-01 09:00", period: "2026年10月" } } };
    const next = withExport(start, "省财政厅", "2026-12-01 09:00", "2026年11月");
    const again = withExport(next, "省教育厅", "2026-12-01 09:05", "2026年11月");
    expect(again).toEqual({
      key: KEY,
      exports: {
        省教育厅: { exportedAt: "2026-12-01 09:05", period: "2026年11月" },
        省财政厅: { exportedAt: "2026-12-01 09:00", period: "2026年11月" },
      },
    });
    expect(start.exports).toEqual({ 省教育厅: { exportedAt: "2026-11-01 09:00", period: "2026年10月" } });
  });
});

describe("copy authority: reading it from the master's metadata", () => {
  it("a tracker that never exported a copy has none", () => {
    expect(parseAuthority(undefined)).toBeUndefined();
    expect(parseAuthority("")).toBeUndefined();
  });

  it("reads a sound record as stored", () => {
    const stored = { key: KEY, exports: { 省教育厅: { exportedAt: "2026-12-01 09:00", period: "2026年11月" } } };
    expect(parseAuthority(JSON.stringify(stored))).toEqual(stored);
  });

  it.each([
    ["text that is not JSON", "{key:"],
    ["a key that is not text", JSON.stringify({ key: 123, exports: {} })],
    ["a key inside a list", JSON.stringify({ key: [KEY], exports: {} })],
    ["a key with capital hex digits", JSON.stringify({ key: KEY.toUpperCase(), exports: {} })],
    ["a key with a non-hex digit", JSON.stringify({ key: "g" + KEY.slice(1), exports: {} })],
    ["a key one digit short", JSON.stringify({ key: KEY.slice(1), exports: {} })],
    ["a key with text before it", JSON.stringify({ key: "x" + KEY, exports: {} })],
    ["a key with text after it", JSON.stringify({ key: KEY + "0", exports: {} })],
    ["no export record", JSON.stringify({ key: KEY })],
    ["a null export record", JSON.stringify({ key: KEY, exports: null })],
    ["an export record that is text", JSON.stringify({ key: KEY, exports: "省教育厅" })],
    ["a bad key beside a sound record", JSON.stringify({ key: "abc", exports: {} })],
  ])("refuses %s with an error that says what to do", (_what, json) => {
    expect(() => parseAuthority(json)).toThrow(DAMAGED);
  });
});

describe("copy authority: the checksum a copy carries", () => {
  const ID: CopyIdentity = { trackerId: "JX-2026-01", unit: "省教育厅", exportedAt: "2026-12-01 09:00", period: "2026年11月", baselineJson: '{"1|省教育厅":{"status":"推进中"}}' };

  it("is 64 hex digits, the same for the same copy, and accepted whatever the case of its letters", () => {
    const sum = copyChecksum(KEY, ID);
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(copyChecksum(KEY, { ...ID })).toBe(sum);
    expect(checksumMatches(KEY, ID, sum)).toBe(true);
    expect(checksumMatches(KEY, ID, sum.toUpperCase())).toBe(true);
  });

  it("breaks when any identifying field is edited, when fields are shifted into each other, or under another key", () => {
    const sum = copyChecksum(KEY, ID);
    for (const edited of [
      { ...ID, trackerId: "JX-2026-02" },
      { ...ID, unit: "省财政厅" },
      { ...ID, exportedAt: "2026-12-02 09:00" },
      { ...ID, period: "2026年12月" },
      { ...ID, baselineJson: "{}" },
      { ...ID, unit: "省教育", period: "厅2026年11月" },
    ]) {
      expect(checksumMatches(KEY, edited, sum)).toBe(false);
    }
    expect(checksumMatches("ff".repeat(32), ID, sum)).toBe(false);
    expect(checksumMatches(KEY, ID, "0".repeat(64))).toBe(false);
  });
});
