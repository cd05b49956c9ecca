#!/usr/bin/env node
/**
 * Bundles the command line into one script, dist-cli/cli/policy-tracker.js, so that a run
 * loads one script instead of resolving and compiling ~400 modules (ExcelJS and its
 * dependencies among them). Runs from `prepare`, hence after every `npm ci`.
 *
 * dist-cli/cli/main.js, the package's `bin`, is scripts/cli-launcher.js: it runs the bundle
 * through V8's code cache, which this script makes by building the Jiangxi tracker once
 * (into a temporary folder), so that the functions a build runs are in the cache.
 *
 * The bundle sits two folders below the repository, like src/cli/main.ts, so the built-in
 * list is found at the same relative path (src/cli/builtin-list.ts).
 *
 * Usage: node scripts/build-cli.js [--outfile FILE] [--quiet]
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const acorn = require("acorn");
const esbuild = require("esbuild");

const REPO = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const at = argv.indexOf("--outfile");
const launcher = at >= 0 ? path.resolve(argv[at + 1]) : path.join(REPO, "dist-cli", "cli", "main.js");
// Names the launcher expects next to it (scripts/cli-launcher.js).
const outfile = path.join(path.dirname(launcher), "policy-tracker.js");
const cacheFile = path.join(path.dirname(launcher), "policy-tracker.v8cache");

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
  // Minified code is parsed faster when the code cache is missing; identifiers keep their
  // names so a bug's stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  sourcemap: false,
  logLevel: "warning",
  metafile: true,
  plugins: [excelJsWorkbookOnly],
});
// The launcher wraps the bundle in a function (Module.wrap), where a shebang line is a syntax error.
fs.writeFileSync(outfile, asciiOnly(fs.readFileSync(outfile, "utf8").replace(/^#![^\n]*\n/, "")));
fs.copyFileSync(path.join(__dirname, "cli-launcher.js"), launcher);
fs.chmodSync(launcher, 0o755);
const cacheBytes = warmUp();
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
if (!argv.includes("--quiet")) {
  process.stdout.write(
    `policy-tracker CLI bundled: ${path.relative(REPO, launcher)} → ${path.basename(outfile)} (${(bytes / 1024).toFixed(0)} KB), ` +
      `code cache ${(cacheBytes / 1024).toFixed(0)} KB, ${Date.now() - started} ms\n`,
  );
}
}

/**
 * The bundle in ASCII only, so the launcher reads it as latin1: V8 then holds it as a one-byte
 * string, with no UTF-8 decoding of 3 MB, and a Jiangxi build took about a tenth less CPU
 * (376 → 338 ms user + system, hyperfine, 30 runs each). esbuild already escapes strings and
 * templates (charset "ascii") but leaves regular-expression literals as written, e.g. the
 * deadline rules' /(\d{4})年(?:底|末)前?/. A \uXXXX escape means the same inside a regular
 * expression (a surrogate pair of escapes is one code point under the u flag); anywhere else
 * (a tagged template's raw text, an identifier) it would not, so any other token holding
 * non-ASCII text stops the build.
 */
function asciiOnly(text) {
  const escape = (chars) => chars.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
  const pieces = [];
  let done = 0;
  for (const token of acorn.tokenizer(text, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true })) {
    const source = text.slice(token.start, token.end);
    if (!/[^\x00-\x7f]/.test(source)) continue;
    if (token.type !== acorn.tokTypes.regexp) {
      throw new Error(`bundle: non-ASCII text outside a regular expression at offset ${token.start} (${JSON.stringify(source.slice(0, 60))}); the launcher reads the bundle as latin1`);
    }
    pieces.push(text.slice(done, token.start), escape(source));
    done = token.end;
  }
  pieces.push(text.slice(done));
  const ascii = pieces.join("");
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error("bundle: non-ASCII text left outside every token (a comment?); the launcher reads the bundle as latin1");
  return ascii;
}

/** Builds the Jiangxi tracker once with no cache, so that the launcher writes one at exit. */
function warmUp() {
  fs.rmSync(cacheFile, { force: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-tracker-warm-up-"));
  try {
    execFileSync(process.execPath, [launcher, "--out", path.join(dir, "warm-up.xlsx"), "--tracker-id", "warm-up"], { cwd: dir, stdio: "pipe" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!fs.existsSync(cacheFile)) throw new Error(`the warm-up build wrote no code cache (${cacheFile})`);
  return fs.statSync(cacheFile).size;
}

main().catch((e) => {
  // esbuild has printed the errors already; the exit code fails `prepare`, hence `npm ci`.
  process.stderr.write(`policy-tracker CLI bundle failed: ${e.message}\n`);
  process.exit(1);
});
