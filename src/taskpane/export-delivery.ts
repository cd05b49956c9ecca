/**
 * How exported copies reach the user on each Excel (Office.context.diagnostics.platform):
 * a task pane on Mac cannot download files (office-js issue #2700, by design), so each copy
 * opens as a new workbook; Excel on the web asks before Excel.createWorkbook opens a tab and
 * saves the file to OneDrive under its own name; on Windows several copies go out as one .zip.
 * The notice says what was actually done, naming the files.
 */
import type { UnitCopyFile } from "../excel/export-copies";
import type { Strings } from "./strings";

export interface DeliveryMeans {
  /** Opens a copy as a new workbook (Excel.createWorkbook); false where Excel cannot. */
  open(file: UnitCopyFile): Promise<boolean>;
  /** Hands a file to the pane's browser for download. */
  download(fileName: string, data: Uint8Array | Blob, type?: string): void;
  zip(files: readonly UnitCopyFile[]): Promise<Blob>;
}

export interface DeliveryNotice {
  intent: "success" | "warning";
  title: string;
  lines: string[];
}

/** "PC", "Mac", "OfficeOnline"… as Office reports it; undefined outside Office (tests, the bare page). */
export function officePlatform(): string | undefined {
  return typeof Office !== "undefined" ? (Office.context?.diagnostics?.platform as unknown as string | undefined) : undefined;
}

export const zipName = (count: number): string => `单位填报表-${count}份.zip`;

const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

export async function deliverCopies(platform: string | undefined, files: readonly UnitCopyFile[], means: DeliveryMeans, s: Strings): Promise<DeliveryNotice> {
  const names = files.map((f) => f.fileName);
  if (platform === "Mac") {
    let opened = 0;
    for (const f of files) {
      if (!(await means.open(f))) break;
      opened++;
    }
    if (opened === 0) return { intent: "warning", title: s.exportTitle, lines: [s.exportMacNoOpen] };
    return { intent: "success", title: s.exported, lines: [fill(s.exportMacOpened, { n: opened }), ...names.slice(0, opened)] };
  }
  if (files.length === 1 && (await means.open(files[0]))) {
    return { intent: "success", title: s.exported, lines: [platform === "OfficeOnline" ? s.exportWebOpened : s.exportPcOpened, names[0]] };
  }
  const name = files.length === 1 ? names[0] : zipName(files.length);
  if (files.length === 1) means.download(name, files[0].data);
  else means.download(name, await means.zip(files), "application/zip");
  return { intent: "success", title: s.exported, lines: [fill(platform === "OfficeOnline" ? s.exportWebZip : s.exportPcZip, { name }), ...names] };
}
