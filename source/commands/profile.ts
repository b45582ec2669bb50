/**
 * kvdeck profile add NAME [--cloud C | --arm URL | --emulator URL --ca FILE [--as OID]]
 *                         [--tenant T] [--subscription S]… [--auth M] [--vault V] [--concurrency N] [--use]
 * kvdeck profile list | use NAME | use demo | remove NAME
 * kvdeck config path
 * Profiles hold connection settings only — never a secret or a token (see source/config/profiles.ts).
 * Adding a profile never changes what a plain `kvdeck` (or `npm start`) opens: only `--use` or
 * `profile use NAME` makes one the default, and `profile use demo` goes back to the demo engine.
 */
import { resolve } from 'node:path';
import { parseGlobalOptions, UsageError } from '../cli/global-options.js';
import { configPath, DEMO_PROFILE, openStore, readStore, type Profile } from '../config/profiles.js';
import { builtInCloud } from '../backend/azure/clouds.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Flags only `profile` knows, taken out before the shared parser (which is strict) sees argv. */
function takeFlags(argv: string[]): { rest: string[]; vault?: string; use: boolean } {
  const rest: string[] = [];
  let vault: string | undefined;
  let use = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vault') vault = argv[++i];
    else if (argv[i].startsWith('--vault=')) vault = argv[i].slice('--vault='.length);
    else if (argv[i] === '--use') use = true;
    else rest.push(argv[i]);
  }
  return { rest, vault, use };
}

function describe(p: Profile): string {
  const where = p.emulator ? `emulator ${p.emulator}` : p.arm ? `Azure Stack Hub ${p.arm}` : (p.cloud ?? 'AzureCloud');
  const parts = [where];
  if (p.tenant) parts.push(`tenant ${p.tenant}`);
  if (p.auth) parts.push(`auth ${p.auth}`);
  if (p.as) parts.push(`as ${p.as}`);
  if (p.subscription?.length) parts.push(`subscriptions ${p.subscription.join(',')}`);
  if (p.vault) parts.push(`vault ${p.vault}`);
  if (p.concurrency) parts.push(`${p.concurrency} requests at once`);
  return parts.join(', ');
}

async function add(argv: string[]): Promise<number> {
  const { rest, vault, use } = takeFlags(argv);
  const o = parseGlobalOptions(rest);
  const name = o.positionals[1];
  if (!name || !NAME.test(name)) throw new UsageError('profile add needs a NAME (letters, digits, . _ -)');
  if (name.toLowerCase() === DEMO_PROFILE) throw new UsageError(`'${DEMO_PROFILE}' names the demo engine (kvdeck profile use ${DEMO_PROFILE}); pick another name`);
  if ([o.emulator, o.arm, o.cloud].filter(Boolean).length > 1) throw new UsageError('choose one of --cloud, --arm, --emulator');
  if (o.cloud) builtInCloud(o.cloud); // refuses unknown names now rather than at the next start
  if (o.emulator) new URL(o.emulator);
  if (o.arm) new URL(o.arm);
  const profile: Profile = {
    ...(o.cloud ? { cloud: o.cloud } : {}),
    ...(o.arm ? { arm: o.arm } : {}),
    ...(o.emulator ? { emulator: o.emulator } : {}),
    ...(o.ca ? { ca: resolve(o.ca) } : {}),
    ...(o.as ? { as: o.as } : {}),
    ...(o.tenant ? { tenant: o.tenant } : {}),
    ...(o.subscription?.length ? { subscription: o.subscription } : {}),
    ...(o.auth ? { auth: o.auth } : {}),
    ...(vault ? { vault } : {}),
    ...(o.concurrency ? { concurrency: o.concurrency } : {}),
  };
  const store = await openStore();
  store.set('profiles', { ...store.get('profiles'), [name]: profile });
  if (use) store.set('current', name);
  const current = store.get('current');
  const note = current === name
    ? ' It is the default now: kvdeck opens it (kvdeck profile use demo goes back to the demo engine).'
    : ` Open it with kvdeck --profile ${name}, or make it the default with kvdeck profile use ${name}.`;
  process.stdout.write(`Saved profile ${name}: ${describe(profile)}.${note}\n`);
  return 0;
}

async function use(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError(`profile use needs a NAME (or ${DEMO_PROFILE} for the demo engine)`);
  const store = await openStore();
  if (name.toLowerCase() === DEMO_PROFILE) {
    store.delete('current');
    process.stdout.write('kvdeck opens the demo engine again (no default profile).\n');
    return 0;
  }
  if (!store.get('profiles')[name]) throw new UsageError(`No profile named '${name}'. \`kvdeck profile list\` shows the saved ones`);
  store.set('current', name);
  process.stdout.write(`Using profile ${name}: kvdeck opens it from now on (kvdeck profile use ${DEMO_PROFILE} goes back to the demo engine).\n`);
  return 0;
}

async function remove(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError('profile remove needs a NAME');
  const store = await openStore();
  const profiles = { ...store.get('profiles') };
  if (!profiles[name]) throw new UsageError(`No profile named '${name}'`);
  delete profiles[name];
  store.set('profiles', profiles);
  if (store.get('current') === name) store.delete('current');
  process.stdout.write(`Removed profile ${name}\n`);
  return 0;
}

function list(): number {
  const store = readStore();
  const names = Object.keys(store.profiles).sort();
  if (names.length === 0) {
    process.stdout.write('No profiles yet: kvdeck opens the demo engine. Add one: kvdeck profile add NAME --cloud AzureCloud --auth cli\n');
    return 0;
  }
  // The demo engine is listed as the choice it is (the default while no profile is in use).
  const current = store.current && store.profiles[store.current] ? store.current : undefined;
  process.stdout.write(`${current ? ' ' : '*'} ${DEMO_PROFILE}  the bundled demo engine\n`);
  for (const n of names) process.stdout.write(`${n === current ? '*' : ' '} ${n}  ${describe(store.profiles[n])}\n`);
  return 0;
}

async function guarded(fn: () => Promise<number> | number): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    process.stderr.write(`kvdeck: ${(e as Error).message}\n`);
    return e instanceof UsageError || e instanceof TypeError ? 2 : 1;
  }
}

export function runProfile(argv: string[]): Promise<number> {
  return guarded(() => {
    const [verb, name] = parseGlobalOptions(takeFlags(argv).rest).positionals;
    switch (verb) {
      case 'add': return add(argv);
      case 'use': return use(name);
      case 'remove': case 'rm': return remove(name);
      case 'list': case 'ls': case undefined: return list();
      default: throw new UsageError(`unknown profile command '${verb}': add, list, use, remove`);
    }
  });
}

export function runConfig(argv: string[]): Promise<number> {
  return guarded(() => {
    if (argv[0] !== 'path') throw new UsageError('config knows one command: kvdeck config path');
    process.stdout.write(`${configPath()}\n`);
    return 0;
  });
}
