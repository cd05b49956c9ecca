/**
 * 联络员 as the coordinator sees it: the contacts given, then an empty row for every unit
 * that has none, an input area with room to add more without unprotecting, and the reader
 * that takes the sheet back whatever the coordinator did to its columns.
 */
import { SheetBlueprint, buildBlueprint, readContactsGrid } from "../../src/blueprint";
import { COLORS, SHEET } from "../../src/blueprint/layout";
import { parseTaskList } from "../../src/domain";
import { styleAt } from "../support/style-at";

const LIST = parseTaskList(
  [
    "重点任务分工",
    "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
    "1\t完善职业教育学历认证体系\t省教育厅\t省发展改革委、省人力资源社会保障厅\t2026年底",
    "2\t建立与办学规模相适应的财政投入制度\t省财政厅\t省教育厅\t长期坚持",
  ].join("\n"),
);
const GIVEN = [
  { unit: "省财政厅", name: "李四", phone: "0791-86000002", email: "lisi@jxf.gov.cn", cc: "chu@jxf.gov.cn；ke@jxf.gov.cn" },
  { unit: "省教育厅", name: "张三", phone: "0791-86000001", email: "zhangsan@jxedu.gov.cn", cc: "" },
];
const contactsOf = (contacts = GIVEN, password?: string): SheetBlueprint =>
  buildBlueprint(LIST, { trackerId: "t", generatedAt: "2026-12-01 09:00", contacts, password }).sheets.find((s) => s.name === SHEET.contacts)!;

describe("联络员: what the sheet shows", () => {
  it("lists the contacts as given, then an empty row for each unit still without one, in the list's order", () => {
    const sheet = contactsOf();
    expect(LIST.units).toEqual(["省教育厅", "省发展改革委", "省人力资源社会保障厅", "省财政厅"]);
    expect(sheet.role).toBe("contacts");
    expect(sheet.tabColor).toBe(COLORS.instructionsTab);
    expect(sheet.cells).toEqual([
      ["单位", "联系人", "电话", "邮箱", "抄送"],
      ["省财政厅", "李四", "0791-86000002", "lisi@jxf.gov.cn", "chu@jxf.gov.cn；ke@jxf.gov.cn"],
      ["省教育厅", "张三", "0791-86000001", "zhangsan@jxedu.gov.cn", ""],
      ["省发展改革委", "", "", "", ""],
      ["省人力资源社会保障厅", "", "", "", ""],
    ]);
    // A new tracker: every unit has a row to fill in, none twice.
    expect(contactsOf([]).cells.slice(1)).toEqual(LIST.units.map((u) => [u, "", "", "", ""]));
  });

  it("has one width per column, the address columns widest, and keeps the header and unit column in view", () => {
    const { columnWidths, freeze } = contactsOf();
    expect(columnWidths).toHaveLength(5);
    const [unit, name, phone, email, cc] = columnWidths;
    expect(Math.min(email, cc)).toBeGreaterThan(Math.max(unit, name, phone));
    expect(unit).toBeGreaterThan(name);
    expect(freeze).toEqual({ rows: 1, columns: 1 });
  });
});

describe("联络员: input area and protection", () => {
  // 4 units + header = row 5; 100 spare rows below for units the coordinator adds.
  const LAST = 5 + 100;

  it("the header is styled as a header; the rows and 100 spare ones below are the input colour, nothing past them", () => {
    const sheet = contactsOf();
    expect(styleAt(sheet, 1, 0)).toMatchObject({ bold: true, fill: COLORS.header });
    expect(styleAt(sheet, 1, 4)).toMatchObject({ bold: true, fill: COLORS.header });
    for (const [row, col] of [[2, 0], [2, 4], [LAST, 0], [LAST, 4]]) expect(styleAt(sheet, row, col)).toEqual({ fill: COLORS.input, vAlign: "top" });
    expect(styleAt(sheet, LAST + 1, 0)).toEqual({});
    expect(styleAt(sheet, 2, 5)).toEqual({});
  });

  it("only the rows and the spare rows are unlocked, under the tracker's password", () => {
    expect(contactsOf(GIVEN, "督查室").protection).toEqual({ password: "督查室", unlocked: [`A2:E${LAST}`] });
    expect(contactsOf(GIVEN).protection.password).toBeUndefined();
    // Six contacts (two units not in the list any more): the area grows with them.
    const many = [...GIVEN, ...["省外办", "省商务厅", "省科技厅", "省民政厅"].map((unit) => ({ unit, name: "王五", phone: "", email: "", cc: "" }))];
    expect(contactsOf(many).protection.unlocked).toEqual([`A2:E${1 + 8 + 100}`]);
  });
});

describe("联络员: reading the sheet back", () => {
  it("reads back what it wrote", () => {
    const sheet = contactsOf();
    expect(readContactsGrid(sheet.cells as string[][])).toEqual([
      ...GIVEN,
      { unit: "省发展改革委", name: "", phone: "", email: "", cc: "" },
      { unit: "省人力资源社会保障厅", name: "", phone: "", email: "", cc: "" },
    ]);
  });

  it("finds columns by their header even when moved, spaced out or missing; trims values; skips rows without a unit", () => {
    const grid = [
      ["联 系 人", " 电话 ", "单位", "邮\n箱"],
      ["  张三 ", "0791-86000001", " 省教育厅 ", "zhangsan@jxedu.gov.cn"],
      [null, null, null, null],
      ["无名氏", "123", "  ", ""],
      ["李四", 86000002, "省财政厅"],
    ];
    expect(readContactsGrid(grid)).toEqual([
      { unit: "省教育厅", name: "张三", phone: "0791-86000001", email: "zhangsan@jxedu.gov.cn", cc: "" },
      { unit: "省财政厅", name: "李四", phone: "86000002", email: "", cc: "" },
    ]);
  });

  it("reads nothing from a sheet without a 单位 column or without any row", () => {
    expect(readContactsGrid([["联系人", "电话"], ["张三", "0791-86000001"]])).toEqual([]);
    expect(readContactsGrid([])).toEqual([]);
    expect(readContactsGrid([["单位", "联系人"]])).toEqual([]);
  });
});
