import { readFileSync } from "fs";
import path from "path";

/** The Jiangxi vocational-education list shipped in seeds/ (the default for every command). */
export const BUILTIN_LIST_PATH = path.resolve(__dirname, "../../seeds/jiangxi-vocational-education-tasks.txt");

export function readBuiltinList(): string {
  return readFileSync(BUILTIN_LIST_PATH, "utf8");
}
