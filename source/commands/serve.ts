/**
 * `kvdeck serve`: the engine as a local Key Vault emulator over HTTPS. Prints the endpoints, the CA
 * path and a snippet for SDK users; writes --ready-file once it accepts connections; stops cleanly
 * (state flushed) on SIGINT/SIGTERM.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIP } from 'node:net';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/index.js';
import { DEFAULT_ESTATE, DEMO } from '../engine/index.js';

export const SERVE_USAGE = `Usage: kvdeck serve [options]

Runs a local Azure Key Vault emulator (ARM + data plane) over HTTPS.

  --port N          port to listen on (default 8443; 0 picks a free port)
  --host ADDR       address to listen on (default 127.0.0.1; anything but loopback warns: tokens are not verified)
  --profile azure|stackhub
                    api-versions to accept: Azure's (default) or an Azure Stack Hub stamp's
                    (2020-09-01-hybrid: Key Vault data plane 2016-10-01 only)
  --state FILE      keep the emulator's state in FILE (loaded at start, saved on every change)
  --seed demo|empty start from the demo dataset (default) or an empty directory
  --perf N          add the vault perf-kv with N generated secrets
  --perf-estate     add ${DEFAULT_ESTATE.vaults} vaults of ${DEFAULT_ESTATE.secrets} generated secrets each (estate-000-kv, …;
                    estate-NNN-kv holds estate-NNN-secret-0000, …), spread over the subscriptions:
                    the bench's estate is --perf-estate --perf 10000 --latency 40
  --cert-dir DIR    where the CA and server certificates are kept (default ~/.config/kvdeck/emulator)
  --ready-file FILE write a JSON description of the endpoints to FILE once ready
  --latency MS      add MS milliseconds to every request
  --fault-rate P    answer a share P (0..1) of requests with 500 or 503
  --fault-seed N    seed of the fault generator (default 1)
  --throttle N      answer 429 + Retry-After above N requests per 10 s per vault
  -h, --help        this text
`;

class ServeUsageError extends Error {}

function num(value: string | undefined, flag: string, min: number, max: number, integer = true): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ServeUsageError(`${flag} takes a ${integer ? 'whole ' : ''}number from ${min} to ${max}`);
  }
  return n;
}

export function parseServeArgs(argv: string[]): (EmulatorOptions & { readyFile?: string; help: boolean }) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, state: { type: 'string' }, seed: { type: 'string' },
        'cert-dir': { type: 'string' }, 'ready-file': { type: 'string' }, latency: { type: 'string' },
        'fault-rate': { type: 'string' }, 'fault-seed': { type: 'string' }, throttle: { type: 'string' }, perf: { type: 'string' }, 'perf-estate': { type: 'boolean', default: false },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new ServeUsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.seed !== undefined && v.seed !== 'demo' && v.seed !== 'empty') throw new ServeUsageError('--seed takes demo or empty');
  if (v.profile !== undefined && v.profile !== 'azure' && v.profile !== 'stackhub') throw new ServeUsageError('--profile takes azure or stackhub');
  return {
    help: v.help ?? false,
    port: num(v.port, '--port', 0, 65535) ?? 8443,
    host: v.host ?? '127.0.0.1',
    statePath: v.state ? resolve(v.state) : undefined,
    seed: (v.seed as 'demo' | 'empty' | undefined) ?? 'demo',
    profile: (v.profile as 'azure' | 'stackhub' | undefined) ?? 'azure',
    certDir: v['cert-dir'] ? resolve(v['cert-dir']) : undefined,
    readyFile: v['ready-file'] ? resolve(v['ready-file']) : undefined,
    latencyMs: num(v.latency, '--latency', 0, 60_000),
    faultRate: num(v['fault-rate'], '--fault-rate', 0, 1, false),
    faultSeed: num(v['fault-seed'], '--fault-seed', 0, 2 ** 32 - 1),
    throttle: num(v.throttle, '--throttle', 1, 10_000_000),
    perf: num(v.perf, '--perf', 0, 1_000_000),
    estate: v['perf-estate'] ? DEFAULT_ESTATE : undefined,
  };
}

/** 127.0.0.0/8, ::1 and the name localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '::ffff:127.0.0.1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Said on stderr before listening anywhere but loopback: anyone who can reach the port can act as anyone. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  return `kvdeck serve: warning: listening on ${host}, beyond this machine. The emulator does not verify token signatures: anyone who can reach this port can act as any identity and read every secret in it. Use it only on a network you trust, with test data.\n`;
}

export function banner(emu: RunningEmulator, opts: { statePath?: string }): string {
  const vault = emu.engine.core.state.vaults.values().next().value?.name ?? 'my-vault';
  return `kvdeck Key Vault emulator — ready
  ARM (management):  ${emu.arm}
  Vaults:            https://{vault}.vault.localhost:${emu.port}   e.g. ${emu.vaultUrl(vault)}
  ADFS sign-in:      ${emu.arm}/adfs   (cloud metadata: ${emu.arm}/metadata/endpoints?api-version=2015-01-01)
  CA certificate:    ${emu.caCertPath}
  Tenant:            ${emu.tenantId}
  Subscriptions:     ${emu.subscriptions.join(', ')}
  State:             ${opts.statePath ?? 'in memory (lost on exit)'}
Token signatures are not verified (a local test tool): the oid claim decides whose access policies apply.
Other languages: HTTPS_PROXY=http://localhost:${emu.port} reaches *.vault.localhost (see the README).

Use it from Node (npm i @azure/keyvault-secrets kvdeck):
  import { SecretClient } from '@azure/keyvault-secrets';
  import { EmulatorCredential, emulatorClientOptions } from 'kvdeck';
  const emu = { arm: '${emu.arm}', caCert: '${emu.caCertPath}' };
  const client = new SecretClient('${emu.vaultUrl(vault)}',
    new EmulatorCredential({ objectId: '${DEMO.principals.operator}' }), emulatorClientOptions(emu));
  await client.setSecret('hello', 'world');
  console.log((await client.getSecret('hello')).value);

Ctrl-C stops.`;
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function runServe(argv: string[]): Promise<number> {
  let opts;
  try {
    opts = parseServeArgs(argv);
  } catch (e) {
    if (e instanceof ServeUsageError) {
      process.stderr.write(`kvdeck serve: ${e.message}\n\n${SERVE_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const warning = exposureWarning(opts.host ?? '127.0.0.1');
  if (warning) process.stderr.write(warning);
  let emu: RunningEmulator;
  try {
    emu = await startEmulator(opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use (try --port 0)` : err.message;
    process.stderr.write(`kvdeck serve: cannot start: ${why}\n`);
    return 1;
  }
  if (opts.readyFile) {
    const tmp = `${opts.readyFile}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(emu.readyInfo(), null, 2)}\n`);
    renameSync(tmp, opts.readyFile);
  }
  process.stdout.write(`${banner(emu, opts)}\n`);

  return await new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping${opts.statePath ? ', saving state' : ''}…\n`);
      emu.close().then(
        () => resolveExit(0),
        (e) => {
          process.stderr.write(`kvdeck serve: error while stopping: ${(e as Error).message}\n`);
          resolveExit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
