import { execFile } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { SOFFICE } from "../support/libreoffice";
import { toolAvailable } from "../support/tools";

const run = promisify(execFile);

/** Writer's Word import lives in libmswordlo.so (package libreoffice-writer-nogui); Calc alone cannot open .docx. */
export const writerAvailable = (): boolean =>
  toolAvailable("LibreOffice Writer (libreoffice-writer-nogui)", "/usr/lib/libreoffice/program/libmswordlo.so") &&
  toolAvailable("pdftotext/pdftoppm (poppler-utils)", "/usr/bin/pdftoppm");

/** A profile per test process: two soffice runs sharing one profile fail. */
const PROFILE = path.join(os.tmpdir(), `lo-profile-writer-${process.pid}`);

/** Converts a .docx to PDF in LibreOffice Writer headless; returns the PDF's path. */
export async function docxToPdf(docx: string): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "lo-pdf-"));
  await run(SOFFICE, [`-env:UserInstallation=file://${PROFILE}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], { timeout: 180_000 });
  const pdf = readdirSync(out).find((f) => f.endsWith(".pdf"));
  if (!pdf) throw new Error(`LibreOffice produced no PDF for ${docx}`);
  return path.join(out, pdf);
}

/** The PDF's text in content order (-raw keeps a table cell's lines together). */
export async function pdfText(pdf: string): Promise<string> {
  return (await run("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function pageCount(pdf: string): Promise<number> {
  const info = (await run("/usr/bin/pdfinfo", [pdf])).stdout;
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Renders every page to PNG under dir (replacing earlier renders), for people to look at. */
export async function renderPages(pdf: string, dir: string, prefix: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${prefix}-`) && f.endsWith(".png")) rmSync(path.join(dir, f));
  await run("/usr/bin/pdftoppm", ["-r", "70", "-png", pdf, path.join(dir, prefix)], { timeout: 120_000 });
  return readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png")).sort();
}

/** Text with every kind of whitespace removed: CJK lines break anywhere, so figures are looked for across breaks. */
export const squeeze = (text: string): string => text.replace(/\s+/g, "");
