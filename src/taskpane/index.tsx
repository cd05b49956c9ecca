import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./App";
import { officeActions } from "./excel-actions";
import { ErrorBoundary, ErrorPanel } from "./ErrorPanel";

const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html must contain <div id=\"container\">");
const root = createRoot(container);

function show(content: React.ReactNode): void {
  root.render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>{content}</FluentProvider>
    </React.StrictMode>,
  );
}

function showStartupError(error: unknown): void {
  show(<ErrorPanel title="任务窗格无法启动 / The task pane could not start" error={error} />);
}

// A blocked or offline CDN leaves `Office` undefined; say so instead of throwing a bare ReferenceError.
if (typeof Office === "undefined") {
  showStartupError(new Error(`Office.js 未加载 / Office.js did not load from ${OFFICE_JS_URL}`));
} else {
  Office.onReady().then(
    () =>
      show(
        <ErrorBoundary title="任务窗格出错 / The task pane failed">
          <App actions={officeActions()} language={Office.context.displayLanguage} />
        </ErrorBoundary>,
      ),
    showStartupError,
  );
}
