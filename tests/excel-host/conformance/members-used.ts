/**
 * Which Office.js members the add-in touches, found by the TypeScript checker (not by text
 * search): every property access or call in src/excel and src/taskpane whose symbol is
 * declared in @types/office-js, named `Type.member` (e.g. `Worksheet.delete`).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
export const SCANNED_DIRS = ["src/excel", "src/taskpane"];

const isOfficeDeclaration = (d: ts.Declaration): boolean =>
  /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(d.getSourceFile().fileName);

function sourceFiles(): string[] {
  return SCANNED_DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
      .map((f) => path.join(ROOT, dir, f)),
  );
}

/** `Excel.Worksheet` → `Worksheet`; `Office.Context` stays `Office.Context` (not Excel's own). */
function ownerName(decl: ts.Declaration): string | undefined {
  const owner = decl.parent;
  if (!owner || !(ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner) || ts.isModuleBlock(owner))) return undefined;
  const ns: string[] = [];
  let n: ts.Node | undefined = ts.isModuleBlock(owner) ? owner.parent : owner.parent;
  while (n) {
    if (ts.isModuleDeclaration(n)) ns.unshift(n.name.getText());
    n = n.parent;
  }
  const own = ts.isModuleBlock(owner) ? "" : (owner.name?.getText() ?? "");
  const full = [...ns, own].filter(Boolean).join(".");
  return full.startsWith("Excel.") ? full.slice("Excel.".length) || "Excel" : full;
}

export interface MemberUse {
  member: string;
  files: string[];
}

/** Every Office.js member used, sorted, with the files that use it. */
export function officeMembersUsed(): MemberUse[] {
  const files = sourceFiles();
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses = new Map<string, Set<string>>();
  const note = (member: string, file: string) => {
    if (!uses.has(member)) uses.set(member, new Set());
    uses.get(member)!.add(path.relative(ROOT, file));
  };
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      let name: ts.Node | undefined;
      let symbol: ts.Symbol | undefined;
      if (ts.isPropertyAccessExpression(node)) {
        name = node.name;
        symbol = checker.getSymbolAtLocation(name);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
        // An option object ({ list: { source } }, protection options): its type is the parameter's.
        name = node.name;
        const type = checker.getContextualType(node.parent);
        symbol = type && checker.getNonNullableType(type).getProperty(node.name.getText());
      }
      if (name) {
        const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        for (const decl of target?.declarations ?? []) {
          if (!isOfficeDeclaration(decl)) continue;
          const owner = ownerName(decl);
          if (owner) note(`${owner}.${target!.name}`, file);
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...uses].map(([member, f]) => ({ member, files: [...f].sort() })).sort((a, b) => a.member.localeCompare(b.member));
}

const RULE_WORDS = /\b(fail|fails|failed|throw|throws|thrown|must|cannot|can't|only|limit|limits|limited|maximum)\b/i;

/**
 * The sentences of a member's @types/office-js doc comment that state a rule (fails, throws,
 * must, cannot, only, limit...), minus the boilerplate every member carries
 * ("[Api set: ...]", "... only ... when ... loaded").
 */
export function documentedRules(): Map<string, string[]> {
  const file = require.resolve("@types/office-js/index.d.ts");
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out = new Map<string, string[]>();
  const visit = (node: ts.Node, ns: string[]): void => {
    if (ts.isModuleDeclaration(node)) {
      const next = [...ns, node.name.getText()];
      if (node.body) ts.forEachChild(node.body, (c) => visit(c, next));
      return;
    }
    const owner = ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) ? node.name?.getText() : undefined;
    const full = [...ns, ...(owner ? [owner] : [])].join(".");
    const prefix = full.startsWith("Excel.") ? full.slice("Excel.".length) : full;
    const members = owner ? (node as ts.InterfaceDeclaration).members : ts.isFunctionDeclaration(node) || ts.isVariableStatement(node) ? [node] : [];
    for (const m of members as readonly ts.Node[]) {
      const name =
        ts.isVariableStatement(m) ? m.declarationList.declarations[0]?.name.getText() : (m as ts.NamedDeclaration).name?.getText();
      if (!name) continue;
      const docs = ts.getJSDocCommentsAndTags(m).filter(ts.isJSDoc);
      const comment = (c: string | ts.NodeArray<ts.JSDocComment> | undefined): string =>
        typeof c === "string" ? c : (c ?? []).map((part) => part.getText()).join("");
      // The @param texts hold rules too (getRange's 8,192-character address).
      const pieces = docs.flatMap((d) => [comment(d.comment), ...(d.tags ?? []).map((t) => comment(t.comment))]);
      const sentences = pieces
        .flatMap((p) => p.replace(/\[Api set:[^\]]*\]/g, "").replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+(?=[A-Z[`"])/))
        .filter((s) => RULE_WORDS.test(s));
      const key = `${prefix}.${name}`;
      if (sentences.length > 0) out.set(key, [...new Set([...(out.get(key) ?? []), ...sentences])]);
    }
    if (!owner && !ts.isModuleDeclaration(node)) return;
  };
  ts.forEachChild(sf, (c) => visit(c, []));
  return out;
}
