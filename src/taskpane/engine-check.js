/*
 * Loaded by taskpane.html before the task pane's bundle, in whatever engine Office gives the
 * pane. Office 2016 and 2019 without WebView2 show add-ins in Internet Explorer 11 or EdgeHTML
 * (the old Microsoft Edge), which cannot parse the bundle (compiled for ES2020): without this
 * script the pane would stay blank. It is ES5 on purpose, so that those engines can run it
 * (tests/taskpane/engine-check.test.ts parses it as ES5).
 */
(function () {
  "use strict";

  // Syntax the bundle relies on and IE11 / EdgeHTML lack: classes, let/const, arrow and async
  // functions, template literals, object spread and rest (EdgeHTML 18 has neither), ?. and ??.
  var PROBE =
    "class A { static f() { return 1; } }" +
    "const o = { a: 1 }; let { a, ...rest } = { ...o };" +
    "return async () => { for (const x of [o?.a ?? A.f()]) { await x; } return `${a}${rest}`; };";

  function engineRunsBundle() {
    try {
      // Compiled, never called.
      new Function(PROBE);
      return true;
    } catch (e) {
      // Only a SyntaxError says the engine is too old; a policy forbidding eval says nothing about it.
      return !(e && e.name === "SyntaxError");
    }
  }

  var MESSAGES = [
    {
      lang: "zh-CN",
      title: "任务窗格无法在此 Office 中运行",
      lines: [
        "这台电脑上的 Office 用 Internet Explorer 11 或旧版 Microsoft Edge(EdgeHTML)显示加载项,它们无法运行本加载项。",
        "请改用 Microsoft 365 或 Office 2021 及以上版本,并安装 Microsoft Edge WebView2 运行时;或在 Excel 网页版中打开工作簿。",
        "跟踪表本身不受影响:任何版本的 Excel 或 WPS 都可以打开、填报和查看。"
      ]
    },
    {
      lang: "en",
      title: "The task pane cannot run in this Office",
      lines: [
        "Office on this computer shows add-ins with Internet Explorer 11 or the old Microsoft Edge (EdgeHTML), which cannot run this add-in.",
        "Use Microsoft 365 or Office 2021 or later with the Microsoft Edge WebView2 Runtime installed, or open the workbook in Excel on the web.",
        "The tracker workbook itself is unaffected: any Excel or WPS can open, fill in and read it."
      ]
    }
  ];

  function showMessage() {
    var host = document.getElementById("container") || document.body;
    var box = document.createElement("div");
    box.id = "engine-unsupported";
    box.setAttribute("role", "alert");
    box.style.padding = "16px";
    box.style.fontFamily = "'Microsoft YaHei', 'Segoe UI', sans-serif";
    for (var i = 0; i < MESSAGES.length; i++) {
      var section = document.createElement("div");
      section.setAttribute("lang", MESSAGES[i].lang);
      var title = document.createElement("h1");
      title.style.fontSize = "16px";
      title.appendChild(document.createTextNode(MESSAGES[i].title));
      section.appendChild(title);
      for (var j = 0; j < MESSAGES[i].lines.length; j++) {
        var p = document.createElement("p");
        p.appendChild(document.createTextNode(MESSAGES[i].lines[j]));
        section.appendChild(p);
      }
      box.appendChild(section);
    }
    host.appendChild(box);
  }

  if (engineRunsBundle()) return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showMessage);
  else showMessage();
})();
