// Bundles the CLI into one ESM file: a cold start from the bundle is ~250 ms against ~600 ms under tsx.
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

await build({
  entryPoints: ['source/cli.tsx'],
  outfile: 'dist/kvdeck.js',
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
});
