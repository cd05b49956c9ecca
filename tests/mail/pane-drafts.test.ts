import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { excelActions } from "../../src/taskpane/excel-actions";
import { AUTHORITY_META_KEY, parseAuthority } from "../../src/blueprint/copy-authority";
import { readMetaGrid } from "../../src/blueprint/read-grid";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);
const request = { today: "2026-12-01", period: "2026年12月", deadline: "2026年12月25日", signature: "督查室", template: undefined };

/** The pane's own actions over the test host, which answers Microsoft's Office.js client. */
async function paneWithContacts(units: string[]) {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "MAIL1", listSource: source })));
  const actions = excelActions((fn) => host.run(fn), ALL_SETS);
  await actions.importContacts(`单位\t联系人\t邮箱\t抄送\n${units.map((u, i) => `${u}\t联系人${i}\tu${i}@unit.gov.cn\t${i === 0 ? "boss@unit.gov.cn" : ""}`).join("\n")}\n`);
  return { host, actions };
}

describe("email drafts from the pane (.zip of .eml)", () => {
  it("writes one draft per unit with an address, each with its signed copy, records the export, and the copy merges back from the .eml", async () => {
    const units = list.units.slice(0, 3);
    const { host, actions } = await paneWithContacts(units);
    // The sheet lists every unit; those not given stay blank for the coordinator to fill.
    const read = await actions.readContacts();
    expect(read.map((c) => c.unit)).toEqual(list.units);
    expect(read.filter((c) => c.email !== "").map((c) => c.unit)).toEqual(units);
    const { files, noAddress } = await actions.mailDrafts({ ...request, kind: "drafts", units: [] });
    expect(files.map((f) => f.fileName)).toEqual(units.map((u) => `${u}.eml`));
    expect(noAddress).toEqual(list.units.slice(3));
    const first = await simpleParser(Buffer.from(files[0].data));
    expect(first.subject).toBe(`请报送2026年12月政策任务落实情况（${units[0]}）`);
    expect(first.headers.get("x-unsent")).toBe("1");
    expect((first.to as { text: string }).text).toBe("u0@unit.gov.cn");
    expect((first.cc as { text: string }).text).toBe("boss@unit.gov.cn");
    expect(first.text).toContain("2026年12月25日");
    expect(first.text).toContain("督查室");
    expect(first.messageId).toMatch(/^<MAIL1\.drafts\..+\.1@policy-tracker\.invalid>$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.attachments[0].content as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe(units[0]);
    // The export is in the tracker, so the copy inside the draft is one the merge accepts.
    const meta = readMetaGrid((await usedValues(host, "_meta")) as never);
    expect(Object.keys(parseAuthority(meta.extra[AUTHORITY_META_KEY])!.exports).sort()).toEqual([...units].sort());
    const task = list.tasks.find((t) => t.units.includes(units[0]))!.id;
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === task) row.getCell(7).value = "已完成";
    });
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const reply = Buffer.from(files[0].data).toString("latin1").replace(/^X-Unsent: 1\r\n/m, "");
    // The unit answers with the same message and its edited copy in place of the sent one.
    const replyBytes = new Uint8Array(Buffer.from(reply.replace(first.attachments[0].content.toString("base64").match(/.{1,76}/g)!.join("\r\n"), Buffer.from(edited).toString("base64").match(/.{1,76}/g)!.join("\r\n")), "latin1"));
    const merged = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "回复.eml", data: replyBytes }], "2026-12-02 09:00"));
    expect(merged.outcome.files.flatMap((f) => f.updated)).toHaveLength(1);
  });

  it("reminds only the chosen units with unreported or overdue tasks, listing them", async () => {
    const units = list.units.slice(0, 2);
    const { host, actions } = await paneWithContacts(units);
    // units[1] reports every one of its tasks as done: nothing to remind it of.
    await typeStatuses(host, units[1], list.tasks.filter((t) => t.units.includes(units[1])).map((t) => [t.id, "已完成"] as [number, string]));
    const { files } = await actions.mailDrafts({ ...request, kind: "reminders", units: [] });
    expect(files.map((f) => f.fileName)).toEqual([`${units[0]}.eml`]);
    const parsed = await simpleParser(Buffer.from(files[0].data));
    expect(parsed.subject).toContain("【催报】");
    const own = list.tasks.filter((t) => t.units.includes(units[0]));
    for (const t of own) expect(parsed.text).toContain(`  ${t.id}. 〔`);
    const none = await actions.mailDrafts({ ...request, kind: "reminders", units: [units[1]] });
    expect(none.files).toEqual([]);
  });

  it("refuses a bad template or a contacts sheet with errors before exporting anything", async () => {
    const { host, actions } = await paneWithContacts(list.units.slice(0, 1));
    const metaBefore = await usedValues(host, "_meta");
    await expect(actions.mailDrafts({ ...request, kind: "drafts", units: [], template: "没有主题行" })).rejects.toThrow(/主题/);
    await expect(actions.importContacts(`单位\t邮箱\n不存在的单位\ta@b.cn\n`)).rejects.toThrow(/不是本跟踪表的责任单位/);
    expect(await usedValues(host, "_meta")).toEqual(metaBefore);
  });
});
