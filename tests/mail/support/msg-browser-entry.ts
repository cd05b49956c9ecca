/**
 * Bundled by tests/mail/msg-browser.test.ts for Chromium: the .msg reader reached the way
 * the pane reaches it (a dynamic import from eml-uploads), with the browser's globals only.
 */
import { expandEmailUploads } from "../../../src/mail/eml-uploads";

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

(window as unknown as { expandInBrowser: unknown }).expandInBrowser = async (files: Array<{ name: string; base64: string }>) => {
  const r = await expandEmailUploads(files.map((f) => ({ name: f.name, data: fromBase64(f.base64) })));
  return { uploads: r.uploads.map((u) => ({ name: u.name, bytes: Array.from(u.data as Uint8Array) })), refused: r.refused };
};
