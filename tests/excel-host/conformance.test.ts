/**
 * CONFORMANCE.md stays complete as the add-in changes: every Office.js member the add-in uses
 * has rows, every rule sentence of those members' doc comments is quoted in one, and every row
 * points at host code and a test that exist.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { documentedRules, officeMembersUsed } from "./conformance/members-used";

const ROOT = path.resolve(__dirname, "../..");

interface Row {
  member: string;
  rule: string;
  documented: string;
  host: string;
  test: string;
}

function tableRows(): Row[] {
  const text = readFileSync(path.join(__dirname, "CONFORMANCE.md"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| Member |"))
    .map((line) => {
      const cells = line.slice(2, -2).split(" | ");
      if (cells.length !== 5) throw new Error(`CONFORMANCE.md: a row needs 5 cells, this has ${cells.length}: ${line}`);
      const [member, rule, documented, host, test] = cells.map((c) => c.trim());
      return { member, rule, documented, host, test };
    });
}

const normal = (s: string): string => s.replace(/\s+/g, " ").trim();
const quotes = (s: string): string[] => [...s.matchAll(/“([^”]+)”/g)].map((m) => normal(m[1]));

describe("CONFORMANCE.md", () => {
  const rows = tableRows();
  const used = officeMembersUsed();

  it("has rows for every member the add-in uses (src/excel, src/taskpane)", () => {
    expect(used.length).toBeGreaterThan(50);
    const listed = new Set(rows.map((r) => r.member));
    expect(used.filter((u) => !listed.has(u.member)).map((u) => `${u.member} (${u.files.join(", ")})`)).toEqual([]);
  });

  it("quotes every doc-comment sentence of those members that says fails / throws / must / cannot / only / limit", () => {
    const rules = documentedRules();
    const missing: string[] = [];
    for (const { member } of used) {
      const quoted = rows.filter((r) => r.member === member).flatMap((r) => quotes(r.documented));
      for (const sentence of rules.get(member) ?? []) {
        if (!quoted.some((q) => q.length >= 15 && normal(sentence).includes(q))) missing.push(`${member}: ${sentence}`);
      }
    }
    expect(missing).toEqual([]);
    // The extraction itself works: the rule that started this table is found.
    expect(rules.get("Worksheet.delete")!.join(" ")).toContain("VeryHidden");
  });

  it("names host files and tests that exist, each test by words of its name", () => {
    const problems: string[] = [];
    for (const row of rows) {
      if (!row.host.startsWith("n/a:")) {
        for (const file of row.host.match(/[\w-]+(?:\/[\w-]+)*\.ts/g) ?? []) {
          if (!existsSync(path.join(__dirname, file))) problems.push(`${row.member}: host file ${file}`);
        }
      }
      const [file, words] = row.test.split(" › ");
      if (!existsSync(path.join(ROOT, file))) {
        problems.push(`${row.member}: test file ${file}`);
        continue;
      }
      if (words && !readFileSync(path.join(ROOT, file), "utf8").includes(words)) problems.push(`${row.member}: no test "${words}" in ${file}`);
    }
    expect(problems).toEqual([]);
  });
});
