/**
 * `npm run bench`: round trips, bytes, time and memory of the add-in (through the genuine
 * Office.js client and the test host) against a naive baseline, the CLI, and the task pane.
 * Prints tables and writes bench-results/<timestamp>.json. Not part of `npm test`.
 *
 * Options (after `npm run bench --`):
 *   --skip-5000       leave out the 5,000-task list (about half the run time)
 *   --lists a,b       run only these lists: jiangxi, s500, s5000 (e.g. --lists s5000)
 *   --skip-addin      no add-in scenarios (CLI, start-up, LibreOffice and pane only)
 *   --skip-pane       no webpack build / Chromium
 *   --full-formulas   let the test host evaluate formulas at 5,000 tasks too (adds many minutes)
 *   --edits one       each returned copy changes one status instead of every row's
 *   --merge-cap N     merge only the first N units' returns of each list
 *   --keep-work       keep bench-results/.work-<timestamp>/ (lists, trackers, returns, bundle)
 *   --skip-lo         no LibreOffice recalculation timing
 *   --skip-naive      no naive baseline (its 5,000-task build alone takes minutes)
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { parseTaskList } from "../src/domain/parse-task-list";
import { formatTable } from "../src/cli/text-table";
import { buildBlueprint } from "../src/blueprint/build-blueprint";
import { carriedOver, loadTracker } from "../src/cli/tracker-file";
import { writeXlsxBuffer } from "../src/xlsx/render-xlsx";
import type { ScenarioResult, ScenarioSpec } from "./addin-scenario";
import { CLI_TS, CliRun, StartupFigure, TS_NODE, bundleCli, median, runNode, timeStartups } from "./cli-bench";
import { EXCEL_WEB_CAP, MB, PhaseResult, TARGET_REQUEST, progress } from "./measure";
import { SEED_LIST_PATH, syntheticListText } from "./synthetic-list";
import type { BundleFigures, PaneRun } from "./taskpane";
import type { EditMode } from "./returns";
import { RecalcResult, recalcInLibreOffice } from "./lo-recalc";
import { BYTE_KINDS } from "./wire-bytes";

const REPO = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const OPTIONS = {
  skip5000: flag("skip-5000"),
  lists: option("lists")?.split(",").map((x) => x.trim()),
  skipAddin: flag("skip-addin"),
  skipPane: flag("skip-pane"),
  fullFormulas: flag("full-formulas"),
  editMode: (option("edits") === "one" ? "one" : "all") as EditMode,
  mergeCap: Number(option("merge-cap") ?? 0),
  keepWork: flag("keep-work"),
  skipLo: flag("skip-lo"),
  skipNaive: flag("skip-naive"),
};

const say = (m: string) => progress("bench", m);
const mib = (b: number) => `${(b / MB).toFixed(2)} MB`;
const kib = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×` : "—");

interface ListInfo {
  key: string;
  label: string;
  file: string;
  tasks: number;
  units: number;
  assignments: number;
  busiestUnit: number;
  textBytes: number;
  deadlines: Record<string, number>;
  /** Σ over units of (its tasks)²: criteria checks one recalculation of 任务总表's COUNTIFS costs. */
  countifsCells: number;
}

function describeList(key: string, label: string, file: string): ListInfo {
  const text = readFileSync(file, "utf8");
  const list = parseTaskList(text);
  const perUnit = new Map<string, number>();
  const deadlines: Record<string, number> = {};
  for (const t of list.tasks) {
    for (const u of t.units) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
    deadlines[t.deadline.kind] = (deadlines[t.deadline.kind] ?? 0) + 1;
  }
  const counts = [...perUnit.values()];
  return {
    key,
    label,
    file,
    tasks: list.tasks.length,
    units: list.units.length,
    assignments: counts.reduce((a, b) => a + b, 0),
    busiestUnit: Math.max(...counts),
    textBytes: Buffer.byteLength(text),
    deadlines,
    countifsCells: counts.reduce((n, c) => n + c * c, 0),
  };
}

interface AddinRun {
  list: string;
  variant: string;
  spec: ScenarioSpec;
  exitCode: number;
  wallMs: number;
  result?: ScenarioResult;
}

function runScenario(list: ListInfo, variant: string, work: string, overrides: Partial<ScenarioSpec>): AddinRun {
  const dir = path.join(work, "addin", list.key);
  mkdirSync(dir, { recursive: true });
  const spec: ScenarioSpec = {
    label: `${list.key}/${variant}`,
    listFile: list.file,
    mode: "ours",
    out: path.join(dir, `${variant}.json`),
    contentFile: path.join(dir, "unit-sheets.json"),
    returnsDir: path.join(dir, "returns"),
    trackerId: `bench-${list.key}`,
    generatedAt: "2026-11-28 10:00",
    payloadLimitBytes: EXCEL_WEB_CAP,
    stubFormulas: false,
    editMode: OPTIONS.editMode,
    mergeCap: OPTIONS.mergeCap,
    ...overrides,
  };
  const specFile = path.join(dir, `${variant}.spec.json`);
  writeFileSync(specFile, JSON.stringify(spec, null, 2));
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [...TS_NODE, path.join(__dirname, "addin-scenario.ts"), specFile], {
    cwd: REPO,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const wallMs = Math.round(performance.now() - t0);
  const result = existsSync(spec.out) ? (JSON.parse(readFileSync(spec.out, "utf8")) as ScenarioResult) : undefined;
  if (!result) say(`${spec.label}: the scenario process exited with ${child.status} and wrote no result`);
  return { list: list.key, variant, spec, exitCode: child.status ?? -1, wallMs, result };
}

const phaseOf = (run: AddinRun | undefined, phase: string): PhaseResult | undefined => run?.result?.phases.find((p) => p.phase === phase);

interface Target {
  figure: string;
  measured: string;
  target: string;
  pass: boolean | null;
  note?: string;
}

async function main(): Promise<void> {
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, "-").replace(/Z$/, "");
  const resultsDir = path.join(REPO, "bench-results");
  // Inside the repository, where the work files were always kept.
  const work = path.join(resultsDir, `.work-${stamp}`);
  mkdirSync(work, { recursive: true });
  const load = [os.loadavg()[0]];
  const procLoad = (): string => (existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").trim() : os.loadavg().map((x) => x.toFixed(2)).join(" "));
  const loadAtStart = procLoad();
  say(`results: ${path.relative(REPO, resultsDir)}/${stamp}.json; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);

  // ---- lists ------------------------------------------------------------------------------
  const wanted = (key: string) => (OPTIONS.lists ? OPTIONS.lists.includes(key) : key !== "s5000" || !OPTIONS.skip5000);
  const lists: ListInfo[] = wanted("jiangxi") ? [describeList("jiangxi", "Jiangxi (real)", SEED_LIST_PATH)] : [];
  for (const [tasks, units] of [[500, 35], [5000, 200]]) {
    if (!wanted(`s${tasks}`)) continue;
    const file = path.join(work, `synthetic-${tasks}x${units}.txt`);
    writeFileSync(file, syntheticListText({ tasks, units }));
    lists.push(describeList(`s${tasks}`, `synthetic ${tasks.toLocaleString("en")} × ${units}`, file));
  }
  for (const l of lists) say(`list ${l.label}: ${l.tasks} tasks, ${l.units} units, ${l.assignments} task×unit rows, busiest unit ${l.busiestUnit} tasks, ${kib(l.textBytes)}`);

  // ---- add-in through the genuine client ---------------------------------------------------
  const addin: AddinRun[] = [];
  for (const l of OPTIONS.skipAddin ? [] : lists) {
    const big = l.tasks >= 5000;
    if (big) {
      say(`${l.label}: build under Excel on the web's 5 MB cap`);
      addin.push(runScenario(l, "ours-5MB-cap", work, { stubFormulas: !OPTIONS.fullFormulas, contentFile: path.join(work, "addin", l.key, "capped-unit-sheets.json"), returnsDir: path.join(work, "addin", l.key, "capped-returns") }));
      say(`${l.label}: all phases with the cap lifted to 64 MB (requests over 5 MB counted as would-fail)`);
      addin.push(runScenario(l, "ours", work, { stubFormulas: !OPTIONS.fullFormulas, payloadLimitBytes: 64 * MB }));
    } else {
      say(`${l.label}: build, refresh, merge, read (ours)`);
      addin.push(runScenario(l, "ours", work, {}));
    }
    if (OPTIONS.skipNaive) continue;
    say(`${l.label}: naive baseline`);
    addin.push(runScenario(l, "naive", work, { mode: "naive", stubFormulas: big && !OPTIONS.fullFormulas }));
    load.push(os.loadavg()[0]);
  }

  // ---- CLI ---------------------------------------------------------------------------------
  say("CLI: bundling the shipped form (scripts/build-cli.js, as `npm ci` does)");
  // Two folders below the repository, as dist-cli/cli/main.js is, so the built-in list resolves.
  const bundledMain = path.join(REPO, "dist-cli", `.bench-${stamp}`, "main.js");
  const compiled = bundleCli(bundledMain);
  if (!compiled.ok) say(`CLI bundle failed, bundle figures skipped: ${compiled.message}`);
  const cliRuns: Array<{ list: string; form: "ts-node" | "bundle"; command: string; runs: CliRun[]; xlsxBytes?: number }> = [];
  const forms: Array<{ form: "ts-node" | "bundle"; nodeArgs: string[]; script: string }> = [
    { form: "ts-node", nodeArgs: TS_NODE, script: CLI_TS },
    ...(compiled.ok ? [{ form: "bundle" as const, nodeArgs: [], script: bundledMain }] : []),
  ];
  let startup: { tool: string; figures: StartupFigure[] } | undefined;
  if (compiled.ok) {
    say("CLI: whole-process start-up of the bin against `node -e 0`");
    const out = path.join(work, "cli", "startup.xlsx");
    mkdirSync(path.dirname(out), { recursive: true });
    startup = timeStartups(
      [
        { name: "node -e 0", command: [process.execPath, "-e", "0"] },
        { name: "bin --help", command: [process.execPath, bundledMain, "--help"] },
        { name: "bin build Jiangxi", command: [process.execPath, bundledMain, "--out", out, "--tracker-id", "bench-startup"] },
      ],
      8,
      5,
      path.join(work, "cli", "startup.json"),
    );
  }
  for (const f of forms) {
    say(`CLI (${f.form}): start-up only (--help)`);
    cliRuns.push({ list: "-", form: f.form, command: "--help", runs: [0, 1, 2].map(() => runNode(f.nodeArgs, f.script, ["--help"])) });
  }
  const trackers = new Map<string, string>();
  for (const l of lists) {
    for (const f of forms) {
      const out = path.join(work, "cli", `${l.key}-${f.form}.xlsx`);
      mkdirSync(path.dirname(out), { recursive: true });
      const repeats = l.tasks >= 5000 ? 1 : 3;
      say(`CLI (${f.form}): build ${l.label} ×${repeats}`);
      const runs = Array.from({ length: repeats }, () => runNode(f.nodeArgs, f.script, ["build", "--tasks", l.file, "--out", out, "--tracker-id", `bench-${l.key}`]));
      cliRuns.push({ list: l.key, form: f.form, command: "build", runs, xlsxBytes: existsSync(out) ? statSync(out).size : undefined });
      if (f.form === "ts-node") trackers.set(l.key, out);
    }
    const returnsDir = path.join(work, "addin", l.key, "returns");
    const tracker = trackers.get(l.key);
    if (!tracker || !existsSync(returnsDir)) {
      say(`CLI merge ${l.label}: skipped (no tracker or no returned copies from the add-in run)`);
      continue;
    }
    const returns = readdirSync(returnsDir).map((f) => path.join(returnsDir, f));
    // The add-in's copies are signed with its tracker's key: give the CLI's tracker the same one.
    const tracked = await loadTracker(tracker);
    const copyAuthority = readFileSync(`${returnsDir}.copy-authority.json`, "utf8");
    writeFileSync(tracker, await writeXlsxBuffer(buildBlueprint(tracked.list, { ...carriedOver(tracked), generatedAt: "2026-11-28 10:00", reports: tracked.reports, copyAuthority })));
    for (const f of forms) {
      const out = path.join(work, "cli", `${l.key}-${f.form}-merged.xlsx`);
      say(`CLI (${f.form}): merge ${returns.length} returns into ${l.label}`);
      const run = runNode(f.nodeArgs, f.script, ["merge", tracker, ...returns, "--out", out]);
      cliRuns.push({ list: l.key, form: f.form, command: `merge (${returns.length} files)`, runs: [run], xlsxBytes: existsSync(out) ? statSync(out).size : undefined });
    }
    load.push(os.loadavg()[0]);
  }

  // ---- LibreOffice ------------------------------------------------------------------------
  let recalc: RecalcResult[] | undefined;
  if (!OPTIONS.skipLo) {
    const built = lists.filter((l) => trackers.has(l.key) && existsSync(trackers.get(l.key)!));
    say(`LibreOffice: open, full recalculation and one-status edits in the busiest unit's sheet (${built.map((l) => l.label).join(", ")})`);
    recalc = await recalcInLibreOffice(built.map((l) => ({ list: l.key, file: trackers.get(l.key)! })));
    if (!recalc) say("LibreOffice: /usr/bin/soffice or /usr/bin/python3 missing, skipped");
    load.push(os.loadavg()[0]);
  }

  // ---- task pane -------------------------------------------------------------------------
  let bundle: BundleFigures | undefined;
  const paneRuns: PaneRun[] = [];
  const paneErrors: string[] = [];
  if (!OPTIONS.skipPane) {
    const { buildTaskpane, timePane } = await import("./taskpane");
    say("task pane: production webpack build");
    const dist = path.join(work, "dist");
    bundle = buildTaskpane(dist);
    say(`task pane: initial JS ${kib(bundle.initialGzipBytes)} gzip (${bundle.initialFiles.map((f) => f.file).join(", ")})`);
    for (let i = 0; i < 3; i++) {
      say(`task pane: cold start ${i + 1}/3 in headless Chromium`);
      try {
        paneRuns.push(await timePane(dist));
      } catch (e) {
        // No Chromium, or the page never became interactive: reported in the table as a miss.
        paneErrors.push((e as Error).message.split("\n")[0]);
      }
    }
    load.push(os.loadavg()[0]);
  }

  // ---- report ------------------------------------------------------------------------------
  const ours = (key: string) => addin.find((r) => r.list === key && r.variant === "ours");
  const naive = (key: string) => addin.find((r) => r.list === key && r.variant === "naive");
  const out: string[] = [];
  const print = (s = "") => out.push(s);

  print(`Lists (MB = 2^20 bytes)`);
  print(
    formatTable(
      ["list", "tasks", "units", "task×unit", "busiest unit", "text", "deadlines (date/from/yearly/none)", "COUNTIFS cells/recalc"],
      lists.map((l) => [l.label, String(l.tasks), String(l.units), String(l.assignments), String(l.busiestUnit), kib(l.textBytes), ["date", "from", "yearly", "none"].map((k) => l.deadlines[k] ?? 0).join("/"), l.countifsCells.toLocaleString("en")]),
    ),
  );

  print("");
  print("Add-in through the genuine Office.js client and the test host");
  print("(round trips = context.sync() batches; cleanup = Excel.run's trailing _RemoveReference batch, counted apart;");
  print(" ms = wall clock of the phase, cpu ms = this process's CPU time in it, host ms = wall time inside the test host;");
  print(" >5MB = requests + responses over Excel on the web's cap; RSS = peak process RSS sampled every 20 ms and");
  print(" around every request, whole process; heap = peak heapUsed minus heapUsed at phase start)");
  const phaseRows: string[][] = [];
  for (const r of addin) {
    for (const p of r.result?.phases ?? []) {
      phaseRows.push([
        lists.find((l) => l.key === r.list)!.label,
        r.variant,
        p.phase,
        p.ok ? "ok" : `FAILED ${p.error?.code ?? ""}`.trim(),
        String(p.roundTrips),
        String(p.cleanupTrips),
        mib(p.requestBytes),
        mib(p.largestRequest),
        mib(p.responseBytes),
        mib(p.largestResponse),
        String(p.requestsOverCap + p.responsesOverCap),
        String(p.wallMs),
        String(p.cpuMs),
        String(p.hostMs),
        String(p.peakRssMB),
        String(p.heapGrowthMB),
      ]);
    }
    if (!r.result) phaseRows.push([r.list, r.variant, "(process failed)", `exit ${r.exitCode}`, ...Array(12).fill("")]);
  }
  print(formatTable(["list", "variant", "phase", "status", "trips", "cleanup", "sent", "largest req", "received", "largest resp", ">5MB", "ms", "cpu ms", "host ms", "RSS MB", "heap MB"], phaseRows));
  for (const r of addin) {
    for (const n of r.result?.notes ?? []) print(`  note ${r.list}/${r.variant}: ${n}`);
    for (const c of r.result?.checks ?? []) print(`  check ${r.list}/${r.variant}: ${c.ok ? "ok" : "FAILED"} — ${c.what} (${c.detail})`);
    if (r.result?.returns) {
      const rt = r.result.returns;
      print(`  returns ${r.list}: ${rt.files} of ${rt.ofUnits} units' copies, ${rt.edited} statuses edited (${rt.mode === "all" ? "every row" : "one per file"}), ${mib(rt.bytes)}, prepared in ${rt.prepMs} ms (not in the merge time)`);
    }
  }
  const failed = addin.flatMap((r) => (r.result?.phases ?? []).filter((p) => !p.ok).map((p) => ({ r, p })));
  for (const { r, p } of failed) {
    const bad = p.batches.find((b) => b[4] !== null);
    print(`  failure ${r.list}/${r.variant}/${p.phase}: ${p.error?.code ?? ""} ${p.error?.message ?? ""}${bad ? ` — batch of ${mib(bad[1])} request, ${bad[3]} actions, answered ${bad[4]}` : ""}`);
  }

  print("");
  print("Bytes sent ÷ cell content written (content = UTF-8 of the text, numbers and formulas put into cells; the rest by what it carries;");
  print(" overhead = object paths, Instantiate actions, envelope and every other action: sheets, names, freeze panes, widths of the request JSON)");
  const wireRows: string[][] = [];
  for (const r of addin.filter((x) => x.variant !== "naive")) {
    for (const p of r.result?.phases ?? []) {
      if (!p.wire || p.wire.total === 0) continue;
      wireRows.push([
        lists.find((l) => l.key === r.list)!.label,
        r.variant,
        p.phase,
        mib(p.wire.total),
        mib(p.wire.content),
        p.wire.content > 0 ? `${(p.wire.total / p.wire.content).toFixed(2)}×` : "—",
        ...BYTE_KINDS.map((k) => `${mib(p.wire.byKind[k])} (${((100 * p.wire.byKind[k]) / p.wire.total).toFixed(0)}%)`),
      ]);
    }
  }
  print(formatTable(["list", "variant", "phase", "sent", "content", "sent ÷ content", ...BYTE_KINDS], wireRows));

  if (recalc) {
    print("");
    print("LibreOffice Calc recalculation (headless, UNO; edit = one status typed in the busiest unit's sheet, then calculate(); ms)");
    print(
      formatTable(
        ["list", "busiest unit sheet", "its tasks", "open", "full recalc", "one edit (each)", "edit median", "roll-up moved"],
        recalc.map((r) => [
          lists.find((l) => l.key === r.list)!.label,
          r.sheet,
          String(r.unitTasks),
          String(r.loadMs),
          r.fullRecalcMs.map((x) => x.toFixed(0)).join(" / "),
          r.editRecalcMs.map((x) => x.toFixed(0)).join(" / "),
          median(r.editRecalcMs).toFixed(0),
          r.checkAfter - r.checkBefore === r.edits ? `yes (+${r.edits})` : `NO (${r.checkBefore} → ${r.checkAfter})`,
        ]),
      ),
    );
  }

  print("");
  print("Naive baseline ÷ ours (same blueprint; naive = one sync per unit-sheet row when writing, one per unit sheet when reading)");
  const naiveRows: string[][] = [];
  for (const l of lists) {
    const pairs: Array<[string, PhaseResult | undefined, PhaseResult | undefined]> = [
      ["build", phaseOf(naive(l.key), "naive-build"), phaseOf(ours(l.key), "build")],
      ["read statuses", phaseOf(ours(l.key), "naive-read"), phaseOf(ours(l.key), "read")],
    ];
    for (const [op, n, o] of pairs) {
      if (!n || !o) continue;
      naiveRows.push([l.label, op, String(n.roundTrips), String(o.roundTrips), ratio(n.roundTrips, o.roundTrips), mib(n.requestBytes), mib(o.requestBytes), ratio(n.requestBytes, o.requestBytes), mib(n.responseBytes), mib(o.responseBytes), String(n.wallMs), String(o.wallMs)]);
    }
  }
  print(formatTable(["list", "operation", "naive trips", "our trips", "trips ÷", "naive sent", "our sent", "sent ÷", "naive recv", "our recv", "naive ms", "our ms"], naiveRows));

  print("");
  print(`CLI as a child process (wall clock and peak RSS by ${cliRuns[0]?.runs[0]?.method ?? "-"}; median of the runs; "work" = the time build prints for itself)`);
  const cliRows = cliRuns.map((c) => [
    c.list === "-" ? "-" : lists.find((l) => l.key === c.list)!.label,
    c.form,
    c.command,
    String(c.runs.length),
    c.runs.every((r) => r.exitCode === 0) ? "ok" : `exit ${c.runs.map((r) => r.exitCode).join(",")}`,
    secs(median(c.runs.map((r) => r.wallMs))),
    secs(median(c.runs.map((r) => r.cpuMs))),
    String(median(c.runs.map((r) => r.peakRssMB))),
    c.runs.some((r) => r.selfReportedMs !== undefined) ? String(median(c.runs.map((r) => r.selfReportedMs ?? NaN))) : "",
    c.xlsxBytes === undefined ? "" : kib(c.xlsxBytes),
  ]);
  print(formatTable(["list", "form", "command", "runs", "status", "wall", "CPU", "RSS MB", "work ms", ".xlsx"], cliRows));
  if (startup) {
    const base = startup.figures[0];
    print(`  whole-process start-up by ${startup.tool} (ratios to node -e 0; CPU = user + system, steadier than wall on a loaded machine):`);
    print(
      formatTable(
        ["process", "runs", "median wall", "mean wall", "mean CPU", "wall ÷ node", "CPU ÷ node", "wall ÷ node per round"],
        startup.figures.map((f) => [
          f.name,
          String(f.runs),
          `${f.medianMs} ms`,
          `${f.meanMs} ms`,
          Number.isNaN(f.cpuMs) ? "?" : `${f.cpuMs} ms`,
          ratio(f.medianMs, base.medianMs),
          Number.isNaN(f.cpuMs) ? "?" : ratio(f.cpuMs, base.cpuMs),
          `${Math.min(...f.roundRatios).toFixed(1)}–${Math.max(...f.roundRatios).toFixed(1)}×`,
        ]),
      ),
    );
  }
  for (const c of cliRuns) for (const r of c.runs) if (r.stderrTail) print(`  ${c.form} ${c.command} ${c.list}: ${r.stderrTail}`);

  if (bundle) {
    print("");
    print(`Task pane (production build in ${secs(bundle.buildMs)})`);
    print(formatTable(["file", "kind", "bytes", "gzip"], [...bundle.initialFiles.map((f) => [f.file, "initial", kib(f.bytes), kib(f.gzipBytes)]), ...bundle.lazyFiles.map((f) => [f.file, "lazy", kib(f.bytes), kib(f.gzipBytes)])]));
    print(`  taskpane.html loads: ${bundle.scriptTagsInHtml.join(", ")} (office.js comes from Microsoft's CDN and is not counted)`);
    if (paneRuns.length > 0) {
      print(
        formatTable(
          ["cold start", "office.js loaded", "pane JS loaded", "DOMContentLoaded", "load", "interactive", "host trips", "page errors"],
          paneRuns.map((p, i) => [String(i + 1), String(p.officeJsLoadedMs), String(p.paneScriptLoadedMs), String(p.domContentLoadedMs), String(p.loadEventMs), String(p.interactiveMs), String(p.hostRoundTrips), String(p.pageErrors.length)]),
        ),
      );
      print("  (ms since navigation start in the page; interactive = build button visible and enabled, polled every frame; real office.js loader, host answers through the win32 bridge)");
    }
    for (const e of paneErrors) print(`  pane run failed: ${e}`);
  }

  // ---- targets -------------------------------------------------------------------------------
  const targets: Target[] = [];
  for (const key of ["jiangxi", "s5000"]) {
    const p = phaseOf(ours(key), "build");
    if (!p?.wire || p.wire.content === 0) continue;
    targets.push({ figure: `${lists.find((l) => l.key === key)!.label} build: bytes sent ÷ cell content`, measured: `${mib(p.wire.total)} ÷ ${mib(p.wire.content)} = ${(p.wire.total / p.wire.content).toFixed(2)}×`, target: "≤ 2×", pass: p.wire.total <= 2 * p.wire.content });
  }
  for (const r of recalc ?? []) {
    if (r.list !== "s5000") continue;
    targets.push({ figure: `${lists.find((l) => l.key === r.list)!.label}: LibreOffice recalculation after one status edit`, measured: `${median(r.editRecalcMs).toFixed(0)} ms (median of ${r.editRecalcMs.length}; full ${median(r.fullRecalcMs).toFixed(0)} ms)`, target: "≤ 200 ms", pass: median(r.editRecalcMs) <= 200 && r.checkAfter - r.checkBefore === r.edits });
  }
  const trips = (key: string, phase: string, limit: number, label: string) => {
    const p = phaseOf(ours(key), phase);
    targets.push({ figure: label, measured: p ? `${p.roundTrips}${p.ok ? "" : " (failed)"}` : "not run", target: `≤ ${limit}`, pass: p ? p.ok && p.roundTrips <= limit : null });
  };
  trips("jiangxi", "build", 3, "Jiangxi build round trips");
  trips("jiangxi", "refresh", 2, "Jiangxi refresh round trips");
  trips("jiangxi", "merge", 3, `Jiangxi merge round trips (${ours("jiangxi")?.result?.returns?.files ?? "?"} returns)`);
  trips("s500", "merge", 3, `500×35 merge round trips (${ours("s500")?.result?.returns?.files ?? "?"} returns)`);
  for (const l of lists) {
    for (const [op, nPhase, oPhase] of [["build", "naive-build", "build"], ["read", "naive-read", "read"]] as const) {
      const n = phaseOf(op === "build" ? naive(l.key) : ours(l.key), nPhase);
      const o = phaseOf(ours(l.key), oPhase);
      if (!n || !o) continue;
      // A naive read costs units + 2 trips against our 2, so ≥ 50× needs ≥ 98 units: say so next to the figure.
      const why = op === "read" ? ` (naive = ${l.units} units + 2)` : "";
      targets.push({ figure: `${l.label} ${op}: naive ÷ our round trips`, measured: `${n.roundTrips} ÷ ${o.roundTrips} = ${(n.roundTrips / Math.max(1, o.roundTrips)).toFixed(1)}×${why}`, target: "≥ 50×", pass: o.ok && n.roundTrips >= 50 * o.roundTrips });
    }
  }
  const big = lists.find((l) => l.tasks >= 5000);
  if (big) {
    const capped = addin.find((r) => r.list === big.key && r.variant === "ours-5MB-cap");
    const cb = phaseOf(capped, "build");
    if (cb) {
      targets.push({ figure: `${big.label} build under the real 5 MB cap`, measured: cb.ok ? `ok, ${cb.roundTrips} trips` : `refused: ${cb.error?.code ?? cb.error?.message} (request ${mib(cb.largestRequest)})`, target: "completes", pass: cb.ok });
    }
    for (const phase of ["build", "refresh", "merge", "read"]) {
      const p = phaseOf(ours(big.key), phase);
      if (!p) continue;
      const total = p.requestBytes + p.responseBytes;
      const limit = Math.ceil(total / TARGET_REQUEST) + 2;
      targets.push({ figure: `${big.label} ${phase}: trips ≤ ceil(bytes/4MB)+2`, measured: `${p.roundTrips} trips, ${mib(total)} sent+received`, target: `≤ ${limit}`, pass: p.ok && p.roundTrips <= limit });
      targets.push({ figure: `${big.label} ${phase}: no request ≥ 4 MB`, measured: `largest ${mib(p.largestRequest)}, ${p.requestsOver4MB} of ${p.roundTrips} ≥ 4 MB`, target: "0 requests ≥ 4 MB", pass: p.requestsOver4MB === 0 });
      targets.push({ figure: `${big.label} ${phase}: within Excel on the web's 5 MB cap`, measured: `${p.requestsOverCap} requests, ${p.responsesOverCap} responses > 5 MB (largest resp ${mib(p.largestResponse)})`, target: "none over 5 MB", pass: p.requestsOverCap + p.responsesOverCap === 0 });
    }
  }
  const cliBuild = (key: string, form: string) => cliRuns.find((c) => c.list === key && c.form === form && c.command === "build");
  if (startup) {
    const [node, , bin] = startup.figures;
    targets.push({
      figure: "bin builds Jiangxi (whole process) ÷ node -e 0",
      measured: `${bin.medianMs} ÷ ${node.medianMs} ms = ${(bin.medianMs / node.medianMs).toFixed(1)}× wall (rounds ${Math.min(...bin.roundRatios).toFixed(1)}–${Math.max(...bin.roundRatios).toFixed(1)}×)${Number.isNaN(bin.cpuMs) ? "" : `; CPU ${bin.cpuMs} ÷ ${node.cpuMs} ms = ${(bin.cpuMs / node.cpuMs).toFixed(1)}×`}`,
      target: "< 4×",
      pass: bin.medianMs < 4 * node.medianMs,
    });
  }
  for (const [key, limitMs] of [["jiangxi", 500], ["s5000", 10_000]] as const) {
    for (const form of ["ts-node", "bundle"]) {
      const c = cliBuild(key, form);
      if (!c) continue;
      const wall = median(c.runs.map((r) => r.wallMs));
      const work = median(c.runs.map((r) => r.selfReportedMs ?? NaN));
      const cpu = median(c.runs.map((r) => r.cpuMs));
      targets.push({
        figure: `CLI tracker ${lists.find((l) => l.key === key)!.label} (${form}${form === "bundle" ? ", the bin and npm run tracker" : ""})`,
        measured: `${secs(wall)} wall, ${secs(cpu)} CPU (work ${Number.isNaN(work) ? "?" : secs(work)})`,
        target: `< ${secs(limitMs)}`,
        pass: c.runs.every((r) => r.exitCode === 0) && wall < limitMs,
      });
    }
  }
  if (!OPTIONS.skipPane) {
    targets.push({ figure: "initial task pane JS (gzip)", measured: bundle ? kib(bundle.initialGzipBytes) : "not built", target: "≤ 350.0 KB", pass: bundle ? bundle.initialGzipBytes <= 350 * 1024 : null });
    targets.push({ figure: "task pane interactive after navigation (median)", measured: paneRuns.length ? `${median(paneRuns.map((p) => p.interactiveMs))} ms` : `not measured${paneErrors.length ? ` (${paneErrors[0]})` : ""}`, target: "(report only)", pass: null });
  }
  print("");
  print("Targets");
  print(formatTable(["figure", "measured", "target", "result"], targets.map((t) => [t.figure, t.measured, t.target, t.pass === null ? "—" : t.pass ? "pass" : "MISS"])));
  load.push(os.loadavg()[0]);
  print("");
  print(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, node ${process.version}; 1-min load average during the run: ${load.map((x) => x.toFixed(1)).join(" → ")}${Math.max(...load) > os.cpus().length ? " (machine busy: times are inflated)" : ""}`);
  print(`/proc/loadavg (1, 5, 15 min; runnable/total; last pid) at the start: ${loadAtStart}; at the end: ${procLoad()}`);
  print(`Total ${secs(Date.now() - started.getTime())}.`);

  const report = out.join("\n");
  process.stdout.write(`\n${report}\n`);
  mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, `${stamp}.json`);
  writeFileSync(
    jsonFile,
    JSON.stringify(
      {
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        options: OPTIONS,
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, totalMemGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, loadAverage1m: load },
        lists,
        addin: addin.map((r) => ({ list: r.list, variant: r.variant, exitCode: r.exitCode, processWallMs: r.wallMs, spec: { ...r.spec, listFile: path.basename(r.spec.listFile) }, result: r.result })),
        cli: { bundle: compiled, runs: cliRuns, startup },
        libreOffice: recalc ?? null,
        pane: bundle ? { bundle, runs: paneRuns, errors: paneErrors } : null,
        targets,
        report,
      },
      null,
      2,
    ),
  );
  rmSync(path.dirname(bundledMain), { recursive: true, force: true });
  if (!OPTIONS.keepWork) rmSync(work, { recursive: true, force: true });
  process.stdout.write(`\nwritten ${path.relative(REPO, jsonFile)}${OPTIONS.keepWork ? ` (work files kept in ${path.relative(REPO, work)})` : ""}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
