/** Recomputing an exported workbook with LibreOffice: every sheet to CSV, formulas computed. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCsv } from "../../support/csv";

export const SOFFICE = "/usr/bin/soffice";

/** Sheet name → rows of cell text, as LibreOffice computed them (UTF-8, comma separated). */
export function recomputeWithLibreOffice(xlsx: Buffer): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "excel-host-lo-"));
  try {
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, xlsx);
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        book,
      ],
      { stdio: "pipe", timeout: 90_000 },
    );
    const out = new Map<string, string[][]>();
    for (const f of fs.readdirSync(dir)) {
      const m = /^book-(.+)\.csv$/.exec(f);
      if (m) out.set(m[1], parseCsv(fs.readFileSync(path.join(dir, f), "utf8")));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
