import * as React from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  SpinButton,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Caption1,
  Title3,
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
import { ExcelActions, currentPeriod, localDate } from "./excel-actions";
import { DOCX_TYPE } from "../report/docx-type";
import { ListChoice, builtinChoice, trackerChoice } from "./list-choice";
import { ListChange, compareLists } from "./list-change";
import { RebuildConfirm } from "./RebuildConfirm";
import { Steps } from "./Steps";
import { Step, archivedPeriods, suggestStep } from "./next-step";
import { ListPreview } from "./ListPreview";
import { VocabularyPicker } from "./VocabularyPicker";
import { countsOf, trackerVocabulary } from "./vocabulary-choice";
import { Vocabulary } from "../domain/vocabulary";
import { ListSource } from "./ListSource";
import { ExportPanel, MergePanel } from "./RoundTripPanel";
import { ProgressReportButton } from "./ProgressReportButton";
import { offerDownload, zipCopies } from "./downloads";
import { deliverCopies, officePlatform } from "./export-delivery";
import { useWorkbookChanges } from "./useWorkbookChanges";
import type { MergeResult } from "../excel/merge-returns";
import { Strings, stringsFor } from "./strings";
import { conflictKey, conflictWords, mergeLines } from "./merge-lines";
import { StaleConflictError } from "../excel/stale-conflict";
import type { Conflict } from "../domain/merge";
import { renderTaskListText } from "../domain/render-text";
import type { Contact } from "../mail/contacts";
import { ContactsForm } from "./ContactsForm";
import { DraftsChoice, DraftsDownload } from "./DraftsDownload";
import { applyUnitOverrides, parseOverrides } from "../domain/unit-overrides";
import { RETURN_INFO_META_KEY, ReturnInfo, cleanReturnInfo, parseReturnInfo } from "../blueprint/instructions-sheet";
import { ReturnInfoFields } from "./ReturnInfoFields";
import { PeriodTrend } from "./PeriodTrend";
import { periodTrend } from "./period-trend";
import { parseHistory } from "../domain/history";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: "anywhere" },
  title: { color: tokens.colorBrandForeground1, margin: 0 },
  header: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  lines: { whiteSpace: "pre-wrap", margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  live: { minHeight: 0 },
  disclosure: { alignSelf: "flex-start", paddingLeft: 0 },
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
  if (e instanceof StaleConflictError) {
    const { where, field } = conflictWords(s, { ...e.conflict, baseline: "" });
    const text = e.now === undefined ? s.conflictRowGone : s.staleConflict.replace("{now}", e.now || s.emptyValue);
    return { title: s.errorTitle, message: text.replace("{where}", where).replace("{field}", field) };
  }
  if (e instanceof SheetPasswordError) {
    const text = e.problem === "mixed" ? s.passwordMixed : e.problem === "wrong" ? s.passwordWrong : s.passwordPrompt;
    return { title: s.errorTitle, message: text.replace("{sheet}", e.sheet) };
  }
  return { title: s.errorTitle, message: describeExcelError(e, s.excelErrors) + (hint ? `\n${hint}` : "") };
}

export default function App({ actions, language }: { actions: ExcelActions; language?: string }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState(language);
  const s = stringsFor(lang);
  const requirements = React.useMemo(() => checkRequirements(actions.isSetSupported), [actions]);
  const [status, setStatus] = React.useState<TrackerStatus>();
  const [choice, setChoice] = React.useState<ListChoice>(builtinChoice);
  /** The open tracker's own list, offered first once a tracker exists. */
  const [ownList, setOwnList] = React.useState<ListChoice>();
  /** A rebuild with another list waits here for the user's yes. */
  const [confirm, setConfirm] = React.useState<ListChange>();
  const [busy, setBusy] = React.useState<string>();
  const [problem, setProblem] = React.useState<Problem>();
  const [notice, setNotice] = React.useState<Notice>();
  const [mergeResult, setMergeResult] = React.useState<MergeResult>();
  /** Conflicts of the last merge whose returned value was taken. */
  const [taken, setTaken] = React.useState<ReadonlySet<string>>(new Set());
  const [warningDays, setWarningDays] = React.useState<number>();
  const [vocabulary, setVocabulary] = React.useState<Vocabulary>();
  const [period, setPeriod] = React.useState(currentPeriod);
  /** 填报说明's period, deadline and contact as typed; loaded from the tracker. */
  const [returnInfo, setReturnInfo] = React.useState<ReturnInfo>({});
  /** The step the user chose; until then the one the tracker's state suggests. */
  const [step, setStep] = React.useState<Step>();
  const [setupOpen, setSetupOpen] = React.useState(false);
  /** The latest outcome's title: focus moves there so keyboard and screen-reader users land on it. */
  const outcome = React.useRef<HTMLSpanElement>(null);
  React.useEffect(() => {
    if (notice || problem) outcome.current?.focus();
  }, [notice, problem]);
  React.useEffect(() => {
    document.documentElement.lang = stringsFor(lang).htmlLang;
  }, [lang]);
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
      // A quarterly tracker names its periods by quarter; a damaged vocabulary keeps the month.
      const cadence = found.present ? trackerVocabulary(found.meta.extra)?.cadence : undefined;
      if (cadence) setPeriod(currentPeriod(new Date(), cadence));
      adoptOwnList(found);
    });
    // Runs once per actions object (once on open); later reads happen after each action.
  }, [actions]);

  /** After a build the tracker's own list is the one just built. */
  function adoptOwnList(found: TrackerStatus): void {
    if (!found.present) return;
    setReturnInfo(parseReturnInfo(found.meta.extra[RETURN_INFO_META_KEY]));
    const own = trackerChoice(found.meta.extra.list_source, found.meta.listName);
    setOwnList(own);
    if (own) setChoice(own);
  }

  /**
   * A first build goes straight ahead; a rebuild first compares the chosen list with the
   * tracker's own and, when they differ, asks before anything is written.
   */
  const requestBuild = async (): Promise<void> => {
    if (!status?.present || !effectiveList) return build("stop");
    let change: ListChange | undefined;
    await perform(s.working, async () => {
      const filled = await actions.filledReports();
      const own = ownList?.list ? applyUnitOverrides(ownList.list, overrides) : undefined;
      change = compareLists(
        status.meta.units.map((u) => u.unit),
        own,
        effectiveList,
        filled,
      );
    });
    if (!change) return;
    if (change.same) return build("stop");
    setConfirm(change);
  };

  const build = (onNameClash: "stop" | "rename", pw = password): Promise<void> =>
    perform(s.working, async () => {
      if (!effectiveList) return;
      const result = await actions.build(effectiveList, renderTaskListText(effectiveList), {
        onNameClash,
        onProgress: setBusy,
        unitOverrides: overrides,
        password: pw,
        vocabulary,
        returnInfo,
      });
      setVocabulary(undefined);
      setPassword(pw);
      const found = await actions.status();
      setStatus(found);
      adoptOwnList(found);
      setContacts(undefined);
      // A new tracker: the pane moves on to the step its state suggests.
      setStep(undefined);
      setSetupOpen(false);
      // Counted by the build itself, whichever button started it (a rebuild after a name clash included).
      const kept = result.keptReports;
      const lines = [
        ...(kept > 0 ? [`${s.kept}${s.colon}${kept} ${s.items}`] : []),
        ...result.renamedUserSheets.map((r) => `“${r.from}” → “${r.to}”`),
        ...result.degraded,
        ...result.issues.map((i) => (i.row ? s.rowLine.replace("{sheet}", i.sheet).replace("{row}", String(i.row)).replace("{message}", i.message) : `${i.sheet}${s.colon}${i.message}`)),
      ];
      setNotice({ intent: result.issues.length > 0 ? "warning" : "success", title: s.built, lines });
    }, s.buildRetryHint, (p) => void build(onNameClash, p));

  const refresh = (pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("summary");
      const result = await actions.refresh({ warningDays, password: pw });
      setPassword(pw);
      setStatus(await actions.status());
      setNotice({ intent: "success", title: s.refreshed, lines: result.addedUnits.map((u) => `+ ${u}`) });
    }, undefined, (p) => void refresh(p));

  const saveReturnInfo = (pw = password): Promise<void> =>
    perform(s.working, async () => {
      await actions.refresh({ returnInfo, password: pw });
      setPassword(pw);
      const found = await actions.status();
      setStatus(found);
      adoptOwnList(found);
      setNotice({ intent: "success", title: s.returnInfoSaved, lines: [] });
    }, undefined, (p) => void saveReturnInfo(p));

  const archive = (pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("archive");
      const result = await actions.refresh({ warningDays, archivePeriod: period.trim(), password: pw });
      setPassword(pw);
      setStatus(await actions.status());
      setNotice({ intent: "success", title: `${s.archived}${s.colon}${period.trim()}`, lines: [`${result.periods} ${s.periodsArchived}`] });
    }, undefined, (p) => void archive(p));

  const exportCopies = (units: string[], pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("send");
      const files = await actions.exportCopies(units, pw);
      setPassword(pw);
      setNotice(await deliverCopies(officePlatform(), files, { open: actions.openCopy, download: offerDownload, zip: zipCopies }, s));
    }, undefined, (p) => void exportCopies(units, p));

  // The files of the last merge, so that a full tracker the user then confirms can be merged by name.
  const lastFiles = React.useRef<File[]>([]);
  const merge = (files: File[], acceptFullTrackers?: string[], pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("collect");
      lastFiles.current = files;
      // Read lazily: a file over the size limit is refused from its size, never read into memory.
      const uploads = files.map((f) => ({ name: f.name, size: f.size, data: async () => new Uint8Array(await f.arrayBuffer()) }));
      const result = await actions.merge(uploads, setBusy, acceptFullTrackers, pw);
      setPassword(pw);
      setMergeResult(result);
      setTaken(new Set());
      setStatus(await actions.status());
      setNotice({ intent: result.refused.length > 0 || result.outcome.files.some((f) => f.conflicts.length + f.rejected.length > 0) ? "warning" : "success", title: s.merged, lines: mergeLines(s, result) });
    }, undefined, (p) => void merge(files, acceptFullTrackers, p));

  const takeReturned = (conflict: Conflict): Promise<void> =>
    perform(s.working, async () => {
      await actions.takeReturned(conflict);
      setTaken((prev) => new Set([...prev, conflictKey(conflict)]));
      setStatus(await actions.status());
      const { where, field } = conflictWords(s, conflict);
      setNotice({ intent: "success", title: s.takenTitle, lines: [s.takenLine.replace("{where}", where).replace("{field}", field).replace("{returned}", conflict.returned || s.emptyValue)] });
    });

  const progressReport = () =>
    perform(s.working, async () => {
      const file = await actions.progressReport(localDate());
      offerDownload(file.fileName, file.data, DOCX_TYPE);
      setNotice({ intent: "success", title: s.reportDone, lines: [s.exportedAs.replace("{file}", file.fileName)] });
    });

  /** 联络员 as last read or written; read again when the 分发 step next opens after a rebuild. */
  const [contacts, setContacts] = React.useState<Contact[]>();
  const saveContacts = (table: string, pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("send");
      const result = await actions.importContacts(table, pw);
      setPassword(pw);
      setContacts(result.contacts);
      const missing = status?.present ? status.meta.units.map((u) => u.unit).filter((u) => !result.contacts.some((c) => c.unit === u && c.email !== "")) : [];
      setNotice({
        intent: "success",
        title: s.contactsSaved,
        lines: missing.length > 0 ? [s.contactsMissing.replace("{n}", String(missing.length)).replace("{list}", missing.join(s.listSeparator))] : [],
      });
    }, undefined, (p) => void saveContacts(table, p));

  const downloadDrafts = (choice: DraftsChoice, pw = password): Promise<void> =>
    perform(s.working, async () => {
      setStep("send");
      const { files, noAddress } = await actions.mailDrafts({ ...choice, today: localDate(), period: period.trim() || currentPeriod(new Date(), (status?.present && trackerVocabulary(status.meta.extra)?.cadence) || "月") }, pw);
      setPassword(pw);
      const noAddressLine = noAddress.length > 0 ? [s.draftsNoAddress.replace("{list}", noAddress.join(s.listSeparator))] : [];
      if (files.length === 0) {
        setNotice({ intent: "warning", title: s.draftsNone, lines: [...(choice.kind === "reminders" ? [s.draftsNoneToRemind] : []), ...noAddressLine] });
        return;
      }
      const zipName = `${choice.kind === "drafts" ? "邮件草稿" : "催报邮件"}-${localDate()}.zip`;
      offerDownload(zipName, await zipCopies(files), "application/zip");
      setNotice({ intent: noAddress.length > 0 ? "warning" : "success", title: s.draftsDone.replace("{n}", String(files.length)), lines: [s.exportedAs.replace("{file}", zipName), ...noAddressLine] });
    }, undefined, (p) => void downloadDrafts(choice, p));

  const disabled = busy !== undefined;
  const suggested = suggestStep(status, period);
  const current: Step = status?.present ? (step ?? suggested) : "list";
  const missing = status?.present ? status.figures.units.reduce((n, u) => n + u.notReported, 0) : 0;
  const archivedNames = status ? archivedPeriods(status) : [];
  React.useEffect(() => {
    if (current !== "send" || contacts) return;
    // Read beside the other steps' work, not through perform: it must not clear their outcome.
    actions.readContacts().then(setContacts, (e: unknown) => setProblem(problemOf(s, e)));
  }, [current, contacts, actions]);
  const trend = React.useMemo(() => {
    if (!status?.present) return [];
    try {
      return periodTrend(parseHistory(status.meta.extra.history) ?? [], { rate: status.figures.overall.分工完成率, overdue: status.figures.overall.逾期分工数 });
    } catch {
      // Damaged history: archiving says so (and refuses to overwrite it); the pane shows no trend.
      return [];
    }
  }, [status]);
  const listSetup = status && (
    <>
      <ListSource s={s} choice={choice} own={ownList} disabled={disabled} onChange={setChoice} onReadSelection={() => actions.readSelection()} />
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
      <VocabularyPicker
        s={s}
        current={status.present ? trackerVocabulary(status.meta.extra) : undefined}
        counts={status.present ? countsOf(status.figures) : {}}
        chosen={vocabulary}
        disabled={disabled}
        onChange={setVocabulary}
      />
    </>
  );
  const returnFields = (children?: React.ReactNode) => (
    <ReturnInfoFields s={s} value={returnInfo} disabled={disabled} onChange={setReturnInfo}>
      {children}
    </ReturnInfoFields>
  );
  const buildButton = status && (
    <>
      <div className={styles.actions}>
        <Button
          appearance={status.present ? "secondary" : "primary"}
          onClick={() => void requestBuild()}
          disabled={disabled || !effectiveList || !requirements.ok || confirm !== undefined}
          data-testid="build"
        >
          {status.present ? s.rebuild : s.build}
        </Button>
      </div>
    </>
  );
  return (
    <main className={styles.root} lang={s.htmlLang}>
      <div className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {s.title}
        </Title3>
        <Button appearance="subtle" size="small" lang={s.otherLang} onClick={() => setLang(/^zh/i.test(lang ?? "zh") ? "en-US" : "zh-CN")}>
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
      {status?.present && (
        <Steps
          s={s}
          step={current}
          suggested={suggested}
          enabled={() => true}
          onChange={(next) => {
            setStep(next);
            setNotice(undefined);
            setProblem(undefined);
          }}
        />
      )}
      {/* Progress and outcomes are announced where they appear. */}
      <div role="status" aria-live="polite" className={styles.live} data-testid="live">
        {busy && <Spinner size="small" label={busy} data-testid="busy" />}
      </div>
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
      {confirm && (
        <RebuildConfirm
          s={s}
          change={confirm}
          knownList={ownList !== undefined}
          onConfirm={() => {
            setConfirm(undefined);
            void build("stop", password);
          }}
          onCancel={() => {
            setConfirm(undefined);
            setNotice({ intent: "success", title: s.rebuildCancelled, lines: [] });
          }}
        />
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="problem">
          <MessageBarBody>
            <MessageBarTitle>
              <span ref={outcome} tabIndex={-1}>
                {problem.title}
              </span>
            </MessageBarTitle>
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
            <MessageBarTitle>
              <span ref={outcome} tabIndex={-1}>
                {notice.title}
              </span>
            </MessageBarTitle>
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

      {status && !status.present && (
        <section aria-labelledby="setup-title" className={styles.panel}>
          <Text as="h2" weight="semibold" id="setup-title">
            {s.step.list}
          </Text>
          <Caption1>{s.stepHint.list}</Caption1>
          {listSetup}
          {returnFields()}
          {buildButton}
        </section>
      )}

      {status?.present && (
        <section role="tabpanel" id="step-panel" aria-labelledby={`step-${current}`} className={styles.panel} data-testid={`panel-${current}`}>
          <Caption1>
            {s.stepHint[current]}
            {current !== "list" && missing > 0 ? ` ${s.missingReports.replace("{n}", String(missing))}` : ""}
          </Caption1>
          {current === "list" && (
            <>
              <Body1>{s.listInUse.replace("{name}", status.meta.listName || "—")}</Body1>
              {returnFields(
                <div className={styles.actions}>
                  <Button
                    onClick={() => void saveReturnInfo()}
                    disabled={
                      disabled ||
                      !requirements.ok ||
                      JSON.stringify(cleanReturnInfo(returnInfo)) === JSON.stringify(parseReturnInfo(status.meta.extra[RETURN_INFO_META_KEY]))
                    }
                    data-testid="save-return-info"
                  >
                    {s.saveReturnInfo}
                  </Button>
                </div>,
              )}
              <Button
                appearance="subtle"
                icon={<span aria-hidden="true">{setupOpen ? "▾" : "▸"}</span>}
                aria-expanded={setupOpen}
                aria-controls="list-setup"
                onClick={() => setSetupOpen(!setupOpen)}
                data-testid="list-setup-toggle"
                className={styles.disclosure}
              >
                {s.changeList}
              </Button>
              {setupOpen && (
                <div id="list-setup" className={styles.panel}>
                  {listSetup}
                  {buildButton}
                </div>
              )}
            </>
          )}
          {current === "send" && (
            <>
              <ExportPanel s={s} units={[...status.unitSheets.keys()]} disabled={disabled} onExport={(u) => void exportCopies(u)} />
              <ContactsForm s={s} units={status.meta.units.map((u) => u.unit)} contacts={contacts} disabled={disabled} onImport={(t) => void saveContacts(t)} />
              <DraftsDownload s={s} units={status.meta.units.map((u) => u.unit)} disabled={disabled} onDownload={(c) => void downloadDrafts(c)} />
            </>
          )}
          {current === "collect" && (
            <MergePanel
              s={s}
              disabled={disabled}
              onMerge={(f) => void merge(f)}
              onConfirmFullTracker={(name) => void merge(lastFiles.current.filter((f) => f.name === name), [name])}
              result={mergeResult}
              onTake={(c) => void takeReturned(c)}
              taken={taken}
            />
          )}
          {current === "summary" && (
            <>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => void refresh()} disabled={disabled || !requirements.ok} data-testid="refresh">
                  {s.refresh}
                </Button>
                <Field label={s.warningDays}>
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
              <Dashboard
                s={s}
                figures={status.figures}
                sheets={status.unitSheets}
                disabled={disabled}
                onOpen={(sheet) => void perform(s.working, () => actions.activate(sheet))}
              />
            </>
          )}
          {current === "archive" && (
            <>
              <div className={styles.actions}>
                <Field label={s.period}>
                  <Input value={period} onChange={(_, d) => setPeriod(d.value)} disabled={disabled} data-testid="period" />
                </Field>
                <Button appearance="primary" onClick={() => void archive()} disabled={disabled || !period.trim() || !requirements.ok} data-testid="archive">
                  {s.archive}
                </Button>
              </div>
              <Caption1 data-testid="archived-periods">
                {archivedNames.length > 0 ? s.archivedList.replace("{list}", archivedNames.join(s.listSeparator)) : s.noArchive}
              </Caption1>
              {trend.length > 0 && <PeriodTrend s={s} points={trend} />}
              <ProgressReportButton s={s} disabled={disabled} onGenerate={() => void progressReport()} />
            </>
          )}
        </section>
      )}
    </main>
  );
}
