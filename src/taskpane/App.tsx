import * as React from "react";
import {
  Body1,
  Button,
  Divider,
  Field,
  Input,
  SpinButton,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { NameClashError } from "../excel/build-tracker";
import { describeExcelError } from "../excel/excel-errors";
import { RequirementError, checkRequirements } from "../excel/requirements";
import { SheetPasswordError } from "../excel/sheet-password";
import { PasswordPrompt, PasswordRequest } from "./PasswordPrompt";
import { TrackerStatus } from "../excel/tracker-status";
import { Dashboard } from "./Dashboard";
import { ExcelActions, currentPeriod } from "./excel-actions";
import { ListChoice, builtinChoice } from "./list-choice";
import { ListPreview } from "./ListPreview";
import { ListSource } from "./ListSource";
import { ExportPanel, MergePanel } from "./RoundTripPanel";
import { offerDownload, zipCopies } from "./downloads";
import { deliverCopies, officePlatform } from "./export-delivery";
import { useWorkbookChanges } from "./useWorkbookChanges";
import type { MergeResult } from "../excel/merge-returns";
import { Strings, stringsFor } from "./strings";
import { renderTaskListText } from "../domain/render-text";
import { applyUnitOverrides, parseOverrides } from "../domain/unit-overrides";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { color: tokens.colorBrandForeground1 },
  header: { display: "flex", justifyContent: "space-between", alignItems: "baseline" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  lines: { whiteSpace: "pre-wrap", margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Problem {
  title: string;
  message: string;
  clash?: boolean;
}

interface Notice {
  intent: "success" | "warning";
  title: string;
  lines: string[];
}

function problemOf(s: Strings, e: unknown, hint?: string): Problem {
  if (e instanceof RequirementError) return { title: s.requirementTitle, message: e.message };
  if (e instanceof NameClashError) return { title: s.errorTitle, message: e.message, clash: true };
  if (e instanceof SheetPasswordError) {
    const text = e.problem === "mixed" ? s.passwordMixed : e.problem === "wrong" ? s.passwordWrong : s.passwordPrompt;
    return { title: s.errorTitle, message: text.replace("{sheet}", e.sheet) };
  }
  return { title: s.errorTitle, message: describeExcelError(e) + (hint ? `\n${hint}` : "") };
}

export default function App({ actions, language }: { actions: ExcelActions; language?: string }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState(language);
  const s = stringsFor(lang);
  const requirements = React.useMemo(() => checkRequirements(actions.isSetSupported), [actions]);
  const [status, setStatus] = React.useState<TrackerStatus>();
  const [choice, setChoice] = React.useState<ListChoice>(builtinChoice);
  const [busy, setBusy] = React.useState<string>();
  const [problem, setProblem] = React.useState<Problem>();
  const [notice, setNotice] = React.useState<Notice>();
  const [mergeResult, setMergeResult] = React.useState<MergeResult>();
  const [warningDays, setWarningDays] = React.useState<number>();
  const [period, setPeriod] = React.useState(currentPeriod);
  const [overrides, setOverrides] = React.useState<Record<string, string>>({});
  /** The sheets' protection password, once given: kept while the pane is open. */
  const [password, setPassword] = React.useState<string>();
  const [asking, setAsking] = React.useState<PasswordRequest & { retry: (password: string) => void }>();
  // Others' edits (units typing, co-authors) update the dashboard: one read per burst, none while an operation runs.
  useWorkbookChanges(status?.present === true, async () => {
    if (!busy) setStatus(await actions.status());
  });
  const effectiveList = React.useMemo(() => (choice.list ? applyUnitOverrides(choice.list, overrides) : undefined), [choice, overrides]);

  /**
   * Every action: buttons off, progress on, and any failure shown with what to do. An action
   * that writes passes `retry`: when the sheets want a password, the pane asks for it and runs
   * the action again with it.
   */
  const perform = React.useCallback(
    async (label: string, work: () => Promise<void>, hint?: string, retry?: (password: string) => void) => {
      setBusy(label);
      setProblem(undefined);
      setNotice(undefined);
      try {
        await work();
      } catch (e) {
        if (e instanceof SheetPasswordError && e.problem !== "mixed" && retry) {
          if (e.problem === "wrong") setPassword(undefined);
          setAsking({ sheet: e.sheet, wrong: e.problem === "wrong", retry });
        } else setProblem(problemOf(s, e, hint));
      } finally {
        setBusy(undefined);
      }
    },
    [s],
  );

  React.useEffect(() => {
    void perform(s.loading, async () => {
      const found = await actions.status();
      setStatus(found);
      // The tracker's saved unit corrections apply again to whatever list is loaded next.
      if (found.present) setOverrides({ ...parseOverrides(found.meta.extra.unit_aliases) });
    });
    // Runs once per actions object (once on open); later reads happen after each action.
  }, [actions]);

  const build = (onNameClash: "stop" | "rename", pw = password): Promise<void> =>
    perform(s.working, async () => {
      if (!effectiveList) return;
      const result = await actions.build(effectiveList, renderTaskListText(effectiveList), { onNameClash, onProgress: setBusy, unitOverrides: overrides, password: pw });
      setPassword(pw);
      setStatus(await actions.status());
      const lines = [
        ...(result.keptReports > 0 ? [`${s.kept}: ${result.keptReports} ${s.items}`] : []),
        ...result.renamedUserSheets.map((r) => `“${r.from}” → “${r.to}”`),
        ...result.degraded,
        ...result.issues.map((i) => `${i.sheet}${i.row ? ` 第 ${i.row} 行` : ""}:${i.message}`),
      ];
      setNotice({ intent: result.issues.length > 0 ? "warning" : "success", title: s.built, lines });
    }, s.buildRetryHint, (p) => void build(onNameClash, p));

  const refresh = (pw = password): Promise<void> =>
    perform(s.working, async () => {
      const result = await actions.refresh({ warningDays, password: pw });
      setPassword(pw);
      setStatus(await actions.status());
      setNotice({ intent: "success", title: s.refreshed, lines: result.addedUnits.map((u) => `+ ${u}`) });
    }, undefined, (p) => void refresh(p));

  const archive = (pw = password): Promise<void> =>
    perform(s.working, async () => {
      const result = await actions.refresh({ warningDays, archivePeriod: period.trim(), password: pw });
      setPassword(pw);
      setStatus(await actions.status());
      setNotice({ intent: "success", title: `${s.archived}:${period.trim()}`, lines: [`${result.periods} ${s.periodsArchived}`] });
    }, undefined, (p) => void archive(p));

  const exportCopies = (units: string[]) =>
    perform(s.working, async () => {
      const files = await actions.exportCopies(units);
      setNotice(await deliverCopies(officePlatform(), files, { open: actions.openCopy, download: offerDownload, zip: zipCopies }, s));
    });

  // The files of the last merge, so that a full tracker the user then confirms can be merged by name.
  const lastFiles = React.useRef<File[]>([]);
  const merge = (files: File[], acceptFullTrackers?: string[], pw = password): Promise<void> =>
    perform(s.working, async () => {
      lastFiles.current = files;
      // Read lazily: a file over the size limit is refused from its size, never read into memory.
      const uploads = files.map((f) => ({ name: f.name, size: f.size, data: async () => new Uint8Array(await f.arrayBuffer()) }));
      const result = await actions.merge(uploads, setBusy, acceptFullTrackers, pw);
      setPassword(pw);
      setMergeResult(result);
      setStatus(await actions.status());
      const updated = result.outcome.files.reduce((n, f) => n + f.updated.length, 0);
      const conflicts = result.outcome.files.reduce((n, f) => n + f.conflicts.length, 0);
      setNotice({
        intent: result.refused.length > 0 || conflicts > 0 ? "warning" : "success",
        title: s.merged,
        lines: [`${s.updatedCol} ${updated} · ${s.conflictsCol} ${conflicts} · ${s.rejectedCol} ${result.refused.length}`],
      });
    }, undefined, (p) => void merge(files, acceptFullTrackers, p));

  const disabled = busy !== undefined;
  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {s.title}
        </Title2>
        <Button appearance="subtle" size="small" onClick={() => setLang(/^zh/i.test(lang ?? "zh") ? "en-US" : "zh-CN")}>
          {s.lang}
        </Button>
      </div>
      <Body1>{s.subtitle}</Body1>

      {!requirements.ok && (
        <MessageBar intent="error" layout="multiline" data-testid="requirements">
          <MessageBarBody>
            <MessageBarTitle>{s.requirementTitle}</MessageBarTitle>
            {requirements.missing.join("\n")}
          </MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="small" label={busy} data-testid="busy" />}
      {/* Closed between attempts, so each attempt starts with an empty field. */}
      {asking && (
        <PasswordPrompt
          s={s}
          request={asking}
          onSubmit={(p) => {
            setAsking(undefined);
            asking.retry(p);
          }}
          onCancel={() => {
            setAsking(undefined);
            setProblem({ title: s.errorTitle, message: s.passwordCancelled });
          }}
        />
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="problem">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            <span className={styles.lines}>{problem.message}</span>
          </MessageBarBody>
          {problem.clash && (
            <MessageBarActions>
              <Button onClick={() => void build("rename")} disabled={disabled}>
                {s.clashRename}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines.length > 0 && (
              <ul className={styles.lines}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {status?.present && (
        <>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void refresh()} disabled={disabled || !requirements.ok} data-testid="refresh">
              {s.refresh}
            </Button>
            <Field label={s.warningDays} orientation="horizontal">
              <SpinButton
                min={1}
                max={365}
                value={warningDays ?? (Number(status.meta.extra.warning_days) || 30)}
                disabled={disabled}
                onChange={(_, d) => setWarningDays(d.value ?? (d.displayValue ? Number(d.displayValue) : undefined))}
                data-testid="warning-days"
              />
            </Field>
          </div>
          <div className={styles.actions}>
            <Field label={s.period} orientation="horizontal">
              <Input value={period} onChange={(_, d) => setPeriod(d.value)} disabled={disabled} data-testid="period" />
            </Field>
            <Button onClick={() => void archive()} disabled={disabled || !period.trim() || !requirements.ok} data-testid="archive">
              {s.archive}
            </Button>
          </div>
          <Dashboard
            s={s}
            figures={status.figures}
            sheets={status.unitSheets}
            disabled={disabled}
            onOpen={(sheet) => void perform(s.working, () => actions.activate(sheet))}
          />
          <Divider />
          <ExportPanel s={s} units={[...status.unitSheets.keys()]} disabled={disabled} onExport={(u) => void exportCopies(u)} />
          <MergePanel
            s={s}
            disabled={disabled}
            onMerge={(f) => void merge(f)}
            onConfirmFullTracker={(name) => void merge(lastFiles.current.filter((f) => f.name === name), [name])}
            result={mergeResult}
          />
          <Divider />
        </>
      )}

      {status && (
        <>
          {effectiveList && (
            <ListPreview
              s={s}
              list={effectiveList}
              overrides={overrides}
              disabled={disabled}
              onOverride={(from, to) => setOverrides((prev) => ({ ...prev, [from]: to }))}
              onResetOverrides={() => setOverrides({})}
            />
          )}
          <div className={styles.actions}>
            <Button
              appearance={status.present ? "secondary" : "primary"}
              onClick={() => void build("stop")}
              disabled={disabled || !effectiveList || !requirements.ok}
              data-testid="build"
            >
              {status.present ? s.rebuild : s.build}
            </Button>
          </div>
          <ListSource s={s} choice={choice} disabled={disabled} onChange={setChoice} onReadSelection={() => actions.readSelection()} />
        </>
      )}
    </main>
  );
}
