// ESLint 9 flat config: typescript-eslint's recommended rules for the sources, tests and build scripts.
const { defineConfig, globalIgnores } = require("eslint/config");
const tseslint = require("typescript-eslint");

module.exports = defineConfig(
  globalIgnores(["dist/**", "dist-cli/**", "dist-tsc/**", "coverage/**", "out/**"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommended],
    rules: {
      // Deliberately unused parameters and destructured leftovers are marked with a leading underscore.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Build scripts and configs are CommonJS run by Node.
    files: ["**/*.js", "**/*.cjs"],
    extends: [tseslint.configs.recommended],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
