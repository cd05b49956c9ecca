/**
 * Two FNV-1a (32-bit) passes with different offsets, as 16 hex digits. Identifies a
 * task list version in the metadata; not a security hash. Avoids BigInt so it runs in
 * every webview Office uses.
 */
export function listFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
