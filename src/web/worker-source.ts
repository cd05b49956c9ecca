/** The worker bundle's text, put here by webpack.config.js (see buildWebWorker there). */
declare const __WEB_WORKER_SOURCE__: string;

export const WORKER_SOURCE: string = __WEB_WORKER_SOURCE__;
