/**
 * `npm run screenshots`: drives the real app (dist/kvdeck.js, demo engine) in tmux at 120×34 and writes
 * one PNG and SVG per pane, plus the help and quick-lookup overlays, into screenshots/.
 * Build first (`npm run build`); the script builds when dist/ is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, NODE, ROOT, Term } from '../test/e2e/tmux.js';
import { COMMANDS, paneCommand } from '../source/ui/keymap/commands.js';
import { paneNumber, paneTitle, type PaneId } from '../source/ui/panes/ids.js';
import { ansiToSvg, svgToPng } from './term-svg.js';

const COLS = 120;
const ROWS = 34;
const OUT = join(ROOT, 'screenshots');
const WAIT = 20_000;

interface Shot {
  file: string;
  title: string;
  /** Keys and text to get there from the previous shot; `T:` types text, `W:` waits for text, `G:` until it is gone. */
  steps: string[];
  /** What must be on screen before the capture. */
  proof: (screen: string) => boolean;
}

const has = (...parts: string[]) => (s: string) => parts.every((p) => s.includes(p));
const noSpinner = (s: string) => !/Loading/.test(s);

// Each step waits for its effect: keys sent back to back can overtake each other in the app's input handling.
/** The key that opens a pane, and the file a pane's shot is written to (numbers from the pane table). */
const key = (id: PaneId) => COMMANDS[paneCommand(id)].keys[0];
const paneShot = (id: PaneId) => ({ file: `pane-${paneNumber(id)}-${id}`, title: paneTitle(id) });
/** Selects a row of the focused list by filtering for its name (vaults, secrets). */
const pickVault = (name: string) => ['/', 'W:Enter keep', `T:${name}`, `W:1 of`, 'Enter', 'W:Esc clears'];

const SHOTS: Shot[] = [
  { ...paneShot('vaults'), steps: [], proof: has('contoso-app-kv', 'ase-edge01-kv', 'contoso-shared-kv') },
  // contoso-app-kv has the richest content: several secrets (one expiring, one disabled), keys, certificates, three policies.
  { ...paneShot('secrets'), steps: [...pickVault('contoso-app-kv'), key('secrets')], proof: (s) => has('storage-account-key', 'partner-api-token')(s) && noSpinner(s) },
  // A secret opened: properties, versions, the value masked until v.
  { file: 'secret-detail', title: 'Secrets — storage-account-key', steps: [...pickVault('storage-account-key'), 'Enter'], proof: (s) => has('••••', 'storage-account-key')(s) && noSpinner(s) },
  { ...paneShot('keys'), steps: [key('keys')], proof: (s) => has('data-encryption-key', 'app-signing-key')(s) && noSpinner(s) },
  // One about to renew itself, one expired.
  { ...paneShot('certificates'), steps: [key('certificates')], proof: (s) => has('contoso-web-tls', 'partner-mtls', 'AUTO-RENEW')(s) && noSpinner(s) },
  { file: 'certificate-detail', title: 'Certificates — contoso-web-tls', steps: [...pickVault('contoso-web-tls'), 'Enter'], proof: (s) => has('Lifetime action', 'renews itself', 'Versions')(s) && noSpinner(s) },
  { ...paneShot('access'), steps: ['Escape', 'G:Lifetime action', 'Escape', key('access')], proof: (s) => has('contoso-web-app', 'Security Admin')(s) && noSpinner(s) },
  // The edge vault has a lock of its own.
  { ...paneShot('locks'), steps: [key('vaults'), 'W:3 vaults', ...pickVault('ase-edge01-kv'), key('locks')], proof: (s) => has('ase-edge01-kv-lock')(s) && noSpinner(s) },
  { ...paneShot('deleted'), steps: [key('vaults'), 'W:3 vaults', ...pickVault('contoso-app-kv'), key('deleted')], proof: (s) => has('billing-old-kv', 'ase-edge00-kv', 'old-db-password')(s) && noSpinner(s) },
  { ...paneShot('audit'), steps: [key('audit')], proof: (s) => /Audit/.test(s.split('\n')[2] ?? '') && noSpinner(s) && /\d\d:\d\d/.test(s) },
  { file: 'help', title: 'Help (?) over Secrets', steps: [key('secrets'), 'W:storage-account-key', '?'], proof: has('Secrets pane', 'Everywhere') },
  { file: 'quick-lookup', title: 'Quick lookup (Ctrl-P)', steps: ['Escape', 'G:Everywhere', 'C-p', 'W:Find a secret', 'T:key'], proof: (s) => has('› key', 'channel-integrity-key')(s) && !s.includes('smtp-password') },
];

async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) execFileSync(NODE, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', cwd: ROOT });
  mkdirSync(OUT, { recursive: true });
  // Fresh settings (default theme, no remembered pane) in a short path: the help screen shows it.
  const config = join(tmpdir(), 'kvdeck-screenshots', '.config');
  rmSync(config, { recursive: true, force: true });
  // Truecolor and 256 colours on, NO_COLOR off: the screenshots show the default theme.
  const term = await Term.start({ cols: COLS, rows: ROWS, env: { COLORTERM: 'truecolor', XDG_CONFIG_HOME: config } });
  // `npm run screenshots -- pane-2-secrets` renders only the shots named (the steps before them still run).
  const only = process.argv.slice(2);
  try {
    await term.waitFor(SHOTS[0].proof, WAIT);
    for (const shot of SHOTS) {
      for (const step of shot.steps) {
        if (step.startsWith('T:')) await term.type(step.slice(2));
        else if (step.startsWith('W:')) await term.waitFor(step.slice(2), WAIT);
        else if (step.startsWith('G:')) await term.waitForGone(step.slice(2), WAIT);
        else await term.keys(step);
      }
      await term.waitFor(shot.proof, WAIT);
      // Give a spinner or a just-changed row one more frame to settle.
      await new Promise((r) => setTimeout(r, 250));
      if (only.length && !only.includes(shot.file)) continue;
      const ansi = await term.screenshot();
      const svg = await ansiToSvg(ansi, { cols: COLS, rows: ROWS, title: `kvdeck — ${shot.title}` });
      writeFileSync(join(OUT, `${shot.file}.svg`), svg);
      writeFileSync(join(OUT, `${shot.file}.png`), await svgToPng(svg));
      console.log(`screenshots/${shot.file}.png`);
      if (only.length && SHOTS.filter((x) => only.includes(x.file)).at(-1) === shot) break;
    }
  } finally {
    await term.kill();
    rmSync(join(tmpdir(), 'kvdeck-screenshots'), { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
