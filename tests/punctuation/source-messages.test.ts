import fs from "fs";
import path from "path";
import ts from "typescript";

/**
 * Messages users read (list errors, refusals of returned files, merge notes) are written
 * in the source as string literals; official Chinese uses full-width , ; : ( ) around
 * Chinese text, so a half-width one next to a Chinese character is a slip. English texts
 * (the en tables, the English half of bilingual lines) may name Chinese sheets and keep
 * their own punctuation: a literal counts as Chinese when it has more Chinese characters
 * than Latin letters.
 */
const SCANNED = ["src"];

/**
 * Literals that must keep half-width brackets, each with the reason.
 * - unit-aliases.ts: the half-width spellings units really type, matched on input.
 * - history.ts ALL_UNITS: the key stored in 历次汇总 of trackers already in use.
 * - sheet-names.ts “(原n)”: names of sheets already renamed in users' workbooks.
 * - send.ts: the header row of 发送记录.csv, where commas separate the columns.
 */
const EXCEPTIONS: Array<{ file: string; text: RegExp }> = [
  { file: "src/domain/unit-aliases.ts", text: /县\(市、区\)/ },
  { file: "src/domain/history.ts", text: /^\(全部\)$/ },
  { file: "src/blueprint/sheet-names.ts", text: /^\(原/ },
  { file: "src/mail/send.ts", text: /^\ufeff时间,单位,文件,收件人,结果,说明\n$/ },
];

function isChinese(text: string): boolean {
  const han = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han >= latin;
}

const HALF_WIDTH_NEXT_TO_CJK = /[\u3400-\u9fff“”][,;:()]|[,;:()][\u3400-\u9fff“”]/;
const FORMULA = /^=|COUNTIFS|SUMPRODUCT|IFERROR/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The text of every string and template literal part in a file (regular expressions excluded). */
function literals(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isJsxText(n)) found.push(n.text);
    else if (ts.isTemplateExpression(n)) found.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const root = path.resolve(__dirname, "../..");

describe("user-facing Chinese in the source", () => {
  const offending = SCANNED.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap((abs) => {
    const file = path.relative(root, abs).split(path.sep).join("/");
    return literals(abs)
      .filter((t) => isChinese(t) && HALF_WIDTH_NEXT_TO_CJK.test(t) && !FORMULA.test(t))
      .filter((t) => !EXCEPTIONS.some((e) => e.file === file && e.text.test(t)))
      .map((t) => `${file}: ${t.slice(0, 80)}`);
  });

  it("finds the literals it scans (the scan is not empty)", () => {
    const all = SCANNED.flatMap((dir) => sourceFiles(path.join(root, dir))).flatMap(literals);
    expect(all.filter((t) => /未合并。/.test(t)).length).toBeGreaterThan(10);
    expect(HALF_WIDTH_NEXT_TO_CJK.test("文件已损坏(找不到压缩包目录)")).toBe(true);
  });

  it("uses full-width , ; : ( ) next to Chinese characters", () => {
    expect(offending).toEqual([]);
  });
});
