/**
 * Script injected before any page script: the `window.external` host object the win32
 * office.js expects from Excel, and the RichApi native bridge forwarding each ProcessQuery to
 * the Node host through a function Playwright exposes. It runs in the browser, so it is kept
 * as plain JavaScript text.
 */
import type { RequirementMatrix } from "./office-stub";

export const HOST_PROCESS_BINDING = "__excelHostProcess";

export function hostStubScript(matrix: RequirementMatrix, locale = "en-US"): string {
  return `(() => {
  const matrix = ${JSON.stringify(JSON.stringify(matrix))};
  const context = {
    GetAppType: () => 1,
    GetSolutionRef: () => "excel-host-test",
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 1,
    GetAppUILocale: () => ${JSON.stringify(locale)},
    GetAppDataLocale: () => ${JSON.stringify(locale)},
    GetDocUrl: () => "https://localhost/excel-host-test.xlsx",
    GetAppCapabilities: () => 0,
    GetActivationMode: () => 0,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => "",
    GetCorrelationId: () => "00000000-0000-0000-0000-000000000000",
    GetInstanceId: () => "excel-host-instance",
    GetSupportedMatrix: () => matrix,
    GetHostFullVersion: () => "16.0.17000.10000",
    GetSettings: () => ({ Read: () => undefined, Write: () => undefined }),
  };
  const external = {
    GetContext: () => context,
    Execute: (id, params, callback) => {
      console.warn("excel-host: window.external.Execute(" + id + ") is not emulated");
      if (typeof callback === "function") callback(5001, null);
    },
    RegisterEvent: (id, targetId, handler, callback) => {
      if (typeof callback === "function") callback(0);
    },
    UnregisterEvent: (id, targetId, callback) => {
      if (typeof callback === "function") callback(0);
    },
  };
  Object.defineProperty(window, "external", { value: external, configurable: true, writable: true });
  const bridge = {
    sendMessageToHost(text) {
      const envelope = JSON.parse(text);
      const body = envelope.message.body;
      window.${HOST_PROCESS_BINDING}(typeof body === "string" ? body : JSON.stringify(body)).then((response) => {
        bridge.onMessageFromHost(JSON.stringify({ id: envelope.id, type: 2, message: { statusCode: 200, headers: {}, body: response } }));
      });
    },
    onMessageFromHost: null,
  };
  window._richApiNativeBridge = bridge;
})();`;
}
