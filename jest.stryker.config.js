/**
 * The fast tests Stryker runs against each mutant (npm run mutate): the pure core's own tests
 * and the formula check, without LibreOffice, Chromium or the in-memory Excel host suites.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/tests/domain", "<rootDir>/tests/blueprint", "<rootDir>/tests/import"],
  // STRYKER_LEAN=1 also leaves out the end-to-end corpus run and the fuzz-only suites: a
  // quicker run whose scores are lower bounds of the full one.
  testPathIgnorePatterns: [
    "/node_modules/",
    "libreoffice",
    ...(process.env.STRYKER_LEAN ? ["corpus\\.test", "parse-fuzz", "punctuation-width\\.property", "sheet-names\\.test"] : []),
  ],
  setupFilesAfterEnv: ["<rootDir>/tests/support/fuzz-first-failure.js"],
  testRunner: "<rootDir>/tests/support/jest-circus-skipping-unmatched-files.js",
  transform: {
    // Type errors are the checker's job; ts-jest's per-file type check would slow every run.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
  },
};
