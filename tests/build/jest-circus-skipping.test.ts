import * as path from "path";
import { execFileSync } from "child_process";

/**
 * The Stryker config's test runner (tests/support/jest-circus-skipping-unmatched-files.js)
 * may only leave out loading: every test's outcome must be what jest-circus itself reports.
 */
const FIXTURE = path.join(__dirname, "fixtures", "skipping-runner");
const SKIPPING = path.join(__dirname, "..", "support", "jest-circus-skipping-unmatched-files.js");
const CIRCUS = require.resolve("jest-circus/runner");

interface Run {
  pattern: string | null;
  loaded: string[];
  tests: string[];
  failedSuites: number;
}

function runJest(testRunner: string, ...patterns: string[]): Run[] {
  const out = execFileSync(process.execPath, [path.join(FIXTURE, "run.js"), testRunner, ...patterns], {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  return JSON.parse(out) as Run[];
}

describe("the jest-circus runner that skips unmatched files under Stryker", () => {
  const patterns = ["(first file wanted test)", "(second file unrelated test)", "(no such test)"];
  let skipping: Run[];
  let plain: Run[];
  beforeAll(() => {
    skipping = runJest(SKIPPING, ...patterns);
    plain = runJest(CIRCUS, ...patterns);
  }, 60_000);

  test("reports every test with the status jest-circus gives it, run by run", () => {
    expect(skipping.map((r) => r.tests)).toEqual(plain.map((r) => r.tests));
    expect(skipping[1].tests).toEqual([
      "first.check.js: first file other test = pending",
      "first.check.js: first file wanted test = passed",
      "second.check.js: second file unrelated test = pending",
    ]);
    expect(skipping.every((r) => r.failedSuites === 0)).toBe(true);
  });

  test("loads every file on the first run, then only files with a test the pattern names", () => {
    expect(plain.map((r) => r.loaded)).toEqual([["first", "second"], ["first", "second"], ["first", "second"], ["first", "second"]]);
    expect(skipping.map((r) => r.loaded)).toEqual([["first", "second"], ["first"], ["second"], []]);
  });
});
