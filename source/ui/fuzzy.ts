/**
 * Filter-as-you-type over large lists (100,000 secret names): haystacks are lower-cased once, each
 * keystroke is one linear pass, ranked into tiers without sorting (prefix, word start, substring,
 * scattered subsequence), and a query that extends the previous one only re-checks earlier matches.
 * Highlight positions are computed only for the rows on screen.
 */

export interface FilterIndex {
  readonly lower: readonly string[];
}

export function buildIndex(texts: readonly string[]): FilterIndex {
  const lower = new Array<string>(texts.length);
  for (let i = 0; i < texts.length; i++) lower[i] = texts[i].toLowerCase();
  return { lower };
}

export interface FilterResult {
  query: string;
  /** Indices into the index, best first. */
  indices: number[];
}

const normalise = (q: string) => q.toLowerCase().replace(/\s+/g, '');

function isSubsequence(hay: string, q: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < q.length; i++) if (hay.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length;
}

const isBoundary = (hay: string, at: number) => at === 0 || /[-_./ ]/.test(hay[at - 1]);

/** 0 prefix · 1 word start · 2 substring · 3 subsequence · -1 no match. */
export function matchTier(hay: string, q: string): number {
  const at = hay.indexOf(q);
  if (at === 0) return 0;
  if (at > 0) {
    if (isBoundary(hay, at)) return 1;
    // A later occurrence may start a word ("app" in "contoso-app-kv" after "...happ...").
    let next = hay.indexOf(q, at + 1);
    while (next > 0) {
      if (isBoundary(hay, next)) return 1;
      next = hay.indexOf(q, next + 1);
    }
    return 2;
  }
  return isSubsequence(hay, q) ? 3 : -1;
}

export function filterIndex(index: FilterIndex, rawQuery: string, previous?: FilterResult): FilterResult {
  const q = normalise(rawQuery);
  const n = index.lower.length;
  if (!q) return { query: q, indices: Array.from({ length: n }, (_, i) => i) };
  let candidates: Uint8Array | undefined;
  if (previous && previous.query && q.startsWith(previous.query)) {
    candidates = new Uint8Array(n);
    for (const i of previous.indices) candidates[i] = 1;
  }
  const tiers: number[][] = [[], [], [], []];
  const lower = index.lower;
  for (let i = 0; i < n; i++) {
    if (candidates && candidates[i] === 0) continue;
    const t = matchTier(lower[i], q);
    if (t >= 0) tiers[t].push(i);
  }
  const indices = tiers[0];
  for (let t = 1; t < 4; t++) for (const i of tiers[t]) indices.push(i);
  return { query: q, indices };
}

/** Positions of the characters to highlight: the best contiguous run, else the greedy subsequence. */
export function matchPositions(text: string, rawQuery: string): number[] {
  const q = normalise(rawQuery);
  if (!q) return [];
  const hay = text.toLowerCase();
  let at = hay.indexOf(q);
  for (let next = at; next >= 0; next = hay.indexOf(q, next + 1)) {
    if (isBoundary(hay, next)) { at = next; break; }
  }
  if (at >= 0) return Array.from({ length: q.length }, (_, k) => at + k);
  // Scattered: start at a word boundary when one works ("shrd" in contoso-shared-kv → s·h·r·d of "shared").
  const greedy = (from: number) => {
    const out: number[] = [];
    let j = 0;
    for (let i = from; i < hay.length && j < q.length; i++) if (hay.charCodeAt(i) === q.charCodeAt(j)) { out.push(i); j++; }
    return j === q.length ? out : undefined;
  };
  for (let i = 0; i < hay.length; i++) {
    if (hay[i] === q[0] && isBoundary(hay, i)) {
      const r = greedy(i);
      if (r) return r;
    }
  }
  return greedy(0) ?? [];
}
