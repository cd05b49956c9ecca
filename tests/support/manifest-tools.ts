import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(REPO_ROOT, "manifest.xml");
export const SCHEMA_DIR = path.join(REPO_ROOT, "schemas", "office-manifest");
export const ROOT_SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
export const DEV_URL = "https://localhost:3000/";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export function xmllintAvailable(): boolean {
  return !spawnSync("xmllint", ["--version"]).error;
}

/**
 * Whether suites should register their xmllint tests. CI always does, so a missing
 * xmllint fails there; a developer's machine without it is told loudly what is not checked.
 */
export function shouldRunXmllintTests(what: string): boolean {
  if (xmllintAvailable() || process.env.CI === "true") return true;
  console.warn(
    `\n!!!!!!!! xmllint NOT FOUND: ${what} is NOT checked on this machine.\n` +
      `!!!!!!!! Install it (Debian: apt-get install libxml2-utils); CI fails without it.\n`,
  );
  return false;
}

export interface XsdResult {
  ok: boolean;
  output: string;
}

export function validateAgainstXsd(xmlFile: string): XsdResult {
  // --nonet: a schema reference that escaped to a URL must fail rather than download.
  const run = spawnSync("xmllint", ["--nonet", "--noout", "--schema", ROOT_SCHEMA, xmlFile], { encoding: "utf8" });
  if (run.error) {
    throw new Error(`cannot run xmllint (Debian: apt-get install libxml2-utils): ${run.error.message}`);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export function parseXml(text: string): Document {
  const { window } = new JSDOM("");
  const doc = new window.DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`XML does not parse: ${error.textContent}`);
  return doc;
}

export function byTag(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function oneByTag(root: Document | Element, ns: string, localName: string): Element {
  const found = byTag(root, ns, localName);
  if (found.length !== 1) throw new Error(`expected exactly one ${localName}, found ${found.length}`);
  return found[0];
}

export function childrenByTag(parent: Element, ns: string, localName: string): Element[] {
  return Array.from(parent.children).filter((c) => c.namespaceURI === ns && c.localName === localName);
}

export function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

const XMLNS = "http://www.w3.org/2000/xmlns/";

/** Every absolute URL in an attribute value or element text, namespace declarations excluded. */
export function allUrls(doc: Document): string[] {
  const urls: string[] = [];
  const walk = (el: Element): void => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI !== XMLNS && /^https?:\/\//.test(attr.value)) urls.push(attr.value);
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === node.TEXT_NODE && /^\s*https?:\/\//.test(node.textContent ?? "")) {
        urls.push((node.textContent ?? "").trim());
      }
    }
    for (const child of Array.from(el.children)) walk(child);
  };
  walk(doc.documentElement);
  return urls;
}

export interface PngInfo {
  width: number;
  height: number;
  colorType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngHeader(file: string): PngInfo {
  const buf = fs.readFileSync(file);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${file} is not a PNG`);
  // The first chunk must be IHDR: length(4) type(4) width(4) height(4) depth(1) colourType(1).
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] };
}
