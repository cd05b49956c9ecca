/**
 * Just enough of Excel's formula grammar to rewrite formulas the way Excel does when a sheet
 * is renamed or deleted, and to translate them for HyperFormula (which needs quoted non-ASCII
 * sheet names and ASCII names for defined names).
 */
import { quoteSheetName } from "./address";

type Token =
  | { kind: "text"; text: string }
  | { kind: "string"; text: string }
  | { kind: "sheetRef"; sheet: string; ref: string }
  | { kind: "name"; text: string }
  | { kind: "function"; text: string };

const IDENT_START = /[\p{L}_\\]/u;
const IDENT_PART = /[\p{L}\p{N}_.\\?]/u;
const REF_PART = /[$A-Za-z0-9:]/;
const CELL_LIKE = /^\$?[A-Za-z]{1,3}\$?[0-9]+$/;
const COLUMN_LIKE = /^\$?[A-Za-z]{1,3}$/;

function isReferenceWord(word: string, before: string | undefined, after: string | undefined): boolean {
  if (CELL_LIKE.test(word) || /^(TRUE|FALSE)$/i.test(word)) return true;
  // `A:C` is a column range only next to its colon; on its own `AB` may be a defined name
  return COLUMN_LIKE.test(word) && (before === ":" || after === ":");
}

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let text = "";
  const flush = (): void => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  const readRef = (from: number): [string, number] => {
    let j = from;
    while (j < formula.length && REF_PART.test(formula[j])) j++;
    if (formula[j] === "#") {
      // `Sheet!#REF!` keeps its error literal attached
      const m = /^#REF!/.exec(formula.slice(j));
      if (m) j += m[0].length;
    }
    return [formula.slice(from, j), j];
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      flush();
      out.push({ kind: "string", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      if (formula[j + 1] === "!") {
        const [ref, end] = readRef(j + 2);
        flush();
        out.push({ kind: "sheetRef", sheet: name, ref });
        i = end;
        continue;
      }
      text += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      // error literals such as #REF! must not read as a sheet named REF
      const m = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)/.exec(formula.slice(i));
      if (m) {
        text += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (/[0-9.]/.test(ch) && !IDENT_PART.test(formula[i - 1] ?? " ")) {
      // numbers (incl. exponents) must not be read as names, e.g. 1E+3
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|^[0-9]+\.?/.exec(formula.slice(i));
      if (m && !IDENT_START.test(formula[i + m[0].length] ?? " ")) {
        text += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (IDENT_START.test(ch) || ch === "$") {
      let j = i + 1;
      while (j < formula.length && (IDENT_PART.test(formula[j]) || formula[j] === "$")) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!") {
        const [ref, end] = readRef(j + 1);
        flush();
        out.push({ kind: "sheetRef", sheet: word, ref });
        i = end;
        continue;
      }
      flush();
      if (formula[j] === "(") out.push({ kind: "function", text: word });
      else if (isReferenceWord(word, formula[i - 1], formula[j])) out.push({ kind: "text", text: word });
      else out.push({ kind: "name", text: word });
      i = j;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

function render(tokens: Token[], quoteAll: boolean): string {
  return tokens
    .map((t) => {
      switch (t.kind) {
        case "sheetRef":
          return `${quoteAll ? `'${t.sheet.replace(/'/g, "''")}'` : quoteSheetName(t.sheet)}!${t.ref}`;
        default:
          return t.text;
      }
    })
    .join("");
}

const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** Excel rewrites references to a renamed sheet in every formula. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  if (!formula.includes("!")) return formula;
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind === "sheetRef" && sameName(t.sheet, oldName)) {
      t.sheet = newName;
      changed = true;
    }
  }
  return changed ? render(tokens, false) : formula;
}

/** Excel turns every reference into a deleted sheet into `#REF!`. */
export function deleteSheetInFormula(formula: string, name: string): string {
  if (!formula.includes("!")) return formula;
  const tokens = tokenize(formula);
  let changed = false;
  const out = tokens.map((t): Token => {
    if (t.kind === "sheetRef" && sameName(t.sheet, name)) {
      changed = true;
      return { kind: "text", text: "#REF!" };
    }
    return t;
  });
  return changed ? render(out, false) : formula;
}

/** Names (not functions, cells or sheets) a formula mentions. */
export function namesInFormula(formula: string): string[] {
  return tokenize(formula)
    .filter((t): t is { kind: "name"; text: string } => t.kind === "name")
    .map((t) => t.text);
}

/**
 * HyperFormula's dialect: every sheet name quoted; defined names replaced by ASCII aliases;
 * unknown non-ASCII names replaced by an unknown ASCII name so they evaluate to #NAME? as in
 * Excel instead of failing to parse.
 */
export function toEngineFormula(formula: string, aliasOf: (name: string) => string | undefined): string {
  const tokens = tokenize(formula);
  for (const t of tokens) {
    if (t.kind === "name") {
      const alias = aliasOf(t.text);
      if (alias) t.text = alias;
      else if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(t.text)) t.text = `XLHOSTUNKNOWN_${Buffer.from(t.text).toString("hex")}`;
    }
  }
  return render(tokens, true);
}

export interface FormulaReferences {
  /** Cell and range references; `sheet` null means the formula's own sheet. */
  refs: Array<{ sheet: string | null; ref: string }>;
  names: string[];
  /** INDIRECT, OFFSET or structured references: what is read cannot be known from the text. */
  dynamic: boolean;
}

const UNQUALIFIED_REF =
  /(?<![A-Za-z0-9_.$\\])(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]+:\$?[0-9]+)(?![A-Za-z0-9_(])/g;

/** What a formula reads, as far as its text tells. */
export function referencesOf(formula: string): FormulaReferences {
  const refs: FormulaReferences["refs"] = [];
  const names: string[] = [];
  let dynamic = false;
  let skeleton = "";
  for (const t of tokenize(formula)) {
    switch (t.kind) {
      case "string":
        skeleton += '""';
        break;
      case "sheetRef":
        refs.push({ sheet: t.sheet, ref: t.ref });
        skeleton += " ";
        break;
      case "name":
        names.push(t.text);
        skeleton += " ";
        break;
      case "function":
        if (/^(INDIRECT|OFFSET)$/i.test(t.text)) dynamic = true;
        skeleton += "F";
        break;
      default:
        skeleton += t.text;
    }
  }
  for (const m of skeleton.matchAll(UNQUALIFIED_REF)) refs.push({ sheet: null, ref: m[1] });
  // a bracket outside string literals is a structured (table) reference
  return { refs, names, dynamic: dynamic || skeleton.includes("[") };
}
