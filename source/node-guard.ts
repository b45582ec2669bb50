/**
 * The `kvdeck` bin (dist/kvdeck.js). The console's bundle needs a recent Node (its dependencies
 * and its syntax do); on an older one it would die with a SyntaxError stack before a line of ours
 * ran. This entry is built down to old syntax (scripts/build.mjs), loads nothing, checks the
 * version, and either says in one line what is needed and how to run kvdeck anyway, or loads the
 * bundle (dist/kvdeck-main.js, from source/cli.tsx).
 */
import * as nodeModule from 'node:module';

/** The major version package.json's `engines` asks for, put in by the build. */
declare const KVDECK_NODE_MAJOR: number;

const found = process.versions.node;
if (Number(found.split('.')[0]) < KVDECK_NODE_MAJOR) {
  process.stderr.write(
    `kvdeck needs Node.js ${KVDECK_NODE_MAJOR} or newer (found ${found}): run it with npx kvdeck or npm start in its folder (they use the project's own Node), or install Node.js ${KVDECK_NODE_MAJOR}+.\n`,
  );
  process.exitCode = 1;
} else {
  // Node's on-disk compile cache (V8 code cache in the OS temp dir; NODE_DISABLE_COMPILE_CACHE=1
  // turns it off), before the ~1 MB bundle is compiled: ~30–40 ms of every start.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const bundle = './kvdeck-main.js'; // beside this file in dist/, not bundled into it
  import(bundle).catch((e: Error) => {
    process.stderr.write(`kvdeck: cannot load its bundle (${e.message}); reinstall kvdeck.\n`);
    process.exitCode = 1;
  });
}
