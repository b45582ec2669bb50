/**
 * Paces what a streaming load shows: the first part at once (the user sees rows as soon as there are
 * any), later ones at most every STREAM_FRAME_MS, the latest winning. A 10,000-secret vault over a
 * 40 ms link sends 400 pages; drawing (and indexing for the filter) after each would cost more than
 * the pages do. Used by useLoad (pane lists) and quick lookup's index.
 */

/** The least time between two parts shown: ~8 frames a second while a long list streams in. */
export const STREAM_FRAME_MS = 120;

export interface StreamPacer {
  /** Something new arrived: `show` runs now, or once the frame time has passed. */
  push(): void;
  /** Nothing more is shown (the load finished or was left). */
  cancel(): void;
}

export function streamPacer(show: () => void, frameMs = STREAM_FRAME_MS): StreamPacer {
  let shownAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    timer = undefined;
    shownAt = performance.now();
    show();
  };
  return {
    push() {
      if (timer) return;
      const wait = shownAt === undefined ? 0 : frameMs - (performance.now() - shownAt);
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
