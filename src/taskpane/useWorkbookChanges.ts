import * as React from "react";
import { ChangeNote, burstReader } from "./change-bursts";

/**
 * Follows changes to any worksheet (WorksheetCollection.onChanged, ExcelApi 1.9), including
 * co-authors' edits, and calls `onBurst` once per burst of them with what Excel said about
 * each (address, local or remote: Excel does not say who). Off while `enabled` is false.
 */
export function useWorkbookChanges(enabled: boolean, onBurst: (notes: ChangeNote[]) => Promise<void>): void {
  const latest = React.useRef(onBurst);
  latest.current = onBurst;
  React.useEffect(() => {
    if (!enabled || typeof Excel === "undefined" || typeof Office === "undefined" || !Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
    const reader = burstReader((notes) => latest.current(notes));
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    void Excel.run(async (ctx) => {
      registration = ctx.workbook.worksheets.onChanged.add(async (e) => reader.changed({ address: e.address, source: e.source }));
      await ctx.sync();
    }).catch(() => {
      // Without events the pane still shows the figures of each click.
      registration = undefined;
    });
    return () => {
      reader.dispose();
      const r = registration;
      if (r) void Excel.run(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      }).catch(() => undefined);
    };
  }, [enabled]);
}
