import { execFile } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { parseCsv } from "./csv";
import { toolAvailable } from "./tools";

const run = promisify(execFile);
export const SOFFICE = "/usr/bin/soffice";

export const libreOfficeAvailable = (): boolean => toolAvailable("LibreOffice (libreoffice-calc-nogui)", SOFFICE);

/** A profile per test process: two soffice runs sharing one profile fail. */
const PROFILE = path.join(os.tmpdir(), `lo-profile-test-${process.pid}`);

/**
 * Recomputes a workbook in LibreOffice headless and returns every sheet as CSV rows
 * (values as displayed). Files written by ExcelJS carry no cached results, so every
 * formula is computed by LibreOffice itself.
 */
export async function recomputeSheets(xlsx: string): Promise<Map<string, string[][]>> {
  const out = mkdtempSync(path.join(os.tmpdir(), "lo-csv-"));
  await run(
    SOFFICE,
    [
      `-env:UserInstallation=file://${PROFILE}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      xlsx,
    ],
    { timeout: 120_000 },
  );
  const base = path.basename(xlsx).replace(/\.xlsx$/i, "");
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(out)) {
    if (!file.startsWith(`${base}-`) || !file.endsWith(".csv")) continue;
    sheets.set(file.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(out, file), "utf8")));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice produced no CSV for ${xlsx}`);
  return sheets;
}

/** "45" → 45, "37.5%" → 0.375, "" → null: what a displayed figure means. */
export function displayedNumber(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  if (t === "") return null;
  const pct = /^(-?[\d.]+)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  const n = Number(t);
  if (Number.isNaN(n)) throw new Error(`not a number: ${t}`);
  return n;
}

export interface LoEditJob {
  in: string;
  out: string;
  sheet: string;
  statuses?: Array<[number, string, string]>;
  paste?: [number, string];
  sort?: boolean;
  insertRow?: number;
}

/** Edits copies as a recipient would, in LibreOffice through UNO (tests/support/lo-edit.py). */
export async function editInLibreOffice(jobs: LoEditJob[]): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lo-edit-"));
  const spec = path.join(dir, "spec.json");
  writeFileSync(spec, JSON.stringify({ profile: path.join(dir, "profile"), jobs }));
  await run("/usr/bin/python3", [path.join(__dirname, "lo-edit.py"), spec], { timeout: 180_000 });
}
