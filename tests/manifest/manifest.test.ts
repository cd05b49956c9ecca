import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DEV_URL,
  MANIFEST_PATH,
  NS,
  REPO_ROOT,
  SCHEMA_DIR,
  allUrls,
  byTag,
  childrenByTag,
  oneByTag,
  parseXml,
  readPngHeader,
  shouldRunXmllintTests,
  validateAgainstXsd,
  xsiType,
} from "../support/manifest-tools";
import { REQUIRED_SETS } from "../../src/excel/requirements";

const manifestText = fs.readFileSync(MANIFEST_PATH, "utf8");
const doc = parseXml(manifestText);
const root = doc.documentElement;

/** The bt:Image / bt:Url / bt:String resources of VersionOverrides, by id. */
function resources(): Map<string, Element> {
  const res = oneByTag(doc, NS.ov, "Resources");
  const map = new Map<string, Element>();
  for (const el of [...byTag(res, NS.bt, "Image"), ...byTag(res, NS.bt, "Url"), ...byTag(res, NS.bt, "String")]) {
    const id = el.getAttribute("id");
    if (id) {
      expect(map.has(id)).toBe(false);
      map.set(id, el);
    }
  }
  return map;
}

function resolveResid(resid: string): Element {
  const el = resources().get(resid);
  if (!el) throw new Error(`resid ${resid} has no resource`);
  return el;
}

function enUsOverride(el: Element, ns: string): string | null {
  const override = childrenByTag(el, ns, "Override").find((o) => o.getAttribute("Locale") === "en-US");
  return override ? override.getAttribute("Value") : null;
}

/** Maps a dev-server asset URL to the file in assets/ that will be served for it. */
function assetFileFor(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(REPO_ROOT, url.slice(DEV_URL.length));
}

const HAS_CJK = /[\u4e00-\u9fff]/;

describe("manifest.xml against the vendored XSDs", () => {
  test("the vendored XSDs are the pinned, unmodified copies", () => {
    const sums = fs
      .readFileSync(path.join(SCHEMA_DIR, "SHA256SUMS"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+/));
    const xsds = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
    expect(sums.map(([, file]) => file).sort()).toEqual(xsds.sort());
    for (const [sum, file] of sums) {
      const actual = createHash("sha256").update(fs.readFileSync(path.join(SCHEMA_DIR, file))).digest("hex");
      expect(`${file} ${actual}`).toBe(`${file} ${sum}`);
    }
  });

  if (shouldRunXmllintTests("XSD validation of manifest.xml")) {
    test("manifest.xml is valid", () => {
      const result = validateAgainstXsd(MANIFEST_PATH);
      expect(result.output).toContain("validates");
      expect(result.ok).toBe(true);
    });

    test("the validator does reject a broken manifest", () => {
      // Guards against a validation setup that passes everything (e.g. a schema that failed to load).
      const broken = manifestText.replace(/<Permissions>[^<]*<\/Permissions>/, "<Permissions>Everything</Permissions>");
      expect(broken).not.toBe(manifestText);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
      try {
        const file = path.join(dir, "manifest.xml");
        fs.writeFileSync(file, broken);
        const result = validateAgainstXsd(file);
        expect(result.ok).toBe(false);
        expect(result.output).toMatch(/Permissions/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe("manifest.xml facts", () => {
  test("is a task-pane add-in for Excel workbooks", () => {
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    const hosts = byTag(oneByTag(doc, NS.app, "Hosts"), NS.app, "Host").map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    const overrideHosts = byTag(oneByTag(doc, NS.ov, "Hosts"), NS.ov, "Host").map(xsiType);
    expect(overrideHosts).toEqual(["Workbook"]);
    expect(oneByTag(doc, NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(oneByTag(doc, NS.app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  test("requires ExcelApi 1.9, the set the add-in itself checks for before building", () => {
    const sets = oneByTag(doc, NS.app, "Sets");
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.9");
    const excelApi = byTag(sets, NS.app, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
    expect(excelApi).toHaveLength(1);
    const declared = excelApi[0].getAttribute("MinVersion") ?? sets.getAttribute("DefaultMinVersion");
    expect(declared).toBe("1.9");
    // The manifest and the runtime check must agree, or Excel offers the add-in where it then refuses to build.
    expect(REQUIRED_SETS.map((r) => `${r.name} ${r.version}`)).toEqual([`ExcelApi ${declared}`]);
  });

  test("defaults to zh-CN with en-US overrides for the name and description", () => {
    expect(oneByTag(doc, NS.app, "DefaultLocale").textContent).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const el = childrenByTag(root, NS.app, name)[0];
      expect(el.getAttribute("DefaultValue")).toMatch(HAS_CJK);
      expect(enUsOverride(el, NS.app)).toEqual(expect.stringMatching(/^[^\u4e00-\u9fff]+$/));
    }
    expect(childrenByTag(root, NS.app, "DisplayName")[0].getAttribute("DefaultValue")).toBe("政策任务跟踪");
  });

  test("every string resource is Chinese by default and has an English override", () => {
    const strings = byTag(oneByTag(doc, NS.ov, "Resources"), NS.bt, "String");
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      const id = s.getAttribute("id");
      expect({ id, zh: s.getAttribute("DefaultValue"), en: enUsOverride(s, NS.bt) }).toEqual({
        id,
        zh: expect.stringMatching(HAS_CJK),
        en: expect.stringMatching(/^[^\u4e00-\u9fff]+$/),
      });
    }
  });

  test("every resid refers to a defined resource", () => {
    const ids = resources();
    const refs = Array.from(doc.getElementsByTagName("*"))
      .map((el) => el.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });

  test("the Home tab has the 政策任务 group with a 任务跟踪 button that opens the task pane", () => {
    const tab = oneByTag(doc, NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = oneByTag(tab, NS.ov, "Group");
    const groupLabel = resolveResid(childrenByTag(group, NS.ov, "Label")[0].getAttribute("resid") ?? "");
    expect(groupLabel.getAttribute("DefaultValue")).toBe("政策任务");
    const control = oneByTag(group, NS.ov, "Control");
    expect(xsiType(control)).toBe("Button");
    const label = resolveResid(childrenByTag(control, NS.ov, "Label")[0].getAttribute("resid") ?? "");
    expect(label.getAttribute("DefaultValue")).toBe("任务跟踪");
    expect(enUsOverride(label, NS.bt)).toBe("Task Tracker");
    const action = oneByTag(control, NS.ov, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
    const source = resolveResid(oneByTag(action, NS.ov, "SourceLocation").getAttribute("resid") ?? "");
    expect(source.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
    const iconSizes = byTag(oneByTag(control, NS.ov, "Icon"), NS.bt, "Image").map((i) => i.getAttribute("size"));
    expect(iconSizes.sort()).toEqual(["16", "32", "80"]);
  });

  test("the task pane and function file point at the pages webpack emits", () => {
    const source = childrenByTag(oneByTag(doc, NS.app, "DefaultSettings"), NS.app, "SourceLocation")[0];
    expect(source.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
    const functionFile = resolveResid(oneByTag(doc, NS.ov, "FunctionFile").getAttribute("resid") ?? "");
    expect(functionFile.getAttribute("DefaultValue")).toBe(`${DEV_URL}commands.html`);

    // Each page NAME.html is built from the template src/NAME/NAME.html (the build test checks the output).
    const pages = allUrls(doc).filter((u) => u.startsWith(DEV_URL) && u.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const url of new Set(pages)) {
      const page = url.slice(DEV_URL.length);
      const template = path.join("src", page.replace(/\.html$/, ""), page);
      expect(`${template} exists: ${fs.existsSync(path.join(REPO_ROOT, template))}`).toBe(`${template} exists: true`);
    }
  });

  test("every URL is on the dev server, and every icon is a PNG in assets/ of the declared size", () => {
    const urls = allUrls(doc);
    const offServer = urls.filter((u) => !u.startsWith(DEV_URL) && u !== DEV_URL.slice(0, -1));
    expect(offServer).toEqual([]);

    const expected = new Map<string, number>();
    const expectSize = (url: string | null, size: number): void => {
      expect(url).toBeTruthy();
      const previous = expected.get(url as string);
      if (previous !== undefined) expect(`${url} ${size}`).toBe(`${url} ${previous}`);
      expected.set(url as string, size);
    };
    expectSize(oneByTag(doc, NS.app, "IconUrl").getAttribute("DefaultValue"), 32);
    expectSize(oneByTag(doc, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue"), 64);
    const imageRefs = Array.from(doc.getElementsByTagNameNS(NS.bt, "Image")).filter((i) => i.hasAttribute("size"));
    expect(imageRefs.length).toBeGreaterThan(0);
    for (const ref of imageRefs) {
      expectSize(resolveResid(ref.getAttribute("resid") ?? "").getAttribute("DefaultValue"), Number(ref.getAttribute("size")));
    }

    const assetUrls = urls.filter((u) => u.startsWith(`${DEV_URL}assets/`));
    expect([...expected.keys()].sort()).toEqual([...new Set(assetUrls)].sort());
    for (const [url, size] of expected) {
      const file = assetFileFor(url);
      expect(fs.existsSync(file)).toBe(true);
      const png = readPngHeader(file);
      expect(`${url} ${png.width}x${png.height}`).toBe(`${url} ${size}x${size}`);
    }
  });

  test("each assets/icon-N.png really is N×N", () => {
    const icons = fs.readdirSync(path.join(REPO_ROOT, "assets")).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const icon of icons) {
      const n = Number(/\d+/.exec(icon)?.[0]);
      const png = readPngHeader(path.join(REPO_ROOT, "assets", icon));
      expect(`${icon} ${png.width}x${png.height}`).toBe(`${icon} ${n}x${n}`);
    }
  });
});
