import type { UnitCopyFile } from "../excel/export-copies";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offers a file for download from the pane (Excel on the web, and desktop webviews that allow it). */
export function offerDownload(fileName: string, data: Uint8Array | Blob, type = XLSX_TYPE): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Several copies (or email drafts) travel best as one .zip (JSZip ships with ExcelJS, loaded lazily). */
export async function zipCopies(files: ReadonlyArray<Pick<UnitCopyFile, "fileName" | "data">>): Promise<Blob> {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const f of files) zip.file(f.fileName, f.data);
  return zip.generateAsync({ type: "blob" });
}
