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
import { TrackerStatus } from "../excel/tracker-status";
import { Dashboard } from "./Dashboard";
import { ExcelActions, currentPeriod, localDate } from "./excel-actions";
import { DOCX_TYPE } from "../report/docx-type";
import { ListChoice, builtinChoice } from "./list-choice";
import { ListPreview } from "./ListPreview";
import { ListSource } from "./ListSource";
import { ExportPanel, MergePanel } from "./RoundTripPanel";
import { ProgressReportButton } from "./ProgressReportButton";
import { offerDownload, zipCopies } from "./downloads";
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
  const effectiveList = React.useMemo(() => (choice.list ? applyUnitOverrides(choice.list, overrides) : undefined), [choice, overrides]);

  /** Every action: buttons off, progress on, and any failure shown with what to do. */
  const perform = React.useCallback(
    async (label: string, work: () => Promise<void>, hint?: string) => {
      setBusy(label);
      setProblem(undefined);
      setNotice(undefined);
      try {
        await work();
      } catch (e) {
        setProblem(problemOf(s, e, hint));
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

  const build = (onNameClash: "stop" | "rename") =>
    perform(s.working, async () => {
      if (!effectiveList) return;
      const result = await actions.build(effectiveList, renderTaskListText(effectiveList), { onNameClash, onProgress: setBusy, unitOverrides: overrides });
      setStatus(await actions.status());
      const lines = [
        ...(result.keptReports > 0 ? [`${s.kept}: ${result.keptReports} ${s.items}`] : []),
        ...result.renamedUserSheets.map((r) => `“${r.from}” → “${r.to}”`),
        ...result.degraded,
        ...result.issues.map((i) => `${i.sheet}${i.row ? ` 第 ${i.row} 行` : ""}:${i.message}`),
      ];
      setNotice({ intent: result.issues.length > 0 ? "warning" : "success", title: s.built, lines });
    }, s.buildRetryHint);

  const refresh = () =>
    perform(s.working, async () => {
      const result = await actions.refresh({ warningDays });
      setStatus(await actions.status());
      setNotice({ intent: "success", title: s.refreshed, lines: result.addedUnits.map((u) => `+ ${u}`) });
    });

  const archive = () =>
    perform(s.working, async () => {
      const result = await actions.refresh({ warningDays, archivePeriod: period.trim() });
      setStatus(await actions.status());
      setNotice({ intent: "success", title: `${s.archived}:${period.trim()}`, lines: [`${result.periods} ${s.periodsArchived}`] });
    });

  const exportCopies = (units: string[]) =>
    perform(s.working, async () => {
      const files = await actions.exportCopies(units);
      if (files.length === 1 && (await actions.openCopy(files[0]))) {
        setNotice({ intent: "success", title: s.exported, lines: [files[0].fileName] });
        return;
      }
      if (files.length === 1) offerDownload(files[0].fileName, files[0].data);
      else offerDownload(`单位填报表-${files.length}份.zip`, await zipCopies(files), "application/zip");
      setNotice({ intent: "success", title: `${s.exported}(${s.downloaded})`, lines: files.map((f) => f.fileName) });
    });

  const merge = (files: File[]) =>
    perform(s.working, async () => {
      const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
      const result = await actions.merge(uploads, setBusy);
      setMergeResult(result);
      setStatus(await actions.status());
      const updated = result.outcome.files.reduce((n, f) => n + f.updated.length, 0);
      const conflicts = result.outcome.files.reduce((n, f) => n + f.conflicts.length, 0);
      setNotice({
        intent: result.refused.length > 0 || conflicts > 0 ? "warning" : "success",
        title: s.merged,
        lines: [`${s.updatedCol} ${updated} · ${s.conflictsCol} ${conflicts} · ${s.rejectedCol} ${result.refused.length}`],
      });
    });

  const progressReport = () =>
    perform(s.working, async () => {
      const file = await actions.progressReport(localDate());
      offerDownload(file.fileName, file.data, DOCX_TYPE);
      setNotice({ intent: "success", title: `${s.reportDone}(${s.downloaded})`, lines: [file.fileName] });
    });

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
          <MergePanel s={s} disabled={disabled} onMerge={(f) => void merge(f)} result={mergeResult} />
          <ProgressReportButton s={s} disabled={disabled} onGenerate={() => void progressReport()} />
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
