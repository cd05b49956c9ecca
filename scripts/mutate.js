#!/usr/bin/env node
/**
 * `npm run mutate`: Stryker over src/domain, then src/blueprint, then src/import, one run per
 * folder, then the score per file and folder (scripts/mutation-scores.js over the three
 * reports).
 *
 * One run per folder because a whole run takes hours on a 2-core machine and Stryker writes
 * its report only when a run ends: a run stopped halfway would leave nothing, while here every
 * finished folder keeps its report (reports/mutation/<folder>.json) and its incremental file
 * (reports/incremental/<folder>.json, so a rerun tests only mutants whose code or tests
 * changed).
 *
 *   npm run mutate                    all three folders
 *   npm run mutate -- blueprint       only the folders named (domain, blueprint, import)
 *   npm run mutate -- --concurrency=1 fewer test processes (default: one per core)
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const FOLDERS = ["domain", "blueprint", "import"];

const args = process.argv.slice(2);
const unknown = args.filter((a) => !a.startsWith("--") && !FOLDERS.includes(a));
if (unknown.length > 0) {
  console.error(`未知的目录 ${unknown.join("、")}:可选 ${FOLDERS.join("、")}。`);
  process.exit(2);
}
const named = args.filter((a) => !a.startsWith("--"));
const chosen = named.length > 0 ? FOLDERS.filter((f) => named.includes(f)) : FOLDERS;
const concurrencyArg = args.find((a) => a.startsWith("--concurrency="));
const concurrency = concurrencyArg ? concurrencyArg.split("=")[1] : String(os.availableParallelism?.() ?? os.cpus().length);

const reportOf = (folder) => path.join(ROOT, "reports", "mutation", `${folder}.json`);
const minutes = (ms) => `${(ms / 60000).toFixed(1)} min`;
const times = [];

for (const folder of chosen) {
  const started = Date.now();
  console.log(`\n== Stryker: src/${folder} (concurrency ${concurrency}) ==`);
  const run = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "stryker"),
    [
      "run",
      "--mutate",
      `src/${folder}/**/*.ts,!src/**/index.ts`,
      "--concurrency",
      concurrency,
      "--incrementalFile",
      `reports/incremental/${folder}.json`,
    ],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? "20" } },
  );
  if (run.status !== 0) {
    console.error(`src/${folder} 的变异测试失败(退出码 ${run.status ?? run.signal}),之前完成的目录报告仍在 reports/mutation/。`);
    process.exit(1);
  }
  fs.copyFileSync(path.join(ROOT, "reports", "mutation", "mutation.json"), reportOf(folder));
  times.push(`src/${folder}: ${minutes(Date.now() - started)}`);
}

console.log(`\nRun time: ${times.join(", ")}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const reports = FOLDERS.map(reportOf).filter((f) => fs.existsSync(f));
const scores = spawnSync(process.execPath, [path.join(__dirname, "mutation-scores.js"), `--report=${reports.join(",")}`], { stdio: "inherit" });
process.exit(scores.status ?? 1);
