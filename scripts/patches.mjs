// Build-time patches of dependencies, each a plain text replacement made when esbuild loads the file.
// A patch whose pattern is missing (the dependency changed) fails the build with the reason: a silent
// miss would quietly lose the start-up time or the frame time the patch was for.
import { readFile } from 'node:fs/promises';

// The SDK's form-data policy asks `typeof FormData` on every request; that global is a lazy getter
// that loads undici (~15 ms of a one-shot `kvdeck get`). Key Vault never sends form data, so check
// the body's tag first and touch FormData only for a real one.
const FORM_DATA_TEST = 'typeof FormData !== "undefined" && body instanceof FormData';

// yoga-layout (Ink's layout engine) embeds its wasm as a data: URL and, when `fetch` exists, reads it
// with fetch(), which loads all of undici (~45 ms of every console start). Its own fallback decodes
// the data: URL synchronously; take that path first for a data: URL. Asynchronous loading stays.
const YOGA_FETCH_TEST = 'return w||"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})';

// string-width (Ink measures every line of every frame with it) counts plain ASCII fast, but one "—",
// "…", "·" or "🔒" in a line sends the whole line through Intl.Segmenter and an RGI-emoji regex: ~0.2 ms
// a row, ~5 ms a frame, and ~25 ms once at start-up to build the regex. A second fast path takes lines
// made only of characters that are one cell on their own and never combine (Latin-1 and Latin Extended,
// general punctuation, arrows, box drawing and shapes, braille spinners, ✓ ✗ ⚠) and lone emoji with
// emoji presentation outside the BMP (two cells, two UTF-16 units): their width is their length.
// test/build/string-width-patch.test.ts checks every code point it claims against the original.
// Anything else (variation selectors, ZWJ sequences, skin tones, flags, CJK) takes the full path.
const STRING_WIDTH_FAST = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';
const STRING_WIDTH_WIDER = 'if (/^[\\u0020-\\u007E]*$/.test(string) || kvdeckOneCellOrEmoji.test(string)) {';
/** The characters the fast path claims (source text, as it goes into the bundle). */
export const ONE_CELL_OR_EMOJI = String.raw`/^(?:[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u2713\u2717\u26A0\u2800-\u28FF]|(?=[\u{1F000}-\u{1FAFF}])(?![\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}])\p{Emoji_Presentation})*$/u`;

export const PATCHES = {
  'lazy-form-data': {
    filter: /@typespec[\\/]ts-http-runtime[\\/]dist[\\/]esm[\\/](formData|client[\\/]sendRequest)\.js$/,
    find: FORM_DATA_TEST,
    apply: (text) => text.replaceAll(FORM_DATA_TEST, `body?.[Symbol.toStringTag] === "FormData" && ${FORM_DATA_TEST}`),
  },
  'yoga-without-fetch': {
    filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    find: YOGA_FETCH_TEST,
    apply: (text) => text.replace(YOGA_FETCH_TEST, YOGA_FETCH_TEST.replace('return w||', 'return w||ua(H)||')),
  },
  'string-width-fast-path': {
    filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    find: STRING_WIDTH_FAST,
    apply: (text) => `${text.replace(STRING_WIDTH_FAST, STRING_WIDTH_WIDER)}\nvar kvdeckOneCellOrEmoji = ${ONE_CELL_OR_EMOJI};\n`,
  },
};

/** The patched text; throws, naming the patch and the file, when the pattern is not there. */
export function patchText(name, text, path) {
  const p = PATCHES[name];
  if (!text.includes(p.find)) {
    throw new Error(`${name}: the pattern to patch is not in ${path} (the dependency changed): update or remove the patch in scripts/patches.mjs`);
  }
  return p.apply(text);
}

/** The esbuild plugin of one patch: a missing pattern is a build error, not a warning. */
export function patchPlugin(name) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: PATCHES[name].filter }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        try {
          return { contents: patchText(name, text, args.path), loader: 'js' };
        } catch (e) {
          return { errors: [{ text: e.message }] };
        }
      });
    },
  };
}
