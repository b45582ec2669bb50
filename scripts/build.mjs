// Bundles the CLI (and the package entry) with esbuild: a cold start from the bundle is ~250 ms against
// ~600 ms under tsx.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { patchPlugin } from './patches.mjs';

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

// Patches of dependencies (lazy FormData, yoga without fetch, string-width's fast path): see patches.mjs.
// A patch whose pattern is missing fails the build.

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
  plugins: [devtoolsStub, httpViaRequire, patchPlugin('lazy-form-data'), patchPlugin('yoga-without-fetch'), patchPlugin('string-width-fast-path'), lazySemver],
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
