import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { STEPS, Step } from "./next-step";
import { Strings } from "./strings";

const useStyles = makeStyles({
  // Five equal columns that wrap rather than scroll sideways in a 270 px pane.
  // Five equal columns in one row down to 270 px; words wrap whole, never mid-word.
  list: { display: "grid", gridTemplateColumns: "repeat(5, minmax(0, 1fr))", gap: "1px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} 0`,
    border: "none",
    borderBottom: "3px solid transparent",
    background: "none",
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "normal",
    wordBreak: "keep-all",
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    ":disabled": { color: tokens.colorNeutralForegroundDisabled, cursor: "default" },
  },
  selected: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorBrandStroke1 },
  number: { fontSize: tokens.fontSizeBase200 },
  next: { fontSize: tokens.fontSizeBase100, color: tokens.colorPaletteGreenForeground1, whiteSpace: "nowrap" },
});

/**
 * The month's steps as tabs (WAI-ARIA tabs pattern: arrow keys move between them, Tab goes
 * on into the panel). Plain buttons rather than Fluent's TabList keep the first-load script small.
 */
export function Steps(props: { s: Strings; step: Step; suggested: Step; enabled: (step: Step) => boolean; onChange: (step: Step) => void }): React.JSX.Element {
  const { s, step, suggested, enabled, onChange } = props;
  const styles = useStyles();
  const refs = React.useRef<Array<HTMLButtonElement | null>>([]);
  const move = (from: number, delta: number) => {
    for (let i = 1; i <= STEPS.length; i++) {
      const to = (from + delta * i + STEPS.length) % STEPS.length;
      if (enabled(STEPS[to])) {
        onChange(STEPS[to]);
        refs.current[to]?.focus();
        return;
      }
    }
  };
  return (
    <div role="tablist" aria-label={s.stepsLabel} className={styles.list} data-testid="steps">
      {STEPS.map((id, i) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`step-${id}`}
          aria-controls="step-panel"
          aria-selected={id === step}
          tabIndex={id === step ? 0 : -1}
          disabled={!enabled(id)}
          className={mergeClasses(styles.tab, id === step && styles.selected)}
          onClick={() => onChange(id)}
          onKeyDown={(e) => {
            if (e.key === "ArrowRight" || e.key === "ArrowDown") move(i, 1);
            else if (e.key === "ArrowLeft" || e.key === "ArrowUp") move(i, -1);
            else return;
            e.preventDefault();
          }}
          data-testid={`step-${id}`}
        >
          <span className={styles.number} aria-hidden="true">
            {i + 1}
          </span>
          <span>{s.step[id]}</span>
          {id === suggested && <span className={styles.next}>{s.nextStep}</span>}
        </button>
      ))}
    </div>
  );
}
