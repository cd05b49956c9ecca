/**
 * One list through the genuine Office.js client and the test host, in its own process so
 * that memory figures belong to this list only. Run by bench/run.ts:
 *
 *   node -r ts-node/register/transpile-only bench/addin-scenario.ts SPEC.json
 *
 * SPEC (see ScenarioSpec) names the list file, the mode (ours | naive) and where to write
 * the result JSON; progress goes to stderr.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { buildBlueprint } from "../src/blueprint/build-blueprint";
import { parseTaskList } from "../src/domain/parse-task-list";
import { buildTracker } from "../src/excel/build-tracker";
import { mergeReturnFiles } from "../src/excel/merge-returns";
import { makeUnitCopies } from "../src/excel/export-copies";
import { AUTHORITY_META_KEY } from "../src/blueprint/copy-authority";
import { refreshTracker } from "../src/excel/refresh-tracker";
import { readMasterState } from "../src/excel/tracker-reports";
import { createNodeHost } from "../tests/excel-host/node-host";
import type { NodeExcelHost } from "../tests/excel-host/node-host";
import { HostMeter, PhaseResult, progress } from "./measure";
import { naiveBuild, naiveReadStatuses } from "./naive-addin";
import { EditMode, makeReturns } from "./returns";

export interface ScenarioSpec {
  label: string;
  listFile: string;
  mode: "ours" | "naive";
  out: string;
  /** Where the ours run leaves unit-sheet content for the naive run to compare with. */
  contentFile: string;
  /** Where the ours run leaves the returned copies for the CLI merge. */
  returnsDir: string;
  trackerId: string;
  generatedAt: string;
  payloadLimitBytes: number;
  /** Replace the host's formula evaluation by a constant (see stubFormulaEngine). */
  stubFormulas: boolean;
  editMode: EditMode;
  /** Merge at most this many returned files (the first units in list order); 0 = all. */
  mergeCap: number;
}

export interface ScenarioResult {
  label: string;
  mode: "ours" | "naive";
  tasks: number;
  units: number;
  assignments: number;
  unitRows: number;
  phases: PhaseResult[];
  returns?: { files: number; ofUnits: number; edited: number; prepMs: number; bytes: number; mode: EditMode };
  checks: Array<{ what: string; ok: boolean; detail: string }>;
  notes: string[];
}

/**
 * The test host evaluates formulas with HyperFormula. At 5,000 tasks × 200 units the first
 * formula read (the summary read that ends a build) took it 682 s wall, 318 s CPU, on a
 * 2-core machine: the test double's cost, not the add-in's, and far past the benchmark's
 * time budget (--full-formulas measures it anyway).
 * Replacing the evaluation by a constant keeps every request and response the same shape
 * (formula cells then read 0), so round trips and bytes are still the add-in's own.
 */
function stubFormulaEngine(host: NodeExcelHost): void {
  const engine = host.workbook.engine as unknown as { valueOf: (...args: unknown[]) => unknown; evaluateFormula: (...args: unknown[]) => unknown };
  engine.valueOf = () => 0;
  engine.evaluateFormula = () => 0;
}

type Content = Record<string, unknown[][]>;

/** Every unit sheet's cells as written (formulas as text, constants as values): no evaluation needed. */
function unitSheetContent(host: NodeExcelHost, sheets: Array<{ name: string; rows: number }>): Content {
  const out: Content = {};
  for (const s of sheets) out[s.name] = host.formulas(`'${s.name.replace(/'/g, "''")}'!A1:N${s.rows}`);
  return out;
}

async function runOurs(spec: ScenarioSpec, host: NodeExcelHost, meter: HostMeter, result: ScenarioResult, source: string): Promise<void> {
  const list = parseTaskList(source);
  const say = (m: string) => progress(spec.label, m);
  const record = (p: PhaseResult) => {
    result.phases.push(p);
    say(`${p.phase}: ${p.ok ? "ok" : `FAILED (${p.error?.code ?? ""} ${p.error?.message ?? ""})`} — ${p.roundTrips} round trips, ${(p.requestBytes / 1e6).toFixed(2)} MB sent, ${p.wallMs} ms`);
  };

  say("build (buildTracker)");
  const build = await meter.phase("build", () =>
    host.run((ctx) => buildTracker(ctx, list, { trackerId: spec.trackerId, generatedAt: spec.generatedAt, isSetSupported: () => true, listSource: source })),
  );
  record(build.measured);
  if (!build.result) {
    result.notes.push("build failed: refresh, merge and read need a tracker, so they were not run for this list.");
    return;
  }
  const unitSheets = build.result.blueprint.sheets.filter((s) => s.role === "unit").map((s) => ({ name: s.name, rows: s.cells.length }));
  mkdirSync(path.dirname(spec.contentFile), { recursive: true });
  writeFileSync(spec.contentFile, JSON.stringify(unitSheetContent(host, unitSheets)));

  say("refresh (refreshTracker)");
  record((await meter.phase("refresh", () => host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:30", isSetSupported: () => true })))).measured);

  // The copies carry the master's reports at export as their baseline, as the pane's export does,
  // and its copy key (created by an export of no unit; merges refuse unsigned copies).
  await host.run((ctx) => makeUnitCopies(ctx, [], "2026-11-28 10:00"));
  const before = await host.run((ctx) => readMasterState(ctx));
  const copyAuthority = before.meta.extra[AUTHORITY_META_KEY];
  const units = spec.mergeCap > 0 ? list.units.slice(0, spec.mergeCap) : list.units;
  say(`preparing ${units.length} returned copies (buildUnitCopy → writeXlsxBuffer → ExcelJS edit, ${spec.editMode === "all" ? "every row's status" : "one status"})`);
  const returns = await makeReturns(list, units, {
    trackerId: spec.trackerId,
    reports: before.reports,
    mode: spec.editMode,
    copyKey: JSON.parse(copyAuthority).key,
    onProgress: (n) => n % 25 === 0 && say(`  ${n}/${units.length} copies`),
  });
  mkdirSync(spec.returnsDir, { recursive: true });
  for (const u of returns.uploads) writeFileSync(path.join(spec.returnsDir, u.name), u.data);
  // The CLI merge of the same returns needs the same key in its tracker file.
  writeFileSync(`${spec.returnsDir}.copy-authority.json`, copyAuthority);
  result.returns = {
    files: units.length,
    ofUnits: list.units.length,
    edited: returns.edited,
    prepMs: returns.ms,
    bytes: returns.uploads.reduce((n, u) => n + u.data.length, 0),
    mode: spec.editMode,
  };

  say(`merge (mergeReturnFiles, ${units.length} files)`);
  const merge = await meter.phase("merge", () => host.run((ctx) => mergeReturnFiles(ctx, returns.uploads, "2026-12-01 10:00")));
  record(merge.measured);
  if (merge.result) {
    const updated = merge.result.outcome.files.reduce((n, f) => n + f.updated.length, 0);
    result.checks.push({ what: "merge updated every edited report", ok: updated === returns.edited && merge.result.refused.length === 0, detail: `${updated} updated of ${returns.edited} edited, ${merge.result.refused.length} refused` });
  }

  say("read of all statuses (readMasterState)");
  const read = await meter.phase("read", () => host.run((ctx) => readMasterState(ctx)));
  record(read.measured);

  say("naive read (one sync per unit sheet)");
  const naive = await meter.phase("naive-read", () => host.run((ctx) => naiveReadStatuses(ctx)));
  record(naive.measured);
  if (read.result && naive.result) {
    const ours = new Map([...read.result.reports].filter(([, r]) => r.status !== "").map(([k, r]) => [k, r.status as string]));
    const same = ours.size === naive.result.size && [...ours].every(([k, v]) => naive.result!.get(k) === v);
    result.checks.push({ what: "naive read returns the same statuses as readMasterState", ok: same, detail: `${ours.size} vs ${naive.result.size} statuses` });
    if (merge.result) {
      result.checks.push({ what: "every merged status reads back", ok: ours.size === returns.edited, detail: `${ours.size} statuses read, ${returns.edited} edited` });
    }
  }
}

async function runNaive(spec: ScenarioSpec, host: NodeExcelHost, meter: HostMeter, result: ScenarioResult, source: string): Promise<void> {
  const list = parseTaskList(source);
  const blueprint = buildBlueprint(list, { trackerId: spec.trackerId, generatedAt: spec.generatedAt, listSource: source });
  const unitSheets = blueprint.sheets.filter((s) => s.role === "unit");
  const rows = unitSheets.reduce((n, s) => n + s.cells.length, 0);
  progress(spec.label, `naive build (${rows} unit-sheet rows, one sync each)`);
  let last = 0;
  const build = await meter.phase("naive-build", () =>
    host.run((ctx) =>
      naiveBuild(ctx, blueprint, {
        onProgress: (done, total) => {
          if (Date.now() - last > 5000) {
            last = Date.now();
            progress(spec.label, `  ${done}/${total} unit sheets`);
          }
        },
      }),
    ),
  );
  result.phases.push(build.measured);
  progress(spec.label, `naive-build: ${build.measured.ok ? "ok" : `FAILED (${build.measured.error?.message})`} — ${build.measured.roundTrips} round trips, ${build.measured.wallMs} ms`);
  if (!build.measured.ok) return;
  let expected: Content;
  try {
    expected = JSON.parse(readFileSync(spec.contentFile, "utf8")) as Content;
  } catch {
    result.checks.push({ what: "naive build writes the same unit sheets", ok: false, detail: `no content from our build to compare with (${spec.contentFile})` });
    return;
  }
  const actual = unitSheetContent(host, unitSheets.map((s) => ({ name: s.name, rows: s.cells.length })));
  const differing = Object.keys(expected).filter((name) => JSON.stringify(expected[name]) !== JSON.stringify(actual[name]));
  const missing = unitSheets.filter((s) => !(s.name in expected)).length;
  result.checks.push({
    what: "naive build writes the same unit sheets (values and formulas)",
    ok: differing.length === 0 && missing === 0,
    detail: `${unitSheets.length} sheets compared, ${differing.length} differ${differing.length ? ` (${differing.slice(0, 3).join(", ")})` : ""}`,
  });
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], "utf8")) as ScenarioSpec;
  const source = readFileSync(spec.listFile, "utf8");
  const list = parseTaskList(source);
  const host = createNodeHost({ payloadLimitBytes: spec.payloadLimitBytes });
  if (spec.stubFormulas) stubFormulaEngine(host);
  const meter = new HostMeter(host);
  const assignments = list.tasks.reduce((n, t) => n + t.units.length, 0);
  const result: ScenarioResult = {
    label: spec.label,
    mode: spec.mode,
    tasks: list.tasks.length,
    units: list.units.length,
    assignments,
    unitRows: assignments + 2 * list.units.length,
    phases: [],
    checks: [],
    notes: [],
  };
  if (spec.stubFormulas) result.notes.push("formula evaluation in the test host replaced by a constant (HyperFormula too slow at this size); traffic figures unaffected");
  if (spec.payloadLimitBytes > 5 * 1024 * 1024) result.notes.push(`host payload cap lifted to ${spec.payloadLimitBytes / 1024 / 1024} MB to measure past Excel on the web's 5 MB; batches over 5 MB are counted as would-fail`);
  if (spec.mode === "ours") await runOurs(spec, host, meter, result, source);
  else await runNaive(spec, host, meter, result, source);
  meter.stop();
  writeFileSync(spec.out, JSON.stringify(result, null, 2));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
