/** Where the pinned @microsoft/office-js package keeps its scripts. */
import * as path from "path";

export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

export type ClientPlatform = "web" | "win32";

export function excelScriptPath(platform: ClientPlatform, debug = false): string {
  const base = platform === "web" ? "excel-web-16.00" : "excel-win32-16.01";
  return path.join(OFFICE_JS_DIST, `${base}${debug ? ".debug" : ""}.js`);
}
