/**
 * Turns a stream of workbook change events (units typing, co-authors' edits arriving) into
 * one read per burst: a read starts once no change has come for `quietMs`; changes arriving
 * while it runs lead to exactly one more read after it. Timers are injectable for tests.
 */
export interface ChangeNote {
  /** The changed range's address as the event gives it, e.g. "G7". */
  address: string;
  /** "Local" (this Excel) or "Remote" (a co-author), as far as Excel tells. */
  source?: string;
}

export interface BurstReader {
  changed(note?: ChangeNote): void;
  dispose(): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export function burstReader(read: (notes: ChangeNote[]) => Promise<void>, quietMs = 800, timers: Timers = realTimers): BurstReader {
  let timer: unknown;
  let notes: ChangeNote[] = [];
  let reading = false;
  let again = false;
  let disposed = false;
  const fire = async (): Promise<void> => {
    timer = undefined;
    if (disposed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    const batch = notes;
    notes = [];
    try {
      await read(batch);
    } catch {
      // A failed read (the workbook busy, the pane closing) is retried by the next burst; the pane keeps its last figures.
    } finally {
      reading = false;
      if (again && !disposed) {
        again = false;
        timer = timers.set(() => void fire(), quietMs);
      }
    }
  };
  return {
    changed(note) {
      if (disposed) return;
      if (note) notes.push(note);
      if (reading) {
        again = true;
        return;
      }
      if (timer !== undefined) timers.clear(timer);
      timer = timers.set(() => void fire(), quietMs);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) timers.clear(timer);
    },
  };
}
