/** Public surface of the test Excel host. See README.md. */
export { ExcelHost, PAYLOAD_LIMIT_BYTES } from "./host";
export type { ExcelHostOptions } from "./host";
export { NodeExcelHost, createNodeHost } from "./node-host";
export type { NodeHostOptions } from "./node-host";
export { attachNodeClient } from "./client/node-client";
export type { NodeClient, NodeClientOptions } from "./client/node-client";
export { createFakeOffice, isSetSupported, DEFAULT_MATRIX } from "./client/office-stub";
export type { FakeOffice, RequirementMatrix } from "./client/office-stub";
export { startBrowserHost, chromiumExecutable, CHROMIUM_PATH, OFFICE_CDN_PREFIX, WIN32_HOST_INFO } from "./browser";
export type { BrowserHost, BrowserHostOptions } from "./browser";
export type { StatsSnapshot, BatchRecord } from "./stats";
export { exportXlsx } from "./xlsx/export";
export { recomputeWithLibreOffice, SOFFICE } from "./xlsx/libreoffice";
export type { ExportOptions, ExportResult } from "./xlsx/export";
export { seedWorkbook, nameFormula } from "./seed";
export type { SeedData, SeedSheet } from "./seed";
export { officeError } from "./testing";
