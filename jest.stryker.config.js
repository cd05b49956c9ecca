/**
 * The fast tests Stryker runs against each mutant (npm run mutate): the pure core's own tests
 * and the formula check, without LibreOffice, Chromium or the in-memory Excel host suites.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/tests/domain", "<rootDir>/tests/blueprint", "<rootDir>/tests/import"],
  testPathIgnorePatterns: ["/node_modules/", "libreoffice"],
  transform: {
    // Type errors are the checker's job; ts-jest's per-file type check would slow every run.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
  },
};
