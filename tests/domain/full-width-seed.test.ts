import { parseTaskList, roleOf } from "../../src/domain";
import { toFullWidth, unitKey } from "../../src/domain/punctuation";
import { EXPECTED_CANONICAL_UNITS, EXPECTED_UNITS } from "../fixtures/jiangxi-expected";
import { seedText } from "../support/seed";

/** The seed as offices publish it: ，；（）： in place of , ; ( ) :. */
const fullWidthSeed = () => toFullWidth(seedText());

describe("the Jiangxi seed with its official full-width punctuation", () => {
  const list = parseTaskList(fullWidthSeed());

  it("really is full-width (the conversion is not a no-op)", () => {
    expect(fullWidthSeed()).toContain("各市、县（市、区）人民政府");
    expect(fullWidthSeed()).not.toMatch(/[,;()]/);
  });

  it("gives exactly the seed's 37 units, spelt as the list spells them", () => {
    expect(list.units).toEqual(EXPECTED_CANONICAL_UNITS.map(toFullWidth));
    expect(list.units).toContain("各市、县（市、区）人民政府");
    expect(list.units.some((u) => /^县[(（]市$|^区[)）]/.test(u) || u === "各市")).toBe(false);
    expect(list.flagged).toEqual([]);
  });

  it("gives the seed's 171 assignments and 50 leads, task by task", () => {
    expect(list.tasks.reduce((n, t) => n + t.units.length, 0)).toBe(171);
    for (const task of list.tasks) expect(task.units.map(unitKey).join("|")).toBe(EXPECTED_UNITS[task.id]);
    const leads = list.tasks.flatMap((t) => t.units.filter((u) => roleOf(t, u) === "牵头"));
    expect(leads).toHaveLength(50);
  });

  it("keys units so that the half-width list names the same units", () => {
    const half = parseTaskList(seedText());
    expect(list.units.map(unitKey)).toEqual(half.units.map(unitKey));
    expect(list.tasks.map((t) => t.deadline)).toEqual(half.tasks.map((t) => t.deadline));
  });
});
