// Bundles the CLI (and the package entry) with esbuild: a cold start from the bundle is ~250 ms against
// ~600 ms under tsx.
import { build } from 'esbuild';

// Ink loads react-devtools-core only when DEV=true and the package is installed; it is not, so the
// bundle gets an empty stand-in instead of a static import that would fail at start-up.
const devtoolsStub = {
  name: 'react-devtools-core-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
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
  plugins: [devtoolsStub],
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
