#!/usr/bin/env node
/**
 * The package's `bin` (dist-cli/cli/main.js): runs the bundle (policy-tracker.js, next to it)
 * through V8's code cache (policy-tracker.v8cache), which scripts/build-cli.js writes after a
 * warm-up build of the Jiangxi tracker. With the cache V8 skips parsing the 2.8 MB bundle and
 * compiling the functions a build runs (ExcelJS's writer among them): about 0.15 s of CPU of a
 * Jiangxi build. Node 20 has no module.enableCompileCache (Node ≥ 22.1), hence vm.Script's
 * cachedData (Node API: "vm.Script", options.cachedData / script.createCachedData()).
 *
 * V8 refuses a cache made by another V8 version or for other source text
 * (script.cachedDataRejected) and compiles as usual; the launcher then writes a fresh cache
 * when the process ends, so the next run is fast again.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const Module = require("module");

// V8 hands a function to its optimising compiler (TurboFan, on a background thread) once the
// function has run about 67 KB of bytecode (--interrupt-budget=67584). A Jiangxi build lasts
// ~0.2 s and ends before most of those compilations pay off, yet they cost ~0.1 s of CPU and
// compete for the second core with the garbage collector's helper. With 300,000 (4.4×) a short
// build stays interpreted and a long one is still optimised: by hand, Jiangxi 305 → 286 ms wall
// and 436 → 320 ms CPU (hyperfine, 30 runs each); 5,000 × 200 3.5 s against 4.1 s (one run
// each). The flag is read whenever a budget is reset, so setting it here, before the bundle
// runs, takes effect.
v8.setFlagsFromString("--interrupt-budget=300000");

const BUNDLE = path.join(__dirname, "policy-tracker.js");
const CACHE = path.join(__dirname, "policy-tracker.v8cache");

function readCache() {
  try {
    return fs.readFileSync(CACHE);
  } catch {
    return undefined; // no cache yet: V8 compiles from source
  }
}

function writeCache(script) {
  const temp = `${CACHE}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, CACHE);
  } catch {
    // A read-only install (global npm prefix owned by root) keeps running without a cache:
    // the cache only saves start-up time, and the command's own outcome is already decided.
    fs.rmSync(temp, { force: true });
  }
}

const cachedData = readCache();
// latin1: the bundle is ASCII only (scripts/build-cli.js, asciiOnly), so this is a one-byte
// string read without UTF-8 decoding.
const script = new vm.Script(Module.wrap(fs.readFileSync(BUNDLE, "latin1")), { filename: BUNDLE, cachedData });
if (!cachedData || script.cachedDataRejected) process.once("exit", () => writeCache(script));
// The bundle runs as this module: require.main === module holds, and __dirname is this folder,
// where the bundle finds the built-in list (src/cli/builtin-list.ts).
script.runInThisContext().call(module.exports, module.exports, require, module, BUNDLE, __dirname);
