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

/** Outside Excel (a plain browser, or offline where office.js cannot load): the same file work is in web.html. */
function showOutsideOffice(reason: string, inExcelHint?: string): void {
  show(
    <div role="alert" style={{ padding: 12 }} data-testid="outside-office">
      <p>{reason}</p>
      {inExcelHint && <p>{inExcelHint}</p>}
      <p>
        没有 Excel（使用 WPS、LibreOffice）时请打开<a href="web.html">网页版（web.html）</a>：生成跟踪表、导出、合并、归档和进展报告都在浏览器中完成，文件不上传。
      </p>
      <p lang="en">
        Without Excel, open <a href="web.html">the web page (web.html)</a>: the same work on files, in the browser.
      </p>
    </div>,
  );
}

// A blocked or offline CDN leaves `Office` undefined; say so instead of throwing a bare ReferenceError.
if (typeof Office === "undefined") {
  showOutsideOffice(
    `Office.js 未加载 / Office.js did not load from ${OFFICE_JS_URL}`,
    "在 Excel 中看到此信息时：请确认能访问 appsforoffice.microsoft.com，然后重新打开任务窗格。",
  );
} else {
  Office.onReady().then(
    (info) =>
      // No host: the page was opened in a browser, not by Office.
      !info.host
        ? showOutsideOffice("这是 Excel 加载项的任务窗格，当前不在 Excel 中运行。/ This task pane is not running inside Excel.")
        : show(
        <ErrorBoundary title="任务窗格出错 / The task pane failed">
          <App actions={officeActions()} language={Office.context.displayLanguage} />
        </ErrorBoundary>,
      ),
    showStartupError,
  );
}
