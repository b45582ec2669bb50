/**
 * One-shot commands for scripts, on any backend (demo with --state, emulator, Azure):
 *   kvdeck get VAULT/SECRET[@VERSION]   the value alone on stdout — followed by a newline only when
 *                                       stdout is a terminal, so `$(kvdeck get …)` and pipes get the
 *                                       exact bytes; with --cert, a certificate's public part as PEM
 *   kvdeck ls VAULT                     secret names, one per line
 *   kvdeck set VAULT/SECRET             the value from stdin (one trailing newline is dropped unless
 *                                       --keep-newline; --content-type TYPE); prints the new version
 * A bare SECRET uses the profile's default vault. Each has its own --help; names are checked before
 * anything is sent. Errors go to stderr in the one-shot's own words (error-text.ts: what is missing —
 * the vault, the secret, the version — and no console hints).
 * Exit codes: 0 done, 1 failed, 2 usage, 3 not found, 4 not allowed (401/403).
 */
import type { Backend } from '../backend/backend.js';
import { listAll } from '../backend/backend.js';
import type { quickSecretValue } from '../backend/azure/quick-read.js';
import type { AzureSession } from '../backend/azure/session.js';
import type { BackendOptions } from '../backend/options.js';
import { createBackend, wantsAzure } from '../backend/select.js';
import { backendOptions, parseGlobalOptions, UsageError } from '../cli/global-options.js';
import { applyProfile } from '../config/profiles.js';
import type { ErrorContext } from '../domain/error-text.js';
import { errors, isKeyVaultError } from '../domain/errors.js';
import { isValidObjectName, vaultNameProblem } from '../domain/names.js';
import type { VaultRef } from '../domain/vault.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, forbidden: 4 } as const;

type Target = NonNullable<ErrorContext['target']>;

const CONNECTION = `Connection (as for the console): --emulator URL --ca FILE | --cloud NAME | --arm URL, --auth METHOD,
  --tenant ID, --subscription ID, --profile NAME, --as PRINCIPAL (demo engine, emulator), --state FILE (demo engine).
  -h, --help   this text
Exit codes: 0 done, 1 failed, 2 usage, 3 not found, 4 not allowed.
`;

export const ONESHOT_HELP = {
  get: `Usage: kvdeck get VAULT/SECRET[@VERSION] [options]

Prints the value of a secret (its latest version, or VERSION) alone on stdout, followed by a newline
only when stdout is a terminal: $(kvdeck get …) and pipes get the exact bytes. A bare SECRET uses the
default vault of the profile in use.

  --cert   VAULT/CERTIFICATE: print the certificate's public part (PEM), not a secret's value
${CONNECTION}`,
  ls: `Usage: kvdeck ls VAULT [options]

Prints the names of the vault's secrets, one per line, sorted. Without VAULT, the default vault of the
profile in use.

${CONNECTION}`,
  access: `Usage: kvdeck access VAULT [options]

Lists who can do what in a vault: its access policies, or, for an Azure RBAC vault, the role
assignments that apply to it (inherited ones marked). Without VAULT, the default vault of the profile.

  --json   the report as JSON, for scripts
${CONNECTION}`,
  set: `Usage: kvdeck set VAULT/SECRET [options] < value

Sets a new version of a secret from stdin and prints the version. One trailing newline is dropped.
A bare SECRET uses the default vault of the profile in use.

  --keep-newline       keep the trailing newline
  --content-type TYPE  the content type of the new version
${CONNECTION}`,
} as const;

type OneShot = keyof typeof ONESHOT_HELP;

const usageLine = (name: OneShot) => ONESHOT_HELP[name].split('\n')[0];

function checkVault(name: string): string {
  const problem = vaultNameProblem(name);
  if (problem) throw new UsageError(`'${name}' is not a vault name: a vault name ${problem}`);
  return name;
}

function checkSecret(name: string): string {
  if (!isValidObjectName(name)) throw new UsageError(`'${name}' is not a secret name: secret names are 1–127 letters, digits and hyphens`);
  return name;
}

/** VAULT/SECRET[@VERSION], or SECRET[@VERSION] with a default vault; names checked against Key Vault's rules. */
export function parseTarget(arg: string | undefined, defaultVault: string | undefined, needSecret: boolean): Target {
  if (!arg) throw new UsageError(needSecret ? 'name the secret: VAULT/SECRET' : 'name the vault');
  const slash = arg.indexOf('/');
  const vault = (slash >= 0 ? arg.slice(0, slash) : needSecret ? defaultVault : arg)?.trim();
  const rest = slash >= 0 ? arg.slice(slash + 1) : needSecret ? arg : undefined;
  if (!vault) throw new UsageError(`'${arg}' names no vault: write VAULT/SECRET (or save a default vault in a profile)`);
  if (!needSecret) {
    if (slash >= 0) throw new UsageError(`'${arg}': name only the vault`);
    return { vault: checkVault(vault) };
  }
  if (!rest) throw new UsageError(`'${arg}' names no secret: write VAULT/SECRET`);
  const at = rest.indexOf('@');
  const secret = at >= 0 ? rest.slice(0, at) : rest;
  const version = at >= 0 ? rest.slice(at + 1) || undefined : undefined;
  return { vault: checkVault(vault), secret: checkSecret(secret), version };
}

/** Flags only one command knows (set: --keep-newline, --content-type; get: --cert), taken out before the shared parser (which is strict) sees argv. */
function takeFlags(name: OneShot, argv: string[]): { rest: string[]; keepNewline: boolean; contentType?: string; cert: boolean; json: boolean } {
  const rest: string[] = [];
  let keepNewline = false;
  let contentType: string | undefined;
  let cert = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (name === 'set' && a === '--keep-newline') keepNewline = true;
    else if (name === 'set' && a === '--content-type') contentType = argv[++i];
    else if (name === 'set' && a.startsWith('--content-type=')) contentType = a.slice('--content-type='.length);
    else if (name === 'get' && a === '--cert') cert = true;
    else if (name === 'access' && a === '--json') json = true;
    else rest.push(a);
  }
  return { rest, keepNewline, contentType, cert, json };
}

async function openBackend(opts: BackendOptions, session: AzureSession | undefined): Promise<Backend> {
  if (wantsAzure(opts)) {
    const { createAzureBackend } = await import('../backend/azure/index.js');
    // No sign-in round trip for the header: the first data-plane call signs in.
    return createAzureBackend(opts, { eagerIdentity: false, session });
  }
  return createBackend(opts);
}

/** On Azure a vault's URI follows from its name; the demo engine is asked (it is in process). */
async function vaultRef(backend: Backend, name: string): Promise<VaultRef> {
  const azure = backend as Backend & { vaultRefFor?: (n: string) => VaultRef };
  if (typeof azure.vaultRefFor === 'function') return azure.vaultRefFor(name);
  const v = (await backend.vaults.list()).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!v) throw errors.vaultNotFound(name);
  return v;
}

function exitCodeFor(e: unknown, target: Target | undefined): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (isKeyVaultError(e)) {
    if (e.status === 404) return EXIT.notFound;
    // A version that is not even well formed is a version the secret does not have.
    if (e.status === 400 && target?.version && /invalid version/i.test(e.message)) return EXIT.notFound;
    if (e.status === 401 || e.status === 403) return EXIT.forbidden;
  }
  if ((e as { code?: string })?.code === 'ENOTFOUND' && target) return EXIT.notFound;
  return EXIT.failed;
}

interface Parsed {
  opts: ReturnType<typeof applyProfile>;
  arg: string | undefined;
  flags: ReturnType<typeof takeFlags>;
}

/**
 * Parses, checks the names (a usage error before anything is sent), opens the backend, runs `body`,
 * and turns a failure into one line on stderr and the exit code.
 */
export async function run(
  name: OneShot, argv: string[], parse: (p: Parsed) => Target, body: (backend: Backend, target: Target, p: Parsed) => Promise<void>,
  /** On Azure, before the backend (and its SDKs) is loaded: true when it did the whole job. */
  quick?: (session: AzureSession, target: Target, p: Parsed, read: typeof quickSecretValue) => Promise<boolean>,
): Promise<number> {
  let backend: Backend | undefined;
  let session: AzureSession | undefined;
  let target: Target | undefined;
  try {
    const flags = takeFlags(name, argv);
    const cli = parseGlobalOptions(flags.rest);
    if (cli.help) { process.stdout.write(ONESHOT_HELP[name]); return EXIT.ok; }
    const [arg, extra] = cli.positionals;
    if (extra !== undefined) throw new UsageError(`${name} takes one ${name === 'ls' || name === 'access' ? 'VAULT' : 'VAULT/SECRET'}; '${extra}' is one too many`);
    const parsed: Parsed = { opts: applyProfile(cli), arg, flags };
    target = parse(parsed);
    const opts = backendOptions(parsed.opts);
    if (wantsAzure(opts)) {
      // quick-read.js brings session.js with it: one load, not two in turn.
      const { openAzureSession, quickSecretValue } = await import('../backend/azure/quick-read.js');
      session = await openAzureSession(opts);
      if (quick && (await quick(session, target, parsed, quickSecretValue))) return EXIT.ok;
    }
    backend = await openBackend(opts, session);
    await body(backend, target, parsed);
    return EXIT.ok;
  } catch (e) {
    // The sentences (and the role tables behind them) are loaded only when there is something to say.
    const line = e instanceof UsageError ? `${e.message}.\n${usageLine(name)}   (kvdeck ${name} --help)` : (await import('./error-text.js')).oneshotError(e, { target });
    process.stderr.write(`kvdeck: ${line}\n`);
    return exitCodeFor(e, target);
  } finally {
    await backend?.close?.();
    session?.close();
  }
}

/** A value on stdout: with a newline only on a terminal, so `$(kvdeck get …)` and pipes get the exact bytes. */
const writeValue = (value: string) => process.stdout.write(process.stdout.isTTY ? `${value}\n` : value);

export function runGet(argv: string[]): Promise<number> {
  return run('get', argv, ({ arg, opts }) => parseTarget(arg, opts.defaultVault, true), async (backend, t, { flags }) => {
    if (flags.cert) {
      const c = await backend.certificates.get(await vaultRef(backend, t.vault), t.secret!, t.version);
      if (c.cer.length === 0) throw new UsageError(`certificate ${c.properties.name} is still pending: it has no X.509 certificate yet`);
      process.stdout.write((await import('../domain/certificate.js')).certificatePem(c.cer));
      return;
    }
    writeValue((await backend.secrets.get(await vaultRef(backend, t.vault), t.secret!, t.version)).value);
  }, async (session, t, { flags }, read) => {
    // On Azure (and the emulator) one request without the SDK when it simply works; else the body above.
    if (flags.cert) return false;
    const value = await read(session, t.vault, t.secret!, t.version);
    if (value === undefined) return false;
    writeValue(value);
    return true;
  });
}

export function runLs(argv: string[]): Promise<number> {
  return run('ls', argv, ({ arg, opts }) => parseTarget(arg ?? opts.defaultVault, undefined, false), async (backend, t) => {
    const ref = await vaultRef(backend, t.vault);
    const items = await listAll((page) => backend.secrets.listPage(ref, page));
    const names = items.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    process.stdout.write(names.length ? `${names.join('\n')}\n` : '');
  });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('kvdeck: reading the value from stdin (end with Ctrl-D)\n');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

export function runSet(argv: string[]): Promise<number> {
  const parse = ({ arg, opts }: Parsed) => {
    const t = parseTarget(arg, opts.defaultVault, true);
    if (t.version) throw new UsageError('set writes a new version: name the secret without @VERSION');
    return t;
  };
  return run('set', argv, parse, async (backend, t, { flags }) => {
    let value = await readStdin();
    if (!flags.keepNewline) value = value.replace(/\r?\n$/, '');
    const p = await backend.secrets.set(await vaultRef(backend, t.vault), t.secret!, { value, contentType: flags.contentType });
    process.stdout.write(`${p.version}\n`);
  });
}
