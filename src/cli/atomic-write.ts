import { renameSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { UsageError } from "./args";

/**
 * Writes a whole file or nothing: the data goes to a temporary file next to the target,
 * which is renamed over it only once complete (a rename within a folder is atomic). A
 * failure leaves the target as it was — the tracker never ends half-written.
 */
export function writeFileAtomic(target: string, data: Uint8Array, write: (file: string, data: Uint8Array) => void = writeFileSync): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    write(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`写入 ${target} 失败（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），没有做任何修改 / nothing was written。请检查路径和磁盘空间后重试。`);
  }
}
