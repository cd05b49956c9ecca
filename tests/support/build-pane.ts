import { createHash } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<webpack.Configuration>;
// webpack.config.js is CommonJS without typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configFactory = require("../../webpack.config.js") as ConfigFactory;

/** Where the test build says it will be published (a production build requires one); the tests serve it themselves. */
const TEST_PROD_URL = "https://tracker.example.test/policy-tasks/";

const ROOT = path.resolve(__dirname, "../..");
const INPUTS = ["src", "assets", "seeds", "webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"];

/** A digest of everything the build reads, so a build is reused only for the same sources. */
function sourceDigest(): string {
  const hash = createHash("sha256");
  const add = (rel: string): void => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) add(path.join(rel, name));
      return;
    }
    hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
  };
  INPUTS.forEach(add);
  return hash.digest("hex").slice(0, 16);
}

/**
 * A production build of the add-in and web.html; returns its folder. Four browser test
 * files need the same build, and one takes minutes on two cores, so a build of the same
 * sources is shared through the temp folder (tests only read it).
 */
export async function buildPane(): Promise<string> {
  const shared = path.join(os.tmpdir(), `pane-build-${sourceDigest()}`);
  if (fs.existsSync(path.join(shared, "taskpane.html"))) return shared;
  const outDir = await freshBuild();
  try {
    fs.renameSync(outDir, shared);
  } catch {
    // Another run of the same sources finished first; its build is as good as ours.
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return shared;
}

async function freshBuild(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-build-"));
  const saved = process.env.ADDIN_PROD_URL;
  process.env.ADDIN_PROD_URL = TEST_PROD_URL;
  let config: webpack.Configuration;
  try {
    config = await configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = saved;
  }
  config.context = path.resolve(__dirname, "../..");
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  config.devtool = false;
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error("webpack returned no stats")) : resolve(result))),
  );
  await new Promise<void>((resolve, reject) => compiler.close((err) => (err ? reject(err) : resolve())));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return outDir;
}
