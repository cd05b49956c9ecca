import { TaskList } from "../domain/types";
import { BuildResult, buildTracker } from "../excel/build-tracker";
import { RefreshResult, refreshTracker } from "../excel/refresh-tracker";
import { IsSetSupported } from "../excel/requirements";
import { TrackerStatus, activateSheet, readTrackerStatus } from "../excel/tracker-status";

/** What the pane asks of Excel; the real one runs Excel.run, tests may hand in another context runner. */
export interface ExcelActions {
  status(): Promise<TrackerStatus>;
  build(list: TaskList, source: string, options: { onNameClash: "stop" | "rename"; onProgress: (s: string) => void }): Promise<BuildResult>;
  refresh(): Promise<RefreshResult>;
  activate(sheet: string): Promise<void>;
  isSetSupported: IsSetSupported;
}

const uuid = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function stamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

type Run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function excelActions(run: Run, isSetSupported: IsSetSupported): ExcelActions {
  return {
    isSetSupported,
    status: () => run((ctx) => readTrackerStatus(ctx)),
    build: (list, source, options) =>
      run((ctx) =>
        buildTracker(ctx, list, {
          trackerId: uuid(),
          generatedAt: stamp(),
          listSource: source,
          isSetSupported,
          onNameClash: options.onNameClash,
          onProgress: options.onProgress,
        }),
      ),
    refresh: () => run((ctx) => refreshTracker(ctx, { refreshedAt: stamp(), isSetSupported })),
    activate: (sheet) => run((ctx) => activateSheet(ctx, sheet)),
  };
}

/** The production wiring: Office's own Excel.run and requirement check. */
export function officeActions(): ExcelActions {
  return excelActions(
    (fn) => Excel.run(fn),
    (name, version) => Office.context.requirements.isSetSupported(name, version),
  );
}
