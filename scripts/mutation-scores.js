#!/usr/bin/env node
/**
 * Prints the mutation score per file and per folder from Stryker's JSON reports
 * (reports/mutation/{domain,blueprint,import}.json, written by `npm run mutate`; without
 * them, reports/mutation/mutation.json, written by any `stryker run`).
 *
 *   node scripts/mutation-scores.js              scores, lowest first within each folder
 *   node scripts/mutation-scores.js --survivors  also every surviving / uncovered mutant
 *   node scripts/mutation-scores.js --survivors=src/domain/merge.ts   survivors of matching files
 *   node scripts/mutation-scores.js --check      exit code 1 when a folder misses its target
 *   node scripts/mutation-scores.js --report=a.json,b.json   (or --report= reports/per-file/domain-*.json)
 *       scores over several reports at once (per-file runs: `stryker run --mutate <file>`
 *       overwrites mutation.json, so copy it after each run); a file in two reports counts
 *       as in the last one given
 *   node scripts/mutation-scores.js --without=tests/domain/rollup-rules.test.ts,...
 *       the scores as if those test files did not exist: a killed mutant counts only when a
 *       test elsewhere also failed (the config sets disableBail, so every failing test is kept)
 *
 * Score = detected / (detected + undetected), as Stryker counts it: killed and timed-out
 * mutants are detected; survived and uncovered ones are not; compile errors and ignored
 * (static) mutants are left out.
 */
const fs = require("fs");
const path = require("path");

/** The targets of issue 21: with --check, a folder below its target makes the exit code 1. */
const TARGETS = { "src/domain": 90, "src/blueprint": 80 };

const reportArg = process.argv.find((a) => a.startsWith("--report="));
// a shell glob after --report= expands to further arguments: take those that name .json files too
const reportFiles = reportArg
  ? [...reportArg.slice("--report=".length).split(","), ...process.argv.filter((a) => !a.startsWith("--") && a.endsWith(".json"))].filter(Boolean)
  : defaultReports();
/** The folder reports `npm run mutate` keeps (scripts/mutate.js), else a plain Stryker run's. */
function defaultReports() {
  const dir = path.join(__dirname, "..", "reports", "mutation");
  const folders = ["domain", "blueprint", "import"].map((f) => path.join(dir, `${f}.json`)).filter((f) => fs.existsSync(f));
  return folders.length > 0 ? folders : [path.join(dir, "mutation.json")];
}
const report = { files: {}, testFiles: {} };
for (const reportFile of reportFiles) {
  if (!fs.existsSync(reportFile)) {
    console.error(`找不到 ${path.relative(process.cwd(), reportFile)}:请先运行 npm run mutate。`);
    process.exit(2);
  }
  const one = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  // test ids are numbered per run: prefix them so --without still works over several reports
  const runId = (id) => `${reportFile}#${id}`;
  for (const [file, data] of Object.entries(one.files)) {
    for (const m of data.mutants) {
      if (m.coveredBy) m.coveredBy = m.coveredBy.map(runId);
      if (m.killedBy) m.killedBy = m.killedBy.map(runId);
    }
    report.files[file] = data;
  }
  for (const [file, data] of Object.entries(one.testFiles ?? {})) {
    const tests = data.tests.map((t) => ({ ...t, id: runId(t.id) }));
    report.testFiles[file] = { ...data, tests: [...(report.testFiles[file]?.tests ?? []), ...tests] };
  }
}
const survivorsArg = process.argv.find((a) => a.startsWith("--survivors"));
const survivorsFilter = survivorsArg && survivorsArg.includes("=") ? survivorsArg.split("=")[1] : survivorsArg ? "" : null;

const withoutArg = process.argv.find((a) => a.startsWith("--without="));
const without = withoutArg ? withoutArg.slice("--without=".length).split(",").filter(Boolean) : [];
/** Test ids defined in the files left out. */
const leftOut = new Set();
for (const [file, data] of Object.entries(report.testFiles ?? {})) {
  const rel = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
  if (without.some((w) => rel.endsWith(w))) for (const t of data.tests) leftOut.add(t.id);
}
if (without.length > 0) {
  console.log(`scores without ${without.join(", ")} (${leftOut.size} tests)`);
  if (leftOut.size === 0) console.error("none of these files is in the report's test files");
  for (const data of Object.values(report.files)) {
    for (const m of data.mutants) {
      const stillCovered = (m.coveredBy ?? []).some((id) => !leftOut.has(id));
      if (m.status === "Killed" && (m.killedBy ?? []).every((id) => leftOut.has(id))) m.status = stillCovered ? "Survived" : "NoCoverage";
      else if ((m.status === "Survived" || m.status === "Timeout") && m.coveredBy && !stillCovered) m.status = "NoCoverage";
    }
  }
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

function tally(mutants) {
  const t = { detected: 0, undetected: 0, noCoverage: 0, ignored: 0, timeout: 0, total: mutants.length };
  for (const m of mutants) {
    if (m.status === "Ignored") t.ignored++;
    if (m.status === "Timeout") t.timeout++;
    if (DETECTED.has(m.status)) t.detected++;
    else if (UNDETECTED.has(m.status)) {
      t.undetected++;
      if (m.status === "NoCoverage") t.noCoverage++;
    }
  }
  return t;
}
const score = (t) => (t.detected + t.undetected === 0 ? 100 : (100 * t.detected) / (t.detected + t.undetected));
const pct = (t) => `${score(t).toFixed(1).padStart(5)} %`;

const files = Object.entries(report.files)
  .map(([file, data]) => [path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/"), data])
  .sort(([a], [b]) => a.localeCompare(b));
const folders = new Map();
for (const [file, data] of files) {
  const folder = path.posix.dirname(file);
  if (!folders.has(folder)) folders.set(folder, []);
  folders.get(folder).push([file, data]);
}

let failed = false;
for (const [folder, entries] of folders) {
  const all = tally(entries.flatMap(([, d]) => d.mutants));
  const target = TARGETS[folder];
  const mark = target === undefined ? "" : score(all) >= target ? `  (target ${target} %: met)` : `  (target ${target} %: NOT met)`;
  if (target !== undefined && score(all) < target) failed = true;
  console.log(`\n${folder}: ${pct(all)}  ${all.detected}/${all.detected + all.undetected} detected${mark}`);
  for (const [file, data] of entries.map(([f, d]) => [f, d, tally(d.mutants)]).sort((a, b) => score(a[2]) - score(b[2]))) {
    const t = tally(data.mutants);
    // a timed-out mutant counts as detected (Stryker's rule); on a loaded machine some may be slow, not caught
    const uncovered =
      (t.noCoverage ? `, ${t.noCoverage} without coverage` : "") + (t.timeout ? `, ${t.timeout} timed out` : "") + (t.ignored ? `, ${t.ignored} static (ignored)` : "");
    console.log(`  ${pct(t)}  ${path.posix.basename(file).padEnd(24)} ${String(t.undetected).padStart(3)} undetected of ${t.detected + t.undetected}${uncovered}`);
  }
}
const overall = tally(files.flatMap(([, d]) => d.mutants));
console.log(`\nall: ${pct(overall)}  ${overall.detected}/${overall.detected + overall.undetected} detected`);

if (survivorsFilter !== null) {
  console.log("\nundetected mutants:");
  for (const [file, data] of files) {
    if (!file.includes(survivorsFilter)) continue;
    const lines = data.source.split("\n");
    for (const m of data.mutants.filter((x) => UNDETECTED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
      const { start } = m.location;
      const original = lines[start.line - 1].trim().slice(0, 110);
      console.log(`${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? "")}\n    ${original}`);
    }
  }
}
process.exit(failed && process.argv.includes("--check") ? 1 : 0);
