/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** A plain aligned table; numeric-looking columns are right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.%—-]*$/.test(r[i] ?? "")));
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? "", widths[i], numeric[i])).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
