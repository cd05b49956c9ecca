import { readFileSync, statSync } from "fs";
import path from "path";
import { LoadedTracker, carriedOver, loadTrackerBytes } from "../files/loaded-tracker";
import { oversizeReturn } from "../files/merge-tracker-file";
import { UsageError } from "./args";

export type { LoadedTracker };
export { carriedOver };

/**
 * A returned file's bytes, refused before reading when it is bigger than any return can
 * be (fs.stat first: a 2 GB file must not be read into memory to find that out).
 */
export function readReturnBytes(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const tooBig = oversizeReturn(path.basename(file), size);
  if (tooBig) throw tooBig;
  return readFileOrExplain(file);
}

export function readFileOrExplain(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads a master tracker file: its list (from the stored source when present) and every report. */
export async function loadTracker(file: string): Promise<LoadedTracker> {
  return loadTrackerBytes(readFileOrExplain(file), file);
}
