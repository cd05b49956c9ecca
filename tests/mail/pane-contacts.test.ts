import { buildTracker } from "../../src/excel/build-tracker";
import { importContacts } from "../../src/excel/contacts-sheet";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);

describe("联络员 in the open workbook", () => {
  it("imports a pasted table, refuses a bad one unchanged, and keeps the sheet through rebuild and refresh", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "C1", listSource: source })));
    const [a, b] = list.units;
    const r = await host.run((ctx) => importContacts(ctx, `单位\t联系人\t邮箱\n${a}\t张三\tzhang@a.gov.cn\n${b}\t李四\tli@b.gov.cn; wang@b.gov.cn\n`));
    expect(r.contacts.map((c) => c.unit)).toEqual([a, b]);
    expect(r.warnings).toHaveLength(list.units.length - 2);
    const before = await usedValues(host, "联络员");
    expect(before.slice(0, 3)).toEqual([
      ["单位", "联系人", "电话", "邮箱", "抄送"],
      [a, "张三", "", "zhang@a.gov.cn", ""],
      [b, "李四", "", "li@b.gov.cn; wang@b.gov.cn", ""],
    ]);
    expect(before).toHaveLength(list.units.length + 1);

    await expect(host.run((ctx) => importContacts(ctx, `单位\t邮箱\n${a}\tnot-an-address\n`))).rejects.toThrow(/not-an-address/);
    expect(await usedValues(host, "联络员")).toEqual(before);

    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "C1", listSource: source })));
    expect(await usedValues(host, "联络员")).toEqual(before);
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 10:00", isSetSupported: ALL_SETS, archivePeriod: "2026年11月" }));
    expect(await usedValues(host, "联络员")).toEqual(before);
  });
});
