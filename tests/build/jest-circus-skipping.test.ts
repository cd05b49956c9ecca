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
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Run[];
}

describe("the jest-circus runner that skips unmatched files under Stryker", () => {
  const patterns = ["(first file wanted test)", "(second file unrelated test)", "(no such test)", "RENAMED", "(third file test as written)"];
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
      "third.check.js: third file test as written = pending",
    ]);
    expect(skipping[5].tests).toContain("third.check.js: third file test as written = passed");
    expect(skipping.every((r) => r.failedSuites === 0)).toBe(true);
  });

  test("loads every file on the first run, then only files with a test the pattern names", () => {
    const all = ["first", "second", "third"];
    expect(plain.map((r) => r.loaded)).toEqual([all, all, all, all, all, all]);
    expect(skipping.map((r) => r.loaded)).toEqual([all, ["first"], ["second"], [], all, ["third"]]);
  });

  test("still loads a file whose test a mutant renamed while it loaded, when the test's own name is wanted", () => {
    expect(skipping[4].tests).toContain("third.check.js: third file renamed test = passed");
    expect(skipping[5].loaded).toEqual(["third"]);
  });
});
