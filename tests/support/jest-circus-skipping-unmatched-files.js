/**
 * Loaded only by jest.stryker.config.js, as its testRunner. Stryker runs each mutant with
 * `--findRelatedTests <mutated file>` and a test-name pattern listing the tests that cover the
 * mutant. Jest then loads every related test file (64 for src/domain/deadline.ts) only to skip
 * almost all of their tests: loading them was three quarters of a mutant's time.
 *
 * This runner remembers the tests each file had when it last ran in this process. A file whose
 * every known test name misses the pattern is answered without loading it, with those tests
 * as skipped: what jest itself would report after loading it. A file not seen yet, or whose
 * last run failed to load, runs as usual. Nothing Stryker counts changes: none of the skipped
 * file's tests would have run.
 *
 * The file name holds "jest-circus" on purpose: Stryker's jest runner accepts perTest coverage
 * only with a testRunner whose name contains it (with-coverage-analysis.js, setupFramework),
 * and this is jest-circus, with a filter in front.
 */
const circus = require("jest-circus/runner");
const { createEmptyTestResult } = require("@jest/test-result");

/** test file path → its tests' results from the file's last run in this process */
const testsByFile = new Map();

/** One mutant run asks every related file with the same pattern: compile it once. */
let compiled = { pattern: undefined, matcher: undefined };

function noTestMatches(tests, pattern) {
  // Jest's own matching: new RegExp(globalConfig.testNamePattern, "i") on the full name.
  if (compiled.pattern !== pattern) compiled = { pattern, matcher: new RegExp(pattern, "i") };
  return !tests.some((test) => compiled.matcher.test(test.fullName));
}

function allSkipped(tests, testPath) {
  const skipped = tests.map((test) => ({ ...test, status: "pending", failureMessages: [], failureDetails: [], duration: null }));
  // Jest refuses a file result without tests ("Your test suite must contain at least one test").
  return { ...createEmptyTestResult(), testFilePath: testPath, testResults: skipped, numPendingTests: skipped.length };
}

/**
 * A test name computed by source code while the file loads could read differently under a
 * mutant (Stryker then runs the mutant with every test, ignoreStatic aside). Keeping every name
 * a file has had means its unmutated names, once seen, still match: a skip can only follow when
 * no name the file ever had is wanted.
 */
function withEarlierNames(tests, earlier) {
  const names = new Set(tests.map((test) => test.fullName));
  return [...tests, ...earlier.filter((test) => !names.has(test.fullName))];
}

module.exports = async function runSkippingUnmatchedFiles(globalConfig, config, environment, runtime, testPath, send) {
  const known = testsByFile.get(testPath);
  const pattern = globalConfig.testNamePattern;
  if (pattern && known && known.length > 0 && noTestMatches(known, pattern)) return allSkipped(known, testPath);
  const result = await circus(globalConfig, config, environment, runtime, testPath, send);
  if (result.testExecError) testsByFile.delete(testPath);
  else testsByFile.set(testPath, withEarlierNames(result.testResults, known ?? []));
  return result;
};
