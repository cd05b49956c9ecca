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

/** The CLI as the package ships it (scripts/build-cli.js, run by `prepare`), bundled into outFile. */
export function bundleCli(outFile: string): { ok: boolean; ms: number; message?: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(REPO, "scripts", "build-cli.js"), "--outfile", outFile, "--quiet"], { cwd: REPO, encoding: "utf8" });
  const ms = Math.round(performance.now() - t0);
  return r.status === 0 ? { ok: true, ms } : { ok: false, ms, message: (r.stdout + r.stderr).split("\n").slice(0, 5).join(" | ") };
}

export interface StartupCommand {
  name: string;
  command: string[];
}

export interface StartupFigure {
  name: string;
  runs: number;
  /** Wall time of the whole process, median and mean over every round. */
  medianMs: number;
  meanMs: number;
  /** User + system CPU time, mean: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** This command's median wall time ÷ the first command's, per round: the spread shows the noise. */
  roundRatios: number[];
}

/**
 * Whole-process start-up figures, in rounds: each round times every command a few times in
 * turn, so `node -e 0` and the bin see the same load on a shared machine. (Timing all runs of
 * one command and then all of the next let the load change in between: one run measured the
 * bin at 4.7× while side-by-side runs minutes apart gave 2.8–3.2×.) hyperfine (-N, no shell)
 * when installed, else spawns timed here (wall only; spawnSync does not report the child's CPU).
 */
export function timeStartups(commands: StartupCommand[], rounds: number, runsPerRound: number, jsonFile: string): { tool: string; figures: StartupFigure[] } {
  const walls = commands.map(() => [] as number[]);
  const cpus = commands.map(() => [] as number[]);
  const roundMedians = commands.map(() => [] as number[]);
  const hyperfine = spawnSync("hyperfine", ["--version"], { encoding: "utf8" });
  const useHyperfine = hyperfine.status === 0;
  for (let round = 0; round < rounds; round++) {
    if (useHyperfine) {
      const args = ["-N", "--warmup", "1", "--runs", String(runsPerRound), "--export-json", jsonFile];
      for (const c of commands) args.push("-n", c.name, c.command.map((a) => (/[\s"'\\]/.test(a) ? JSON.stringify(a) : a)).join(" "));
      const r = spawnSync("hyperfine", args, { cwd: REPO, encoding: "utf8" });
      if (r.status !== 0 || !existsSync(jsonFile)) throw new Error(`hyperfine failed (round ${round + 1}): ${(r.stderr || r.stdout || "").trim().slice(-500)}`);
      const results = (JSON.parse(readFileSync(jsonFile, "utf8")) as { results: Array<{ user: number; system: number; times: number[] }> }).results;
      results.forEach((x, i) => {
        const ms = x.times.map((t) => t * 1000);
        walls[i].push(...ms);
        roundMedians[i].push(median(ms));
        cpus[i].push((x.user + x.system) * 1000);
      });
    } else {
      commands.forEach((c, i) => {
        const ms: number[] = [];
        for (let k = 0; k <= runsPerRound; k++) {
          const t0 = performance.now();
          const r = spawnSync(c.command[0], c.command.slice(1), { cwd: REPO, stdio: "ignore" });
          if (r.status !== 0) throw new Error(`${c.name} exited with ${r.status}`);
          if (k > 0) ms.push(performance.now() - t0); // the first run warms the file cache
        }
        walls[i].push(...ms);
        roundMedians[i].push(median(ms));
      });
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    tool: `${useHyperfine ? hyperfine.stdout.trim() : "spawns timed in Node"}, ${rounds} rounds × ${runsPerRound} runs, commands in turn`,
    figures: commands.map((c, i) => ({
      name: c.name,
      runs: walls[i].length,
      medianMs: Math.round(median(walls[i])),
      meanMs: Math.round(mean(walls[i])),
      cpuMs: useHyperfine ? Math.round(mean(cpus[i])) : NaN,
      roundRatios: roundMedians[i].map((m, r) => m / roundMedians[0][r]),
    })),
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
