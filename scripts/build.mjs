// Bundles the CLI (and the package entry) with esbuild: a cold start from the bundle is ~250 ms against
// ~600 ms under tsx.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

// Ink loads react-devtools-core only when DEV=true and the package is installed; it is not, so the
// bundle gets an empty stand-in instead of a static import that would fail at start-up.
const devtoolsStub = {
  name: 'react-devtools-core-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
  },
};

// `import http from 'node:http'` (the Azure SDK's HTTP client) makes Node build an ESM facade of
// node:http, which reads every export, including the lazy getters that load undici (~20 ms at start-up).
// require() returns the module without touching them, so bundled code gets node:http through require.
const httpViaRequire = {
  name: 'node-http-via-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?http$/ }, (args) => (args.namespace === 'http-cjs' ? { path: 'node:http', external: true } : { path: 'node:http', namespace: 'http-cjs' }));
    b.onLoad({ filter: /.*/, namespace: 'http-cjs' }, () => ({ contents: "module.exports = require('node:http');", loader: 'js' }));
  },
};

// The SDK's form-data policy asks `typeof FormData` on every request; that global is a lazy getter
// that loads undici (~15 ms of a one-shot `kvdeck get`). Key Vault never sends form data, so check
// the body's tag first and touch FormData only for a real one.
const FORM_DATA_TEST = 'typeof FormData !== "undefined" && body instanceof FormData';
const lazyFormData = {
  name: 'lazy-form-data',
  setup(b) {
    b.onLoad({ filter: /@typespec[\\/]ts-http-runtime[\\/]dist[\\/]esm[\\/](formData|client[\\/]sendRequest)\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(FORM_DATA_TEST)) return { contents: text, loader: 'js', warnings: [{ text: 'lazy-form-data: pattern not found (start-up may load undici)' }] };
      return { contents: text.replaceAll(FORM_DATA_TEST, `body?.[Symbol.toStringTag] === "FormData" && ${FORM_DATA_TEST}`), loader: 'js' };
    });
  },
};

// yoga-layout (Ink's layout engine) embeds its wasm as a data: URL and, when `fetch` exists, reads it
// with fetch(), which loads all of undici (~45 ms of every console start). Its own fallback decodes
// the data: URL synchronously; take that path first for a data: URL. Asynchronous loading stays.
const YOGA_FETCH_TEST = 'return w||"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})';
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(YOGA_FETCH_TEST)) return { contents: text, loader: 'js', warnings: [{ text: 'yoga-without-fetch: pattern not found (start-up may load undici)' }] };
      return { contents: text.replace(YOGA_FETCH_TEST, YOGA_FETCH_TEST.replace('return w||', 'return w||ua(H)||')), loader: 'js' };
    });
  },
};

// string-width (Ink measures every line of every frame with it) counts plain ASCII fast, but one "—",
// "…", "·" or "🔒" in a line sends the whole line through Intl.Segmenter and an RGI-emoji regex: ~0.2 ms
// a row, ~5 ms a frame, and ~25 ms once at start-up to build the regex. A second fast path takes lines
// made only of characters that are one cell on their own and never combine (Latin-1 and Latin Extended,
// general punctuation, arrows, box drawing and shapes, braille spinners, ✓ ✗ ⚠) and lone emoji with
// emoji presentation outside the BMP (two cells, two UTF-16 units): their width is their length.
// Checked code point by code point and on random mixes against string-width 8.3. Anything else
// (variation selectors, ZWJ sequences, skin tones, flags, CJK) takes the full path as before.
const STRING_WIDTH_FAST = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';
const STRING_WIDTH_WIDER = 'if (/^[\\u0020-\\u007E]*$/.test(string) || kvdeckOneCellOrEmoji.test(string)) {';
const ONE_CELL_OR_EMOJI = String.raw`/^(?:[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FC\u2713\u2717\u26A0\u2800-\u28FF]|(?=[\u{1F000}-\u{1FAFF}])(?![\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}])\p{Emoji_Presentation})*$/u`;
const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(STRING_WIDTH_FAST)) return { contents: text, loader: 'js', warnings: [{ text: 'string-width-fast-path: pattern not found (lines with "—" or "…" stay slow to measure)' }] };
      return { contents: `${text.replace(STRING_WIDTH_FAST, STRING_WIDTH_WIDER)}\nvar kvdeckOneCellOrEmoji = ${ONE_CELL_OR_EMOJI};\n`, loader: 'js' };
    });
  },
};

// conf (settings and profiles) imports semver for its migrations, which kvdeck does not use; loading
// semver builds ~40 regular expressions (~5–15 ms of every console start). conf only ever calls
// semver.something(...), so it gets a stand-in that loads semver at the first such call.
const lazySemver = {
  name: 'lazy-semver',
  setup(b) {
    b.onResolve({ filter: /^semver$/ }, (args) => (args.namespace === 'lazy-semver' || !/[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? undefined : { path: 'semver', namespace: 'lazy-semver' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-semver' }, () => ({
      contents: "let real; const load = () => (real ??= require('semver')); export default new Proxy({}, { get: (_, key) => load()[key] });",
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  sourcemap: 'linked',
  minify: false,
  logLevel: 'warning',
  // Native and optional packages stay outside the bundle.
  external: ['@resvg/resvg-js', '@xterm/headless', 'ink-testing-library'],
  plugins: [devtoolsStub, httpViaRequire, lazyFormData, yogaWithoutFetch, stringWidthFastPath, lazySemver],
  banner: {
    // Bundled CommonJS dependencies call require(); give them one.
    js: "import { createRequire as __kvdeckCreateRequire } from 'node:module';\nconst require = __kvdeckCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
};

// One build, split: the console's start-up loads only its own code; the emulator, the Azure SDKs and
// the one-shot commands are chunks loaded on first use (their imports in the source are dynamic).
// Chunk names carry content hashes: start from an empty dist/ so old chunks never pile up.
rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { 'kvdeck-main': 'source/cli.tsx', index: 'source/index.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The bin itself (dist/kvdeck.js) is a guard in front of the bundle: built down to syntax Node 14 and
// later parse, not bundled, it checks the version package.json's `engines` asks for and says in one
// line what is needed and how to run kvdeck, instead of a SyntaxError stack from the bundle
// (source/node-guard.ts). It also turns Node's compile cache on before the bundle loads.
const { engines } = JSON.parse(await readFile('package.json', 'utf8'));
const nodeMajor = Number(/(\d+)/.exec(engines.node)[1]);
await build({
  entryPoints: { kvdeck: 'source/node-guard.ts' },
  outdir: 'dist',
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node14',
  logLevel: 'warning',
  define: { KVDECK_NODE_MAJOR: String(nodeMajor) },
  banner: { js: '#!/usr/bin/env node' },
});
