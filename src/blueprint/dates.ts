const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** ISO date → Excel serial date (days since 1899-12-30, the 1900 date system). */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / DAY);
}

export function serialToIso(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * DAY).toISOString().slice(0, 10);
}
