import { equalHex, fromHex, hmacSha256, toHex } from "../domain/hmac-sha256";

/**
 * What lets the master trust a returned unit copy: a secret key that exists only in the
 * master's metadata, and the last export of each unit. A copy carries a keyed checksum
 * (HMAC-SHA-256) over tracker id, unit, export time, period and baseline; editing any of
 * them in the copy's (unprotectable) hidden sheet breaks the checksum, and without the
 * master nobody can compute a new one.
 */
export interface CopyAuthority {
  /** 64 hex digits. */
  key: string;
  /** Last export per unit: a copy exported before it is an earlier period's. */
  exports: Record<string, { exportedAt: string; period: string }>;
}

/** Meta key of the master that holds the authority (JSON); never written into a unit copy. */
export const AUTHORITY_META_KEY = "copy_authority";

export interface CopyIdentity {
  trackerId: string;
  unit: string;
  exportedAt: string;
  period: string;
  baselineJson: string;
}

/** A fresh key from the platform's cryptographic random source (Node 20 and every browser have crypto.getRandomValues). */
export function newCopyKey(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}

export function newAuthority(): CopyAuthority {
  return { key: newCopyKey(), exports: {} };
}

export function parseAuthority(json: string | undefined): CopyAuthority | undefined {
  if (!json) return undefined;
  try {
    const data = JSON.parse(json) as CopyAuthority;
    if (typeof data.key === "string" && /^[0-9a-f]{64}$/.test(data.key) && typeof data.exports === "object" && data.exports !== null) return data;
  } catch {
    // Falls through to the error below: a damaged authority must not be read as "no key".
  }
  throw new Error("总表的隐藏元数据（填报副本校验密钥）已损坏，无法核验回收的填报表。请使用原始总表文件。");
}

export function withExport(authority: CopyAuthority, unit: string, exportedAt: string, period: string): CopyAuthority {
  return { key: authority.key, exports: { ...authority.exports, [unit]: { exportedAt, period } } };
}

export function copyChecksum(key: string, id: CopyIdentity): string {
  // A JSON array is unambiguous: no field can run into the next.
  const message = new TextEncoder().encode(JSON.stringify([id.trackerId, id.unit, id.exportedAt, id.period, id.baselineJson]));
  return toHex(hmacSha256(fromHex(key), message));
}

export function checksumMatches(key: string, id: CopyIdentity, checksum: string): boolean {
  return equalHex(copyChecksum(key, id), checksum.toLowerCase());
}
