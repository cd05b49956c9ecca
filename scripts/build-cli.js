#!/usr/bin/env node
/**
 * Bundles the command line into one file, dist-cli/cli/main.js (the package's `bin`), so that
 * a run loads one script instead of resolving and compiling ~400 modules (ExcelJS and its
 * dependencies among them). Runs from `prepare`, hence after every `npm ci`.
 *
 * The bundle sits two folders below the repository, like src/cli/main.ts, so the built-in
 * list is found at the same relative path (src/cli/builtin-list.ts).
 *
 * Usage: node scripts/build-cli.js [--outfile FILE] [--quiet]
 */
const path = require("path");
const esbuild = require("esbuild");

const REPO = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const at = argv.indexOf("--outfile");
const outfile = at >= 0 ? path.resolve(argv[at + 1]) : path.join(REPO, "dist-cli", "cli", "main.js");

/**
 * ExcelJS's entry point also loads its streaming reader and writer (unzipper, archiver, tmp)
 * and its CSV support (fast-csv, dayjs): a third of its load time, and the CLI uses none of
 * them (src/xlsx uses Workbook and its xlsx reader/writer only). The bundle gets Workbook and
 * the enums; a CSV call would fail loudly rather than silently.
 */
const excelJsWorkbookOnly = {
  name: "exceljs-workbook-only",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: "exceljs", namespace: "exceljs-entry" }));
    build.onLoad({ filter: /.*/, namespace: "exceljs-entry" }, () => ({
      resolveDir: REPO,
      contents: `module.exports = { Workbook: require("exceljs/lib/doc/workbook"), ...require("exceljs/lib/doc/enums") };`,
    }));
    build.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (args) =>
      /[\\/]exceljs[\\/]lib[\\/]doc$/.test(args.resolveDir) ? { path: "csv", namespace: "exceljs-no-csv" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "exceljs-no-csv" }, () => ({
      contents: `module.exports = class NoCsv { constructor() { throw new Error("policy-tracker bundle: ExcelJS CSV support is not included (scripts/build-cli.js)"); } };`,
    }));
    // Packing the .xlsx with native zlib: see scripts/cli-zip-writer.js.
    build.onResolve({ filter: /^\.\.\/utils\/zip-stream$/ }, (args) =>
      /[\\/]exceljs[\\/]lib[\\/]xlsx$/.test(args.resolveDir) ? { path: path.join(__dirname, "cli-zip-writer.js") } : undefined,
    );
  },
};

const started = Date.now();
async function main() {
const result = await esbuild.build({
  absWorkingDir: REPO,
  entryPoints: [path.join(REPO, "src", "cli", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Minified code is parsed faster at every start; names are kept so a bug's stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: "none",
  sourcemap: false,
  logLevel: "warning",
  metafile: true,
  plugins: [excelJsWorkbookOnly],
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
if (!argv.includes("--quiet")) {
  process.stdout.write(`policy-tracker CLI bundled: ${path.relative(REPO, outfile)} (${(bytes / 1024).toFixed(0)} KB, ${Date.now() - started} ms)\n`);
}
}

main().catch((e) => {
  // esbuild has printed the errors already; the exit code fails `prepare`, hence `npm ci`.
  process.stderr.write(`policy-tracker CLI bundle failed: ${e.message}\n`);
  process.exit(1);
});
