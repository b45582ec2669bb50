/**
 * Filter-as-you-type over large lists (100,000 secret names): haystacks are lower-cased once, each
 * keystroke is one linear pass, ranked into tiers without sorting (prefix, word start, substring,
 * scattered subsequence), and a query that extends the previous one only re-checks earlier matches —
 * at the place the shorter query matched, which for nearly all of them is one character compared in
 * a flat copy of the texts. Highlight positions are computed only for the rows on screen.
 */

export interface FilterIndex {
  readonly lower: readonly string[];
  /** Every lower-cased text's char codes, one after the other; text i is [start[i], start[i + 1]). Read
   * when narrowing: 100,000 strings scattered over the heap cost a cache miss each, this buffer none. */
  readonly codes: Uint16Array;
  readonly start: Int32Array;
}

export function buildIndex(texts: readonly string[]): FilterIndex {
  const n = texts.length;
  const lower = new Array<string>(n);
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    lower[i] = texts[i].toLowerCase();
    start[i] = total;
    total += lower[i].length;
  }
  start[n] = total;
  const codes = new Uint16Array(total);
  for (let i = 0; i < n; i++) {
    const t = lower[i];
    const at = start[i];
    for (let j = 0; j < t.length; j++) codes[at + j] = t.charCodeAt(j);
  }
  return { lower, codes, start };
}

/**
 * An index that grows (quick lookup's names, arriving vault by vault): texts are lower-cased and
 * copied once, into buffers that double when full; `index()` gives a FilterIndex of everything added
 * so far, without copying the texts' codes again. Earlier indexes stay valid: what they cover is never
 * written again (a buffer that grows is a new buffer).
 */
export class IndexBuilder {
  private readonly lower: string[] = [];
  private codes = new Uint16Array(1 << 12);
  private start = new Int32Array(1 << 10);
  private total = 0;
  private made: FilterIndex | undefined;

  get size(): number {
    return this.lower.length;
  }

  add(text: string): void {
    const t = text.toLowerCase();
    const n = this.lower.length;
    if (n + 2 > this.start.length) this.start = grow(this.start, n + 2, (size) => new Int32Array(size));
    if (this.total + t.length > this.codes.length) this.codes = grow(this.codes, this.total + t.length, (size) => new Uint16Array(size));
    this.start[n] = this.total;
    for (let j = 0; j < t.length; j++) this.codes[this.total + j] = t.charCodeAt(j);
    this.total += t.length;
    this.start[n + 1] = this.total;
    this.lower.push(t);
    this.made = undefined;
  }

  /** Everything added so far. */
  index(): FilterIndex {
    const n = this.lower.length;
    this.made ??= { lower: this.lower.slice(), codes: this.codes.subarray(0, this.total), start: this.start.subarray(0, n + 1) };
    return this.made;
  }
}

/** A typed array at least `need` long, doubled, with the old contents. */
function grow<A extends Uint16Array | Int32Array>(a: A, need: number, make: (size: number) => A): A {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = make(size);
  b.set(a);
  return b;
}

export interface FilterResult {
  query: string;
  /** Indices into the index, best first. A typed array: at 100,000 matches per keystroke, plain
   * arrays grown by push cost ~30 ms in garbage collection on a large heap; this costs ~3 ms. */
  indices: Int32Array;
  /** Per entry of `indices`: its tier and where it matched (the contiguous run's start, or for a
   * scattered match -2 minus the place of its last letter), so the next, longer query goes on from
   * there. Absent for the empty query. */
  tiers?: Uint8Array;
  at?: Int32Array;
}

const normalise = (q: string) => q.toLowerCase().replace(/\s+/g, '');

/** Greedy (leftmost) subsequence match of q[from..] in hay from `start`: the place of its last
 * letter, or -1. Leftmost is enough to decide whether any match exists, and lets a longer query go on
 * from where the shorter one ended. */
function subsequenceEnd(hay: string, q: string, start: number, from: number): number {
  let j = from;
  let i = start;
  for (; i < hay.length && j < q.length; i++) if (hay.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length ? i - 1 : -1;
}

/** After a separator: - _ . / space (char codes, not a regex: this runs 100,000 times a keystroke). */
const isBoundary = (hay: string, at: number) => {
  if (at === 0) return true;
  const c = hay.charCodeAt(at - 1);
  return c === 45 || c === 95 || c === 46 || c === 47 || c === 32;
};

/** 0 prefix · 1 word start · 2 substring · 3 subsequence · -1 no match. */
export function matchTier(hay: string, q: string): number {
  return tierAndPlace(hay, q, PLACE);
}

/** Where tierAndPlace found the match: the start of the contiguous run, or for a scattered match
 * -2 - (place of its last letter). */
const PLACE = new Int32Array(1);

function tierAndPlace(hay: string, q: string, place: Int32Array): number {
  const at = hay.indexOf(q);
  place[0] = at;
  if (at === 0) return 0;
  if (at > 0) {
    if (isBoundary(hay, at)) return 1;
    // A later occurrence may start a word ("app" in "contoso-app-kv" after "...happ...").
    let next = hay.indexOf(q, at + 1);
    while (next > 0) {
      if (isBoundary(hay, next)) { place[0] = next; return 1; }
      next = hay.indexOf(q, next + 1);
    }
    return 2;
  }
  const end = subsequenceEnd(hay, q, 0, 0);
  place[0] = -2 - end;
  return end >= 0 || q.length === 0 ? 3 : -1;
}

const NO_MATCH = 255;

let scratchTier = new Uint8Array(0);
let scratchPlace = new Int32Array(0);
let scratchItemPlace = new Int32Array(0);
/** Scratch of at least n entries, tiers all NO_MATCH (filterIndex resets what it used). */
function scratch(n: number): { tierOf: Uint8Array; placeOf: Int32Array; itemPlace: Int32Array } {
  if (scratchTier.length < n) {
    scratchTier = new Uint8Array(n).fill(NO_MATCH);
    scratchPlace = new Int32Array(n);
    scratchItemPlace = new Int32Array(n);
  }
  return { tierOf: scratchTier, placeOf: scratchPlace, itemPlace: scratchItemPlace };
}

/** The text [begin, end) of the flat codes has q at `at`, knowing its first `from` characters are
 * already there: one comparison for a one-letter extension (startsWith with a position measured
 * ~45 ns a call). */
function continuesAt(codes: Uint16Array, begin: number, end: number, q: Uint16Array, at: number, from: number): boolean {
  const base = begin + at;
  if (base + q.length > end) return false;
  for (let j = from; j < q.length; j++) if (codes[base + j] !== q[j]) return false;
  return true;
}

/** tierAndPlace over the flat codes of the text [begin, end), looking for q from `from` on. */
function tierAndPlaceIn(codes: Uint16Array, begin: number, end: number, q: Uint16Array, from: number, place: Int32Array): number {
  const q0 = q[0];
  let first = -1;
  for (let s = begin + from; s + q.length <= end; s++) {
    if (codes[s] !== q0) continue;
    let j = 1;
    while (j < q.length && codes[s + j] === q[j]) j++;
    if (j < q.length) continue;
    const at = s - begin;
    if (at === 0) { place[0] = 0; return 0; }
    const c = codes[s - 1];
    if (c === 45 || c === 95 || c === 46 || c === 47 || c === 32) { place[0] = at; return 1; }
    if (first < 0) first = at;
  }
  if (first >= 0) { place[0] = first; return 2; }
  const last = subsequenceEndIn(codes, begin, end, q, 0, 0);
  place[0] = -2 - last;
  return last >= 0 ? 3 : -1;
}

/** subsequenceEnd over the flat codes of the text [begin, end): the place of the last letter, or -1. */
function subsequenceEndIn(codes: Uint16Array, begin: number, end: number, q: Uint16Array, from: number, qFrom: number): number {
  let j = qFrom;
  let i = begin + from;
  for (; i < end && j < q.length; i++) if (codes[i] === q[j]) j++;
  return j === q.length ? i - 1 - begin : -1;
}

/** The query's char codes in a typed array, compared against the flat codes in the loops. */
function queryCodes(q: string): Uint16Array {
  const out = new Uint16Array(q.length);
  for (let j = 0; j < q.length; j++) out[j] = q.charCodeAt(j);
  return out;
}

export function filterIndex(index: FilterIndex, rawQuery: string, previous?: FilterResult): FilterResult {
  const q = normalise(rawQuery);
  const n = index.lower.length;
  if (!q) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return { query: q, indices: all };
  }
  if (previous && previous.query && q.startsWith(previous.query) && previous.tiers && previous.at) return narrow(index, q, previous);
  // One pass records each item's tier and match place, a second writes the indices tier by tier
  // (stable within a tier, i.e. in list order). Scratch arrays are reused from keystroke to keystroke.
  const { tierOf, placeOf } = scratch(n);
  const counts = [0, 0, 0, 0];
  const { codes, start: textStart } = index;
  const qc = queryCodes(q);
  const place = PLACE;
  for (let i = 0; i < n; i++) {
    const t = tierAndPlaceIn(codes, textStart[i], textStart[i + 1], qc, 0, place);
    if (t >= 0) { tierOf[i] = t; placeOf[i] = place[0]; counts[t]++; }
  }
  const next = [0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]];
  const total = next[3] + counts[3];
  const indices = new Int32Array(total);
  const tiers = new Uint8Array(total);
  const at = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const t = tierOf[i];
    if (t === NO_MATCH) continue;
    tierOf[i] = NO_MATCH; // leave the scratch clean for the next call
    const k = next[t]++;
    indices[k] = i;
    tiers[k] = t;
    at[k] = placeOf[i];
  }
  return { query: q, indices, tiers, at };
}

/**
 * A query extending the previous one. Extending never improves an item's tier: an occurrence of the
 * longer query contains one of the shorter at the same place. So where the shorter one's (first best)
 * occurrence still continues with the new letters, tier and place stay; a scattered match goes on
 * from its last letter; only the others are searched again. Works on the previous matches only
 * (never all n items), and when nothing changed hands back the previous arrays.
 */
function narrow(index: FilterIndex, query: string, previous: FilterResult): FilterResult {
  const q = queryCodes(query);
  const { indices: prevIndices, tiers: prevTiers, at: prevAt } = previous as Required<FilterResult>;
  const m = prevIndices.length;
  const from = previous.query.length;
  const { lower, codes, start: textStart } = index;
  const place = PLACE;
  const { tierOf: newTier, placeOf: newPlace, itemPlace } = scratch(Math.max(m, lower.length));
  const counts = [0, 0, 0, 0];
  let unchanged = true;
  for (let k = 0; k < m; k++) {
    const i = prevIndices[k];
    const begin = textStart[i];
    const end = textStart[i + 1];
    const was = prevAt[k];
    let t: number;
    let p: number;
    if (was >= 0 && continuesAt(codes, begin, end, q, was, from)) { t = prevTiers[k]; p = was; }
    else if (was < 0) {
      const last = subsequenceEndIn(codes, begin, end, q, -2 - was + 1, from);
      t = last >= 0 ? 3 : -1;
      p = -2 - last;
      if (p !== was) unchanged = false;
    } else {
      // Any occurrence of q is one of the shorter query: none before `was` unless `was` was only the
      // first one at a word start (tier 1).
      t = tierAndPlaceIn(codes, begin, end, q, prevTiers[k] === 1 ? 0 : was + 1, place);
      p = place[0];
      unchanged = false;
    }
    // Scratch indexed by position k here (not by item); NO_MATCH marks a dropped one.
    if (t >= 0) { newTier[k] = t; newPlace[k] = p; counts[t]++; }
    else unchanged = false;
  }
  if (unchanged) {
    for (let k = 0; k < m; k++) newTier[k] = NO_MATCH;
    return { query, indices: prevIndices, tiers: prevTiers, at: prevAt };
  }
  const start = [0, counts[0], counts[0] + counts[1], counts[0] + counts[1] + counts[2]];
  const next = start.slice();
  const total = start[3] + counts[3];
  const indices = new Int32Array(total);
  const tiers = new Uint8Array(total);
  const at = new Int32Array(total);
  // Within a tier, items kept from that tier and items that fell into it from a better one arrive in
  // two runs each in list order; put a tier back in list order only when that happened.
  const unsorted = [false, false, false, false];
  for (let k = 0; k < m; k++) {
    const t = newTier[k];
    if (t === NO_MATCH) continue;
    newTier[k] = NO_MATCH;
    const w = next[t]++;
    const i = prevIndices[k];
    if (w > start[t] && indices[w - 1] > i) unsorted[t] = true;
    indices[w] = i;
    tiers[w] = t;
    at[w] = newPlace[k];
    itemPlace[i] = newPlace[k];
  }
  for (let t = 0; t < 4; t++) {
    if (!unsorted[t]) continue;
    // A tier is at most four ascending runs (one per earlier tier): sort it natively, then look the
    // places up by item again.
    indices.subarray(start[t], next[t]).sort();
    for (let w = start[t]; w < next[t]; w++) at[w] = itemPlace[indices[w]];
  }
  return { query, indices, tiers, at };
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

/**
 * Runs the filter's hot paths (fresh and incremental, many and few matches) so the JIT has optimised
 * them before the user types: measured at 100,000 names, the first keystrokes cost 30–110 ms cold
 * against ~3 ms warm. Call off the critical path (after a big list has loaded).
 */
export function warmUp(index: FilterIndex): void {
  let prev: FilterResult | undefined;
  for (const q of ['e', 'e-', 'e-s', 'x', 'xq', '0', '00', '000', 'a', 'ab', 's', 'sc', 'scr']) {
    prev = filterIndex(index, q, prev && q.startsWith(prev.query) ? prev : undefined);
  }
}
