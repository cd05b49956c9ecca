import { Cadence, Vocabulary, periodName } from "../domain/vocabulary";
import { TaskList } from "../domain/types";
import { BuildResult, buildTracker } from "../excel/build-tracker";
import { RefreshResult, refreshTracker } from "../excel/refresh-tracker";
import { IsSetSupported } from "../excel/requirements";
import { TrackerStatus, activateSheet, readTrackerStatus } from "../excel/tracker-status";
import { readSelectionRows } from "../excel/read-selection";
import { checkSheetPassword } from "../excel/sheet-password";
import { importRows } from "../import/import-list";
import { renderTaskListText } from "../domain/render-text";
import { readMasterState } from "../excel/tracker-reports";
import { isEmptyReport } from "../domain/reports";
import type { UnitCopyFile } from "../excel/export-copies";
import type { MergeResult, ReturnUpload } from "../excel/merge-returns";
import type { Contact } from "../mail/contacts";
import type { BatchRequest } from "../mail/draft-batch";
import type { ReturnInfo } from "../blueprint/instructions-sheet";
import type { Conflict } from "../domain/merge";

/** What the pane asks of Excel; the real one runs Excel.run, tests may hand in another context runner. */
export interface ExcelActions {
  status(): Promise<TrackerStatus>;
  build(
    list: TaskList,
    source: string,
    options: {
      onNameClash: "stop" | "rename";
      onProgress: (s: string) => void;
      unitOverrides?: Readonly<Record<string, string>>;
      password?: string;
      /** Chosen in the pane; undefined keeps the tracker's own (ours for a new one). */
      vocabulary?: Vocabulary;
      returnInfo?: ReturnInfo;
    },
  ): Promise<BuildResult>;
  /** `returnInfo`: new period, deadline and contact for 填报说明 (rewritten only when they changed). */
  refresh(options?: { warningDays?: number; archivePeriod?: string; password?: string; returnInfo?: ReturnInfo }): Promise<RefreshResult>;
  activate(sheet: string): Promise<void>;
  /** Copies for the chosen units; ExcelJS is loaded only now. */
  /** Records the export in the tracker (copy key, export time), so it writes: `password` as for merge. */
  exportCopies(units: readonly string[] | "all", password?: string): Promise<UnitCopyFile[]>;
  /** Opens a copy as a new workbook where Excel can (ExcelApi 1.8), otherwise returns false. */
  openCopy(file: UnitCopyFile): Promise<boolean>;
  /** `acceptFullTrackers`: names of full trackers the user confirmed in the pane. */
  merge(uploads: ReturnUpload[], onProgress: (s: string) => void, acceptFullTrackers?: readonly string[], password?: string): Promise<MergeResult>;
  /** Writes a conflict's returned value into the unit's row (input cells: no password needed). */
  takeReturned(conflict: Conflict): Promise<void>;
  readSelection(): Promise<TaskList>;
  /** The progress report (.docx) for the date; docx is loaded only now. */
  progressReport(date: string): Promise<{ fileName: string; data: Uint8Array }>;
  /** The reportKey of every task × unit that holds a report, read before a rebuild is confirmed. */
  filledReports(): Promise<string[]>;
  isSetSupported: IsSetSupported;
  /** The rows of 联络员 (none before the first import). */
  readContacts(): Promise<Contact[]>;
  /** A pasted table (or one typed row) into 联络员; rows of other units stay. Writes: `password` as for merge. */
  importContacts(table: string, password?: string): Promise<{ contacts: Contact[]; warnings: string[] }>;
  /** .eml drafts with each unit's copy (the export is recorded, as for exportCopies); compose code is loaded only now. */
  mailDrafts(request: BatchRequest, password?: string): Promise<{ files: Array<{ fileName: string; data: Uint8Array }>; noAddress: string[] }>;
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
  /**
   * Operations that write first check the sheets' protection password in Excel runs of their
   * own: a missing or wrong password stops them with SheetPasswordError before anything changes.
   */
  const checked = async <T>(password: string | undefined, work: (password: string | undefined) => Promise<T>): Promise<T> =>
    work(await run((ctx) => checkSheetPassword(ctx, password)));
  return {
    isSetSupported,
    status: () => run((ctx) => readTrackerStatus(ctx)),
    build: (list, source, options) =>
      checked(options.password, (password) =>
        run((ctx) =>
          buildTracker(ctx, list, {
            password,
            trackerId: uuid(),
            generatedAt: stamp(),
            // Whatever the list came from (text, .docx, a selection), the tracker keeps it as table text.
            listSource: source || renderTaskListText(list),
            isSetSupported,
            onNameClash: options.onNameClash,
            onProgress: options.onProgress,
            unitOverrides: options.unitOverrides,
            vocabulary: options.vocabulary,
            returnInfo: options.returnInfo,
          }),
        ),
      ),
    refresh: (options = {}) =>
      checked(options.password, (password) =>
        run((ctx) =>
          refreshTracker(ctx, {
            refreshedAt: stamp(),
            isSetSupported,
            warningDays: options.warningDays,
            archivePeriod: options.archivePeriod,
            password,
            returnInfo: options.returnInfo,
          }),
        ),
      ),
    activate: (sheet) => run((ctx) => activateSheet(ctx, sheet)),
    exportCopies: async (units, password) => {
      const { makeUnitCopies } = await import("../excel/export-copies");
      return checked(password, (checkedPassword) => run((ctx) => makeUnitCopies(ctx, units, stamp(), undefined, checkedPassword)));
    },
    openCopy: async (file) => {
      if (!isSetSupported("ExcelApi", "1.8") || typeof Excel === "undefined" || !("createWorkbook" in Excel)) return false;
      const { toBase64 } = await import("../excel/export-copies");
      await Excel.createWorkbook(toBase64(file.data));
      return true;
    },
    filledReports: () =>
      run(async (ctx) => {
        const state = await readMasterState(ctx);
        return [...state.reports].filter(([, r]) => !isEmptyReport(r)).map(([key]) => key);
      }),
    takeReturned: async (conflict) => {
      const { takeReturnedValue } = await import("../excel/take-returned");
      return run((ctx) => takeReturnedValue(ctx, conflict));
    },
    readSelection: async () => importRows((await run((ctx) => readSelectionRows(ctx))).rows, { name: "选中区域" }),
    progressReport: async (date) => {
      const [{ readReportSource }, { progressReportFile }] = await Promise.all([import("../excel/report-source"), import("../report/report-file")]);
      return progressReportFile(await run((ctx) => readReportSource(ctx)), date);
    },
    readContacts: async () => {
      const { readContactsState } = await import("../excel/contacts-sheet");
      return (await run((ctx) => readContactsState(ctx))).contacts;
    },
    importContacts: async (table, password) => {
      const { importContacts } = await import("../excel/contacts-sheet");
      return checked(password, (checkedPassword) => run((ctx) => importContacts(ctx, table, checkedPassword)));
    },
    mailDrafts: async (request, password) => {
      const [{ readContactsState }, { planBatch, composeBatch }, { makeUnitCopies }, { unitCopyFileName }] = await Promise.all([
        import("../excel/contacts-sheet"),
        import("../mail/draft-batch"),
        import("../excel/export-copies"),
        import("../blueprint/unit-copy"),
      ]);
      const { state, contacts } = await run((ctx) => readContactsState(ctx));
      const { plans, noAddress } = planBatch(state.list, state.reports, contacts, request, (u) => unitCopyFileName(state.list.name, u));
      if (plans.length === 0) return { files: [], noAddress };
      const exportedAt = stamp();
      const copies = await checked(password, (checkedPassword) => run((ctx) => makeUnitCopies(ctx, plans.map((p) => p.unit), exportedAt, request.period || undefined, checkedPassword)));
      const date = new Date();
      // The export time is to the minute; the clock's milliseconds keep two batches in one minute apart.
      return { files: composeBatch(plans, copies, { trackerId: state.meta.trackerId, kind: request.kind, stamp: `${exportedAt}-${date.getTime().toString(36)}`, date }), noAddress };
    },
    merge: async (uploads, onProgress, acceptFullTrackers, password) => {
      const { mergeReturnFiles } = await import("../excel/merge-returns");
      return checked(password, (checkedPassword) => run((ctx) => mergeReturnFiles(ctx, uploads, stamp(), { onProgress, acceptFullTrackers, password: checkedPassword })));
    },
  };
}

/** The production wiring: Office's own Excel.run and requirement check. */
export function officeActions(): ExcelActions {
  return excelActions(
    (fn) => Excel.run(fn),
    (name, version) => Office.context.requirements.isSetSupported(name, version),
  );
}

/** Today as yyyy-mm-dd in the user's time zone (the CLI's default report date too). */
export function localDate(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** The reporting period a coordinator would name now for the tracker's cadence, e.g. 2026年11月 or 2026年第四季度. */
export function currentPeriod(date = new Date(), cadence: Cadence = "月"): string {
  return periodName(localDate(date), cadence);
}
