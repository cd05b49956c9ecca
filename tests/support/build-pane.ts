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

/** A production build of the add-in into a fresh folder; returns the folder. */
export async function buildPane(): Promise<string> {
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
