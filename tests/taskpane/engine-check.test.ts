import fs from "fs";
import path from "path";
import * as acorn from "acorn";
import { JSDOM } from "jsdom";

const SRC = path.resolve(__dirname, "../../src/taskpane");
const script = fs.readFileSync(path.join(SRC, "engine-check.js"), "utf8");
const template = fs.readFileSync(path.join(SRC, "taskpane.html"), "utf8");

/** taskpane.html as the pane loads it, with engine-check.js inline and `before` run ahead of it; once loaded. */
async function openPage(before = ""): Promise<JSDOM> {
  const tag = /<script src="engine-check\.js"[^>]*><\/script>/;
  expect(template).toMatch(tag);
  const html = template
    .replace(/<script src="https:\/\/appsforoffice[^>]*><\/script>/, "")
    .replace(tag, () => `<script>${before}</script><script>${script}</script>`);
  const dom = new JSDOM(html, { runScripts: "dangerously" });
  // The script runs while the page is still parsing and waits for DOMContentLoaded to show anything.
  expect(dom.window.document.readyState).toBe("loading");
  await new Promise((resolve) => dom.window.addEventListener("load", resolve));
  return dom;
}

describe("engine-check.js, the script IE11 and EdgeHTML panes run before the bundle", () => {
  test("is plain ES5 (acorn, ecmaVersion 5)", () => {
    expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  test("the ES5 parse does refuse what those engines cannot run", () => {
    for (const modern of ["var f = () => 1;", "let a = 1;", "const a = 1;", "var s = `x`;", "class A {}"]) {
      expect(() => acorn.parse(modern, { ecmaVersion: 5, sourceType: "script" })).toThrow(SyntaxError);
    }
  });

  test("taskpane.html loads it after office.js and before anything else", () => {
    const sources = [...template.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "engine-check.js"]);
  });

  test("in a modern engine it leaves the pane alone", async () => {
    const dom = await openPage();
    const doc = dom.window.document;
    expect(doc.getElementById("engine-unsupported")).toBeNull();
    expect(doc.getElementById("container")!.childNodes).toHaveLength(0);
  });

  test("where the bundle's syntax does not compile it says why, in Chinese then English, as an alert", async () => {
    // What IE11 does with `new Function("class A {} ...")`.
    const dom = await openPage('window.Function = function () { throw new SyntaxError("Expected identifier"); };');
    const doc = dom.window.document;
    const box = doc.getElementById("engine-unsupported");
    expect(box).not.toBeNull();
    expect(box!.parentElement!.id).toBe("container");
    expect(box!.getAttribute("role")).toBe("alert");
    const sections = [...box!.children].map((s) => ({ lang: s.getAttribute("lang"), text: s.textContent ?? "" }));
    expect(sections.map((s) => s.lang)).toEqual(["zh-CN", "en"]);
    expect(sections[0].text).toContain("Internet Explorer 11");
    expect(sections[0].text).toContain("WebView2");
    expect(sections[0].text).toContain("Excel 网页版");
    expect(sections[1].text).toContain("Excel on the web");
  });

  test("a page that forbids eval is not taken for an old engine", async () => {
    const dom = await openPage('window.Function = function () { throw new EvalError("Refused to evaluate a string as JavaScript"); };');
    expect(dom.window.document.getElementById("engine-unsupported")).toBeNull();
  });
});
