import { EmailRefused } from "./mime-reader";

/**
 * A structural check of a Compound File ([MS-CFB]) before @kenjiuno/msgreader walks it.
 * The library follows sector chains and directory links until they end, so a file whose
 * chains loop (or whose directory tree points back into itself) would hang the pane or the
 * CLI; a stream claiming gigabytes would be allocated. Only what the library relies on is
 * checked, in the library's own reading (signed 32-bit indexes, an out-of-range link ends a chain).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_DIFAT_ENTRIES = 109;
const DIR_ENTRY_BYTES = 128;
const NO_STREAM = -1;
const STORAGE = 1;

/** Whether following `next` from every index ends; chains step outside [0, next.length) to end. */
function chainsEnd(next: Int32Array): boolean {
  const state = new Uint8Array(next.length); // 0 unseen, 1 on the current walk, 2 known to end
  for (let start = 0; start < next.length; start++) {
    let i = start;
    while (i >= 0 && i < next.length && state[i] === 0) {
      state[i] = 1;
      i = next[i];
    }
    if (i >= 0 && i < next.length && state[i] === 1) return false;
    for (let j = start; j >= 0 && j < next.length && state[j] === 1; j = next[j]) state[j] = 2;
  }
  return true;
}

export function checkCompoundFile(data: Uint8Array, notMsg: string): void {
  if (data.length < 512 || SIGNATURE.some((b, i) => data[i] !== b)) throw new EmailRefused(notMsg);
  const damaged = new EmailRefused("这个 .msg 文件结构损坏（扇区链或目录循环，或数据长度超出文件），未读取。请让对方重新发送，或在 Outlook 中另存其中的 .xlsx 附件再合并。");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sectorSize = data[30] === 12 ? 4096 : 512; // as the library reads the sector shift
  const perSector = sectorSize / 4;
  const sectorCount = Math.ceil(data.length / sectorSize) - 1;
  const sectorAt = (s: number) => (s + 1) * sectorSize;
  const int = (offset: number) => (offset + 4 <= data.length ? view.getInt32(offset, true) : NO_STREAM);
  const fatCount = int(0x2c);
  const difatCount = int(0x48);
  if (fatCount < 0 || fatCount > sectorCount || difatCount < 0 || difatCount > sectorCount) throw damaged;

  // The FAT's sectors: the first 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_DIFAT_ENTRIES); i++) fatSectors.push(int(0x4c + 4 * i));
  let difat = int(0x44);
  for (let d = 0; d < difatCount && fatSectors.length < fatCount; d++) {
    if (difat < 0 || difat >= sectorCount) break;
    for (let j = 0; j < perSector - 1 && fatSectors.length < fatCount; j++) {
      const s = int(sectorAt(difat) + 4 * j);
      if (s === -1 || s === -2) break;
      fatSectors.push(s);
    }
    difat = int(sectorAt(difat) + sectorSize - 4);
  }
  // All of them, inside the file: the library would read whatever a short or stray list points at.
  if (fatSectors.length !== fatCount || fatSectors.some((s) => s < 0 || s >= sectorCount)) throw damaged;
  const fat = new Int32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    for (let j = 0; j < perSector; j++) fat[k * perSector + j] = int(sectorAt(s) + 4 * j);
  });
  if (!chainsEnd(fat)) throw damaged;
  const chain = (start: number) => {
    const out: number[] = [];
    for (let s = start; s >= 0 && s < fat.length; s = fat[s]) out.push(s);
    return out;
  };

  // The mini FAT, in the sectors the library collects: it stops at -2 and at 0, and would
  // take any other index (a free -1 included) as a sector, so those must be real sectors.
  const miniFatSectors: number[] = [];
  for (let s = int(0x3c), i = 0; i < int(0x40) && s !== 0 && s !== -2; i++) {
    if (s < 0 || s >= sectorCount) throw damaged;
    miniFatSectors.push(s);
    s = s < fat.length ? fat[s] : -2;
  }
  const miniFat = new Int32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((s, k) => {
    for (let j = 0; j < perSector; j++) miniFat[k * perSector + j] = int(sectorAt(s) + 4 * j);
  });
  if (!chainsEnd(miniFat)) throw damaged;

  // The directory: a tree from the root, each entry reached once; streams no bigger than the file.
  const dirSectors = chain(int(0x30));
  if (dirSectors.length === 0 || dirSectors.some((s) => s >= sectorCount)) throw damaged;
  const perDirSector = sectorSize / DIR_ENTRY_BYTES;
  const entryAt = (i: number) => sectorAt(dirSectors[Math.floor(i / perDirSector)]) + (i % perDirSector) * DIR_ENTRY_BYTES;
  const entries = dirSectors.length * perDirSector;
  const seen = new Uint8Array(entries);
  const pending = [0];
  while (pending.length > 0) {
    const i = pending.pop()!;
    if (i === NO_STREAM) continue;
    if (i < 0 || i >= entries || seen[i]) throw damaged;
    seen[i] = 1;
    const at = entryAt(i);
    const size = int(at + 0x78);
    if (size < 0 || size > data.length) throw damaged;
    // The library reads the root's children only, and a storage's; siblings hang off each.
    if (i !== 0) pending.push(int(at + 0x44), int(at + 0x48));
    if (i === 0 || data[at + 0x42] === STORAGE) pending.push(int(at + 0x4c));
  }
}
