/**
 * Export per platform: the host's client answers Office.context.diagnostics.platform as Mac,
 * OfficeOnline or PC; the copies are made from a real tracker through it; the notice is
 * checked against what was actually done (workbooks opened, files handed to the browser).
 */
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { UnitCopyFile, makeUnitCopies } from "../../src/excel/export-copies";
import { DeliveryMeans, deliverCopies, zipName } from "../../src/taskpane/export-delivery";
import { STRINGS } from "../../src/taskpane/strings";
import { buildOptions, newHost } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";

const list = parseTaskList(seedText());
const s = STRINGS.zh;

function recorder(canOpen: boolean) {
  const opened: string[] = [];
  const downloads: Array<{ name: string; bytes: number; type?: string }> = [];
  const means: DeliveryMeans = {
    open: async (f) => {
      if (canOpen) opened.push(f.fileName);
      return canOpen;
    },
    download: (name, data, type) => downloads.push({ name, bytes: data instanceof Blob ? data.size : data.length, type }),
    zip: async (files) => new Blob(files.map((f) => f.data as BlobPart)),
  };
  return { means, opened, downloads };
}

describe("exported copies reach the user as each platform allows, and the notice says what happened", () => {
  let copies: UnitCopyFile[] = [];
  const host = newHost();
  beforeAll(async () => {
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: seedText() })));
    copies = await host.run((ctx) => makeUnitCopies(ctx, list.units.slice(0, 3), "2026-12-01 10:00"));
  });
  const platformOf = (p: "PC" | "Mac" | "OfficeOnline") => host.connect({ officePlatform: p }).office.context.diagnostics.platform;

  it("Mac: one new workbook per unit, nothing downloaded (a pane cannot download there)", async () => {
    const r = recorder(true);
    const notice = await deliverCopies(platformOf("Mac"), copies, r.means, s);
    expect(r.opened).toEqual(copies.map((c) => c.fileName));
    expect(r.downloads).toEqual([]);
    expect(notice.lines[0]).toContain("已在 Excel 中打开 3 个新工作簿");
    expect(notice.lines.slice(1)).toEqual(r.opened);
    expect(notice.lines.join("")).not.toContain("下载文件夹");
  });

  it("Mac without createWorkbook: says no file was made and how to get them", async () => {
    const r = recorder(false);
    const notice = await deliverCopies(platformOf("Mac"), copies, r.means, s);
    expect(r.downloads).toEqual([]);
    expect(notice.intent).toBe("warning");
    expect(notice.lines[0]).toContain("没有生成任何文件");
    expect(notice.lines[0]).toContain("网页版 Excel 或 Windows 版 Excel");
  });

  it("web, one unit: says Excel will ask and that the file goes to OneDrive, names the file to save as", async () => {
    const r = recorder(true);
    const notice = await deliverCopies(platformOf("OfficeOnline"), copies.slice(0, 1), r.means, s);
    expect(r.opened).toEqual([copies[0].fileName]);
    expect(notice.lines[0]).toContain("Excel 会询问");
    expect(notice.lines[0]).toContain("OneDrive");
    expect(notice.lines[1]).toBe(copies[0].fileName);
  });

  it("web, several units: the browser downloads one .zip, named in the notice", async () => {
    const r = recorder(true);
    const notice = await deliverCopies(platformOf("OfficeOnline"), copies, r.means, s);
    expect(r.opened).toEqual([]);
    expect(r.downloads).toEqual([{ name: zipName(3), bytes: expect.any(Number), type: "application/zip" }]);
    expect(notice.lines[0]).toContain(`浏览器已开始下载 ${zipName(3)}`);
    expect(notice.lines.slice(1)).toEqual(copies.map((c) => c.fileName));
  });

  it("Windows, several units: the .zip with its name and where it went", async () => {
    const r = recorder(true);
    const notice = await deliverCopies(platformOf("PC"), copies, r.means, s);
    expect(r.downloads.map((d) => d.name)).toEqual([zipName(3)]);
    expect(r.downloads[0].bytes).toBeGreaterThan(0);
    expect(notice.lines[0]).toBe(`已保存 ${zipName(3)} 到“下载”文件夹（Excel 询问时在你选择的位置），其中有：`);
  });

  it("Windows, one unit: opened in a new window, not yet saved", async () => {
    const r = recorder(true);
    const notice = await deliverCopies(platformOf("PC"), copies.slice(1, 2), r.means, s);
    expect(r.opened).toEqual([copies[1].fileName]);
    expect(r.downloads).toEqual([]);
    expect(notice.lines).toEqual([s.exportPcOpened, copies[1].fileName]);
  });
});
