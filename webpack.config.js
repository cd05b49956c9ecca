/*
 * Webpack build for the Excel add-in (task pane + FunctionFile), following the
 * `yo office` React/TypeScript template, and web.html: the same file work as a plain
 * page for offices without Excel (no office.js; opens from disk or any static server).
 *
 *   npm run build        production build into dist/ (manifest URLs rewritten, see below)
 *   npm run build:dev    development build into dist/ (manifest keeps https://localhost:3000/)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs certificates
 *
 * ADDIN_PROD_URL: where dist/ will be published, an https URL ending in "/".
 * A production build rewrites every https://localhost:3000/ in manifest*.xml to it
 * (and the bare origin https://localhost:3000, as used by <AppDomain>, to its origin).
 * It is required: a default would ship a manifest pointing at a host nobody serves,
 * which Office only reveals when an administrator deploys it.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_SERVER_PORT = 3000;

function productionUrl() {
  const raw = process.env.ADDIN_PROD_URL;
  if (!raw) {
    throw new Error(
      "ADDIN_PROD_URL is not set: a production build needs the https address where dist/ will be published, " +
        "e.g. ADDIN_PROD_URL=https://your.server/policy-tracker/ npm run build " +
        "(use npm run build:dev for a build that keeps https://localhost:3000/).",
    );
  }
  // Office only loads add-ins over https, and every manifest URL is this prefix + a file name.
  if (!/^https:\/\/[^/\s]+\/(\S*\/)?$/.test(raw)) {
    throw new Error(`ADDIN_PROD_URL must be an https:// URL ending in "/", got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function rewriteManifestUrls(xml, prodUrl) {
  const devOrigin = DEV_URL.slice(0, -1);
  return xml.split(DEV_URL).join(prodUrl).split(devOrigin).join(new URL(prodUrl).origin);
}

async function devServerHttpsOptions() {
  // Loaded only when serving: a plain build must not need (or create) certificates.
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/** Bundles TypeScript for the browser (shared by the add-in and the web page's worker). */
function tsRules() {
  return [
    {
      // The built-in task list ships inside the bundle so the pane needs no server for it.
      test: /\.txt$/,
      type: "asset/source",
    },
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: {
          // Type errors are reported by `npm run lint` (tsc --noEmit); the bundle only needs JS.
          transpileOnly: true,
          // tsconfig.json targets CommonJS for jest/ts-node; CommonJS would turn import() into
          // require() and defeat code splitting, so the bundle gets ES modules.
          compilerOptions: { module: "esnext", moduleResolution: "bundler" },
        },
      },
    },
  ];
}

/**
 * The web page's worker as one script, returned as text. Chromium refuses to start a worker
 * from a file:// page (web.html opened from disk) but starts one from a blob: URL, so the page
 * carries the worker's source (in a chunk loaded on first use) and makes that URL itself.
 */
const webWorkerBuilds = new Map();

/** Built once per process and mode: the tests build the add-in several times. */
function webWorkerSource(dev) {
  if (!webWorkerBuilds.has(dev)) webWorkerBuilds.set(dev, buildWebWorker(dev));
  return webWorkerBuilds.get(dev);
}

async function buildWebWorker(dev) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "web-worker-"));
  try {
    const compiler = webpack({
      mode: dev ? "development" : "production",
      target: "webworker",
      context: __dirname,
      devtool: false,
      entry: "./src/web/worker.ts",
      output: { path: outDir, filename: "web-worker.js" },
      resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
      module: { rules: tsRules() },
      plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
      // Not minified: ExcelJS comes minified already, and minifying the rest again costs a
      // minute of build time on two cores to save ~0.9 MB of a file read from disk or intranet.
      optimization: { minimize: false },
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    });
    const stats = await new Promise((resolve, reject) => compiler.run((err, result) => (err ? reject(err) : resolve(result))));
    await new Promise((resolve) => compiler.close(resolve));
    if (stats.hasErrors()) throw new Error(`web worker build failed:\n${stats.toString({ all: false, errors: true })}`);
    return fs.readFileSync(path.join(outDir, "web-worker.js"), "utf8");
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

module.exports = async (env = {}, argv = {}) => {
  // webpack itself defaults to production when no mode is given.
  const dev = argv.mode === "development";
  const prodUrl = dev ? null : productionUrl();
  const jsName = dev ? "[name].js" : "[name].[contenthash:8].js";
  const workerSource = await webWorkerSource(dev);

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The same file work without Office (issue 19): a static page that also runs from file://.
      web: "./src/web/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: jsName,
      chunkFilename: jsName,
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: tsRules(),
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS is ~1 MB and only needed for import/export, so it must stay out of
          // the task pane's first load; a stable name makes that checkable.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // ExcelJS loads only when needed; the web worker's source only in web.html (never in the add-in).
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("exceljs.") && !file.startsWith("web-worker."),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    plugins: [
      new webpack.DefinePlugin({ __WEB_WORKER_SOURCE__: JSON.stringify(workerSource) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "web.html",
        template: "./src/web/web.html",
        chunks: ["web"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          // Not bundled: it must stay ES5 for engines that cannot parse the bundle.
          { from: "src/taskpane/engine-check.js", to: "engine-check.js" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            ...(prodUrl ? { transform: (content) => rewriteManifestUrls(content.toString("utf8"), prodUrl) } : {}),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: await devServerHttpsOptions() } : "https",
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
