import { readFileSync } from "fs";
import path from "path";

export const SEED_PATH = path.resolve(__dirname, "../../seeds/jiangxi-vocational-education-tasks.txt");
export const seedText = (): string => readFileSync(SEED_PATH, "utf8");
