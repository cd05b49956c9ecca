/**
 * The command line as a user runs it: a child process per command, wall time and peak RSS
 * from /usr/bin/time -v (or, without it, from the child's own process.resourceUsage()
 * through bench/exit-rusage.js), plus the time the CLI reports for its own work.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

const REPO = path.resolve(__dirname, "..");
const TIME = "/usr/bin/time";

export interface CliRun {
  args: string[];
  exitCode: number;
  wallMs: number;
  /** User + system CPU time of the child. */
  cpuMs: number;
  peakRssMB: number;
  /** "用时 N ms" printed by `build` (its work after start-up), when present. */
  selfReportedMs?: number;
  method: "/usr/bin/time -v" | "process.resourceUsage() in the child";
  stderrTail?: string;
}

function parseTimeV(stderr: string): { wallMs: number; cpuMs: number; rssKB: number } | undefined {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): (\d+(?:\.\d+)?)/.exec(stderr);
  const system = /System time \(seconds\): (\d+(?:\.\d+)?)/.exec(stderr);
  if (!wall || !rss || !user || !system) return undefined;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { wallMs: Math.round(seconds * 1000), cpuMs: Math.round((Number(user[1]) + Number(system[1])) * 1000), rssKB: Number(rss[1]) };
}

/** Runs `node <nodeArgs> <script> <args>` from the repository root and measures it. */
export function runNode(nodeArgs: string[], script: string, args: string[]): CliRun {
  const argv = [...nodeArgs, script, ...args];
  const haveTime = existsSync(TIME);
  let run;
  let rusageFile = "";
  const t0 = performance.now();
  if (haveTime) {
    run = spawnSync(TIME, ["-v", process.execPath, ...argv], { cwd: REPO, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } else {
    rusageFile = path.join(os.tmpdir(), `bench-rusage-${process.pid}-${Date.now()}.json`);
    run = spawnSync(process.execPath, ["-r", path.join(__dirname, "exit-rusage.js"), ...argv], {
      cwd: REPO,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
    });
  }
  const outerMs = Math.round(performance.now() - t0);
  const self = /用时 (\d+) ms/.exec(run.stdout ?? "");
  let wallMs = outerMs;
  let cpuMs = NaN;
  let peakRssMB = NaN;
  if (haveTime) {
    const parsed = parseTimeV(run.stderr ?? "");
    if (parsed) {
      wallMs = parsed.wallMs;
      cpuMs = parsed.cpuMs;
      peakRssMB = Math.round(parsed.rssKB / 102.4) / 10;
    }
  } else if (existsSync(rusageFile)) {
    const usage = JSON.parse(readFileSync(rusageFile, "utf8")) as { maxRSS: number; cpuMicros: number };
    peakRssMB = Math.round(usage.maxRSS / 102.4) / 10;
    cpuMs = Math.round(usage.cpuMicros / 1000);
    rmSync(rusageFile, { force: true });
  }
  const code = run.status ?? -1;
  // /usr/bin/time reports a failing child on its own line; keep the child's last words for the report.
  const tail = code === 0 ? undefined : (run.stderr ?? "").split("\n").filter((l) => l && !/^\s/.test(l)).slice(-5).join(" | ");
  return {
    args: [path.relative(REPO, script) || script, ...args.map((a) => (path.isAbsolute(a) ? path.basename(a) : a))],
    exitCode: code,
    wallMs,
    cpuMs,
    peakRssMB,
    ...(self ? { selfReportedMs: Number(self[1]) } : {}),
    method: haveTime ? "/usr/bin/time -v" : "process.resourceUsage() in the child",
    ...(tail ? { stderrTail: tail } : {}),
  };
}

export const TS_NODE = ["-r", "ts-node/register/transpile-only"];
export const CLI_TS = path.join(REPO, "src/cli/main.ts");

/** The CLI as the package ships it (`npm run build:cli`), compiled into outDir; undefined if tsc fails. */
export function compileCli(outDir: string): { ok: boolean; ms: number; message?: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", outDir], {
    cwd: REPO,
    encoding: "utf8",
  });
  const ms = Math.round(performance.now() - t0);
  return r.status === 0 ? { ok: true, ms } : { ok: false, ms, message: (r.stdout + r.stderr).split("\n").slice(0, 5).join(" | ") };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
