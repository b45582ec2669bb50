// Bundles the CLI (and the package entry) with esbuild: a cold start from the bundle is ~250 ms against
// ~600 ms under tsx.
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
  plugins: [devtoolsStub, httpViaRequire, lazyFormData],
  banner: {
    // Bundled CommonJS dependencies call require(); give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __kvdeckCreateRequire } from 'node:module';\nconst require = __kvdeckCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
};

// One build, split: the console's start-up loads only its own code; the emulator, the Azure SDKs and
// the one-shot commands are chunks loaded on first use (their imports in the source are dynamic).
await build({
  ...common,
  entryPoints: { kvdeck: 'source/cli.tsx', index: 'source/index.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
