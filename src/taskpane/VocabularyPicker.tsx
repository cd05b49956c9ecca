import * as React from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { MeaningCounts, describeVocabularyChange, previewVocabularyChange } from "../domain/vocabulary-change";
import { PRESETS, PRESET_IDS, Vocabulary } from "../domain/vocabulary";
import { presetVocabulary } from "../domain/vocabulary-file";
import { Strings } from "./strings";

const useStyles = makeStyles({
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A preset's name lists its five words; at 270 px it must shrink with the pane, not widen it.
  field: { minWidth: 0 },
  root: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});

/** The value of the tracker's own vocabulary when it is not a preset. */
const OWN = "__own";

/**
 * Chooses the status words before building. On an existing tracker it starts on the
 * tracker's own words and, when another set is chosen, lists what the rebuild will change.
 */
export function VocabularyPicker(props: {
  s: Strings;
  /** The tracker's vocabulary; undefined for a new tracker, null when its stored one is damaged. */
  current: Vocabulary | null | undefined;
  /** Filled-in statuses per meaning (from the summary), for the preview. */
  counts: MeaningCounts;
  chosen: Vocabulary | undefined;
  disabled: boolean;
  onChange: (v: Vocabulary | undefined) => void;
}): React.JSX.Element {
  const { s, current, counts, chosen, disabled, onChange } = props;
  const styles = useStyles();
  const shown = chosen ?? current ?? PRESETS.ours;
  const ownCustom = current && !presetVocabulary(current.id) ? current : undefined;
  const value = chosen === undefined && ownCustom ? OWN : shown.id;
  const changes = current && chosen && chosen !== current ? describeVocabularyChange(previewVocabularyChange(current, chosen, counts)) : [];
  return (
    <Field className={styles.field} label={s.vocabulary} hint={current === null ? s.vocabularyDamaged : s.vocabularyHint}>
      <Select
        className={styles.root}
        select={{ className: styles.select }}
        value={value}
        disabled={disabled || current === null}
        data-testid="vocabulary"
        onChange={(_e, d) => onChange(d.value === OWN ? undefined : presetVocabulary(d.value))}
      >
        {ownCustom && <option value={OWN}>{`${s.vocabularyCustom}${s.colon}${ownCustom.name}`}</option>}
        {PRESET_IDS.map((id) => (
          <option key={id} value={id}>
            {PRESETS[id].name}
          </option>
        ))}
      </Select>
      {changes.length > 0 && (
        <div data-testid="vocabulary-change">
          {s.vocabularyChange}
          <ul className={styles.changes}>
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}

