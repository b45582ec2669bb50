/**
 * One-shot commands for scripts, on any backend (demo with --state, emulator, Azure):
 *   kvdeck get VAULT/SECRET[@VERSION]   the value alone on stdout — followed by a newline only when
 *                                       stdout is a terminal, so `$(kvdeck get …)` and pipes get the
 *                                       exact bytes
 *   kvdeck get VAULT/CERT[@VERSION] --cert   the certificate (public part) as PEM
 *   kvdeck ls VAULT                     secret names, one per line
 *   kvdeck set VAULT/SECRET             the value from stdin (one trailing newline is dropped unless
 *                                       --keep-newline; --content-type TYPE); prints the new version
 * A bare SECRET uses the profile's default vault. Errors go to stderr in the console's words.
 * Exit codes: 0 done, 1 failed, 2 usage, 3 not found, 4 not allowed (401/403).
 */
import type { Backend } from '../backend/backend.js';
import { listAll } from '../backend/backend.js';
import { createBackend, wantsAzure } from '../backend/select.js';
import { parseGlobalOptions, UsageError, type GlobalOptions } from '../cli/global-options.js';
import { applyProfile } from '../config/profiles.js';
import { certificatePem } from '../domain/certificate.js';
import { errors, isKeyVaultError } from '../domain/errors.js';
import type { VaultRef } from '../domain/vault.js';
import { explainError } from '../ui/explain-error.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, forbidden: 4 } as const;

interface Target {
  vault: string;
  secret?: string;
  version?: string;
}

/** VAULT/SECRET[@VERSION], or SECRET[@VERSION] with a default vault. */
export function parseTarget(arg: string | undefined, defaultVault: string | undefined, needSecret: boolean): Target {
  if (!arg) throw new UsageError(needSecret ? 'name the secret: VAULT/SECRET' : 'name the vault');
  const slash = arg.indexOf('/');
  let vault = slash >= 0 ? arg.slice(0, slash) : needSecret ? defaultVault : arg;
  const rest = slash >= 0 ? arg.slice(slash + 1) : needSecret ? arg : undefined;
  if (!vault) throw new UsageError(`'${arg}' names no vault: write VAULT/SECRET (or save a default vault in a profile)`);
  vault = vault.trim();
  if (!needSecret) return { vault };
  if (!rest) throw new UsageError(`'${arg}' names no secret: write VAULT/SECRET`);
  const at = rest.indexOf('@');
  return at >= 0 ? { vault, secret: rest.slice(0, at), version: rest.slice(at + 1) || undefined } : { vault, secret: rest };
}

/** Flags only these commands know, taken out before the shared parser (which is strict) sees argv. */
function takeFlags(argv: string[]): { rest: string[]; keepNewline: boolean; contentType?: string; cert: boolean } {
  const rest: string[] = [];
  let keepNewline = false;
  let cert = false;
  let contentType: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep-newline') keepNewline = true;
    else if (a === '--cert') cert = true;
    else if (a === '--content-type') contentType = argv[++i];
    else if (a.startsWith('--content-type=')) contentType = a.slice('--content-type='.length);
    else rest.push(a);
  }
  return { rest, keepNewline, contentType, cert };
}

async function openBackend(opts: GlobalOptions): Promise<Backend> {
  if (wantsAzure(opts)) {
    const { createAzureBackend } = await import('../backend/azure/index.js');
    // No sign-in round trip for the header: the first data-plane call signs in.
    return createAzureBackend(opts, { eagerIdentity: false });
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

function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (isKeyVaultError(e)) {
    if (e.status === 404) return EXIT.notFound;
    if (e.status === 401 || e.status === 403) return EXIT.forbidden;
  }
  return EXIT.failed;
}

export async function run(argv: string[], body: (backend: Backend, opts: ReturnType<typeof applyProfile>, flags: ReturnType<typeof takeFlags>) => Promise<void>): Promise<number> {
  let backend: Backend | undefined;
  try {
    const flags = takeFlags(argv);
    const opts = applyProfile(parseGlobalOptions(flags.rest));
    backend = await openBackend(opts);
    await body(backend, opts, flags);
    return EXIT.ok;
  } catch (e) {
    const line = e instanceof UsageError ? `${e.message}. Try kvdeck --help.` : explainError(e);
    process.stderr.write(`kvdeck: ${line}\n`);
    return exitCodeFor(e);
  } finally {
    await backend?.close?.();
  }
}

export function runGet(argv: string[]): Promise<number> {
  return run(argv, async (backend, opts, flags) => {
    const t = parseTarget(opts.positionals[0], opts.defaultVault, true);
    if (flags.cert) {
      const c = await backend.certificates.get(await vaultRef(backend, t.vault), t.secret!, t.version);
      if (c.cer.length === 0) throw new UsageError(`certificate ${c.properties.name} is still pending: it has no X.509 certificate yet`);
      process.stdout.write(certificatePem(c.cer));
      return;
    }
    const secret = await backend.secrets.get(await vaultRef(backend, t.vault), t.secret!, t.version);
    process.stdout.write(process.stdout.isTTY ? `${secret.value}\n` : secret.value);
  });
}

export function runLs(argv: string[]): Promise<number> {
  return run(argv, async (backend, opts) => {
    const t = parseTarget(opts.positionals[0] ?? opts.defaultVault, undefined, false);
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
  return run(argv, async (backend, opts, flags) => {
    const t = parseTarget(opts.positionals[0], opts.defaultVault, true);
    if (t.version) throw new UsageError('set writes a new version: name the secret without @VERSION');
    let value = await readStdin();
    if (!flags.keepNewline) value = value.replace(/\r?\n$/, '');
    const p = await backend.secrets.set(await vaultRef(backend, t.vault), t.secret!, { value, contentType: flags.contentType });
    process.stdout.write(`${p.version}\n`);
  });
}
