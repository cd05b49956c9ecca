/**
 * Loaded only by jest.stryker.config.js. Under mutation a property that fails has done its
 * job; shrinking the counter-example to a readable one is for people, and takes longer than
 * Stryker's timeout, so a killed mutant was counted as "timed out" after a worker restart.
 */
const fc = require("fast-check");

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
