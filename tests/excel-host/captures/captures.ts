/** Typed access to the recorded ProcessQuery traffic in this folder. */
import * as fs from "fs";
import * as path from "path";
import type { RequestBody, ResponseBody } from "../wire/protocol";

export interface CapturedBatch {
  request: RequestBody;
  response: ResponseBody;
  /** Request flags as sent (bridge envelope field, or `?flags=` of the HTTP URL). */
  flags: number;
  /** The win32 loader's start-up handshake, not produced by add-in code. */
  internal: boolean;
}

interface BridgeEntry {
  bridge: { flags: number; message: { body: RequestBody } };
  response: ResponseBody;
}

interface HttpEntry {
  url: string;
  request: RequestBody;
  response: ResponseBody;
}

const isInternal = (body: RequestBody): boolean =>
  Object.values(body.ObjectPaths ?? {}).some((p) => p.ObjectPathType === 2);

export function loadCapture(file: "chromium-win32-loader.json" | "jsdom-web-host-script.json"): CapturedBatch[] {
  const entries = JSON.parse(fs.readFileSync(path.join(__dirname, file), "utf8")) as Array<BridgeEntry | HttpEntry>;
  return entries.map((e) => {
    const request = "bridge" in e ? e.bridge.message.body : e.request;
    const flags = "bridge" in e ? e.bridge.flags : Number(/flags=(\d+)/.exec(e.url)?.[1]);
    return { request, response: e.response, flags, internal: isInternal(request) };
  });
}
