/**
 * Keeps V8's young generation from growing past a modest size in the console.
 *
 * When many new objects outlive a collection (a 100,000-secret vault listed: 100,000 records and their
 * properties), V8 doubles the young generation up to 2 × 64 MB, and the process keeps that memory for
 * good: on the console tour with --perf 100000 the peak resident memory was ~305 MB with the growth and
 * ~220 MB without. `--max-semi-space-size` would cap it, but it only works on node's command line (the
 * bin runs as `node dist/kvdeck.js`); the growth factor, though, is read at each growth. So the young
 * generation grows normally to `capMb` (small enough for memory, big enough that a frame's garbage
 * does not cost extra collections: capping at the 1 MB start measured +2–4 ms a keypress) and stops.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

let started = false;

export function capYoungGeneration(capMb = 16): void {
  if (started) return;
  started = true;
  const cap = capMb * 1024 * 1024;
  const stopGrowing = () => {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (!young || young.space_size < cap) return false;
    setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  };
  if (stopGrowing()) return;
  // Checked after each collection (the young generation only grows in one).
  const observer = new PerformanceObserver(() => { if (stopGrowing()) observer.disconnect(); });
  observer.observe({ entryTypes: ['gc'] });
}
