/**
 * Run in a child process (bundled by the memory test): reads one returned file with the
 * real reader and reports what happened and the process's peak memory, so the figure is
 * that of this file alone.
 */
import { readFileSync } from "fs";
import { ReturnRefused, readReturnFile } from "../../../src/xlsx/return-files";

async function main(): Promise<void> {
  const [file, key, trackerId, units, taskCount] = process.argv.slice(2);
  const data = readFileSync(file);
  let outcome: string;
  try {
    const r = await readReturnFile("x.xlsx", data, { trackerId, units: JSON.parse(units), taskCount: Number(taskCount), authority: { key, exports: {} } });
    outcome = `read ${r.file.reports.size}`;
  } catch (e) {
    if (!(e instanceof ReturnRefused)) throw e;
    outcome = `refused ${e.reason}`;
  }
  // resourceUsage().maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ outcome, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
