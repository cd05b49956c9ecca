/**
 * ExcelJS 4.4 in Node hands JSZip each XML part as one string, and JSZip 3.10 encodes a
 * string in 16,384-unit slices (lib/stream/DataWorker.js): a character outside the BMP
 * (𠀀, rare characters of place and personal names) that a slice boundary cuts in two is
 * written as two U+FFFD, and the text is lost. ExcelJS's browser path encodes each part
 * whole first (lib/utils/zip-stream.js checks `process.browser`), so the write runs on that
 * path. Nothing else in ExcelJS's write reads the flag; it is restored however the write ends.
 */
export async function withWholeCharacters<T>(write: () => Promise<T>): Promise<T> {
  const proc = (globalThis as { process?: { browser?: boolean } }).process;
  if (!proc || proc.browser) return write();
  const before = proc.browser;
  proc.browser = true;
  try {
    return await write();
  } finally {
    if (before === undefined) delete proc.browser;
    else proc.browser = before;
  }
}
