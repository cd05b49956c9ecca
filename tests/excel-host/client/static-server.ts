/** A tiny HTTP server on 127.0.0.1 for a test page's folder and the office.js dist folder. */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { OFFICE_JS_DIST } from "./office-dist";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

/** Maps a URL path under `root` to a file, refusing to leave `root`. */
export function fileUnder(root: string, urlPath: string): string | null {
  const file = path.normalize(path.join(root, decodeURIComponent(urlPath)));
  return file.startsWith(path.normalize(root + path.sep)) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

export interface StaticServer {
  baseUrl: string;
  /** Paths requested that had no file (a test page referencing something missing). */
  misses: string[];
  close(): Promise<void>;
}

/** Serves `pageRoot` at `/`, office.js's dist at `/office-js/`, and extra in-memory pages. */
export async function startStaticServer(pageRoot: string | null, pages: Record<string, string> = {}): Promise<StaticServer> {
  const misses: string[] = [];
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (pages[urlPath] !== undefined) {
      res.writeHead(200, { "content-type": contentType(urlPath), "cache-control": "no-store" });
      res.end(pages[urlPath]);
      return;
    }
    const file = urlPath.startsWith("/office-js/")
      ? fileUnder(OFFICE_JS_DIST, urlPath.slice("/office-js".length))
      : pageRoot
        ? fileUnder(pageRoot, urlPath)
        : null;
    if (!file) {
      misses.push(urlPath);
      res.writeHead(404, { "content-type": "text/plain" });
      res.end(`not found: ${urlPath}`);
      return;
    }
    res.writeHead(200, { "content-type": contentType(file), "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    misses,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
