import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { dueDate } from "../../src/domain/deadline";
import { unitKey } from "../../src/domain/punctuation";
import { TaskList } from "../../src/domain/types";
import { importFile } from "../../src/import/import-list";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { CorpusEntry, Expected, corpus } from "../fixtures/task-lists/corpus";

const entries = corpus();

function checkList(list: TaskList, e: Expected): void {
  if (e.name) expect(list.name).toBe(e.name);
  expect(list.tasks.map((t) => [t.id, t.units])).toEqual([...e.tasks.entries()]);
  expect(list.units).toEqual(e.units);
  expect((list.ignored ?? []).map((l) => l.line)).toEqual(e.ignored);
  expect((list.flagged ?? []).map((f) => f.unit)).toEqual(e.flagged);
  for (const [id, section] of e.sections) expect(list.tasks.find((t) => t.id === id)?.section).toBe(section);
  for (const [id, due] of e.due) expect(dueDate(list.tasks.find((t) => t.id === id)!.deadline)).toBe(due);
  for (const [id, info] of e.info) expect(list.tasks.find((t) => t.id === id)?.info).toEqual(info);
}

describe("the task-list corpus", () => {
  it("holds at least 12 lists in every style and format, one of 200 tasks", () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    const formats = new Set(entries.map((x) => path.extname(x.fileName)));
    for (const f of [".txt", ".csv", ".docx", ".xlsx"]) expect(formats).toContain(f);
    expect(Math.max(...entries.map((x) => x.expected.tasks.size))).toBeGreaterThanOrEqual(200);
    for (const style of ["table", "block", "inline"]) expect(entries.some((x) => x.base.startsWith(style))).toBe(true);
  });

  describe.each(entries.map((x): [string, CorpusEntry] => [x.fileName, x]))("%s", (_, entry) => {
    it("gives its expected tasks, units, leads and ignored lines through the pane's importer", async () => {
      const { list } = await importFile(entry.fileName, await entry.bytes(), { name: entry.base, sheet: entry.expected.sheet });
      checkList(list, entry.expected);
    });

    it("gives the same through the CLI, in the tracker it writes", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "corpus-"));
      const file = path.join(dir, entry.fileName);
      writeFileSync(file, await entry.bytes());
      const out = path.join(dir, "tracker.xlsx");
      const lines: string[] = [];
      const args = ["build", "--tasks", file, "--out", out, ...(entry.expected.sheet ? ["--sheet", entry.expected.sheet] : [])];
      if (entry.expected.flagged.length > 0) {
        const refusal = main(args, (s) => lines.push(s));
        await expect(refusal).rejects.toThrow(entry.expected.flagged[0]);
        const { list } = await importFile(entry.fileName, await entry.bytes(), { sheet: entry.expected.sheet });
        await expect(main(args, () => undefined)).rejects.toThrow(`第 ${list.flagged![0].line} 行`);
        expect(existsSync(out)).toBe(false);
        return;
      }
      expect(await main(args, (s) => lines.push(s))).toBe(0);
      const printed = lines.join("\n");
      expect(printed).toContain(`${entry.expected.tasks.size} 项任务，${entry.expected.units.length} 个责任单位`);
      for (const n of entry.expected.ignored) expect(printed).toContain(`第 ${n} 行：`);
      const read = await readTrackerFile(readFileSync(out));
      expect(read.meta.units.map((u) => u.unit)).toEqual(entry.expected.units);
      const byTask = new Map<number, { lead: string[]; others: string[] }>();
      for (const a of read.assignments) {
        const t = byTask.get(a.taskId) ?? { lead: [], others: [] };
        (a.role === "牵头" ? t.lead : t.others).push(a.unit);
        byTask.set(a.taskId, t);
      }
      for (const [id, units] of entry.expected.tasks) {
        expect(byTask.get(id)?.lead).toEqual([units[0]]);
        expect([...(byTask.get(id)?.others ?? [])].map(unitKey).sort()).toEqual(units.slice(1).map(unitKey).sort());
      }
      expect(read.assignments).toHaveLength([...entry.expected.tasks.values()].reduce((n, u) => n + u.length, 0));
    });
  });
});
