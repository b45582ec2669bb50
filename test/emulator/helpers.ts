/** Shared by the emulator tests: an emulator per test file, SDK clients that trust its CA, raw HTTPS. */
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { KeyClient } from '@azure/keyvault-keys';
import { SecretClient } from '@azure/keyvault-secrets';
import { ManagementLockClient } from '@azure/arm-locks';
import {
  EmulatorCredential, emulatorAgent, emulatorArmClientOptions, emulatorClientOptions, startEmulator,
  type EmulatorOptions, type RunningEmulator,
} from '../../source/emulator/index.js';
import { DEMO } from '../../source/engine/index.js';
import { MINIMAL_RESOURCE_GROUP as EMULATOR_RESOURCE_GROUP } from '../../source/engine/index.js';
import type { Agent } from 'node:https';

/** One certificate directory for every test run: made once, reused (as users' restarts do). */
export const TEST_CERT_DIR = join(tmpdir(), 'kvdeck-test-certs');
export const OPERATOR = DEMO.principals.operator;
export const SUB = DEMO.subscriptions.production;
export const RG = DEMO.resourceGroups.apps;
export const TENANT = DEMO.tenantId;

export const ALL_PERMISSIONS = { keys: ['all'], secrets: ['all'], certificates: ['all'], storage: [] as string[] };

export interface Harness {
  emu: RunningEmulator;
  /** The resource group tests create vaults in (rg-emulator from an empty seed, rg-apps from the demo). */
  rg: string;
  agent: Agent;
  credential(objectId?: string): EmulatorCredential;
  secrets(vault: string, objectId?: string): SecretClient;
  keys(vault: string, objectId?: string): KeyClient;
  arm(objectId?: string): KeyVaultManagementClient;
  locks(objectId?: string): ManagementLockClient;
  /**
   * Creates a vault over ARM in access-policy mode (said explicitly: arm-keyvault 5 sends 2026-02-01, which
   * makes a vault RBAC-mode by default) with a full access policy for the operator.
   */
  createVault(name: string, extra?: { enablePurgeProtection?: boolean; softDeleteRetentionInDays?: number; objectIds?: string[] }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, certDir: TEST_CERT_DIR, ...options });
  const agent = emulatorAgent(emu);
  const credential = (objectId = OPERATOR) => new EmulatorCredential({ objectId, tenantId: TENANT });
  const noRetry = { retryOptions: { maxRetries: 0 } };
  const h: Harness = {
    emu,
    rg: options.seed === 'empty' ? EMULATOR_RESOURCE_GROUP : RG,
    agent,
    credential,
    secrets: (vault, objectId) => new SecretClient(emu.vaultUrl(vault), credential(objectId), { ...emulatorClientOptions(emu, agent), ...noRetry }),
    keys: (vault, objectId) => new KeyClient(emu.vaultUrl(vault), credential(objectId), { ...emulatorClientOptions(emu, agent), ...noRetry }),
    arm: (objectId) => new KeyVaultManagementClient(credential(objectId), SUB, { ...emulatorArmClientOptions(emu, agent), ...noRetry }),
    locks: (objectId) => new ManagementLockClient(credential(objectId), SUB, { ...emulatorArmClientOptions(emu, agent), ...noRetry }),
    async createVault(name, extra = {}) {
      await h.arm().vaults.beginCreateOrUpdateAndWait(h.rg, name, {
        location: 'westeurope',
        properties: {
          tenantId: TENANT,
          sku: { family: 'A', name: 'standard' },
          enableRbacAuthorization: false,
          enablePurgeProtection: extra.enablePurgeProtection,
          softDeleteRetentionInDays: extra.softDeleteRetentionInDays,
          accessPolicies: (extra.objectIds ?? [OPERATOR]).map((objectId) => ({ tenantId: TENANT, objectId, permissions: ALL_PERMISSIONS })),
        },
      });
    },
    async close() {
      agent.destroy();
      await emu.close();
    },
  };
  return h;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** A raw HTTPS request to the emulator (host decides the plane: 'localhost' or '{vault}.vault.localhost'). */
export function raw(
  h: Harness,
  opts: { method: string; host: string; path: string; headers?: Record<string, string>; body?: string | Buffer; token?: string | null },
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? bearer()}`;
  return new Promise((resolve, reject) => {
    const req = request(
      { method: opts.method, host: opts.host, port: h.emu.port, path: opts.path, headers, agent: h.agent, servername: opts.host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * Every audience the emulator accepts on any plane: a JWT may name several (RFC 7519), which lets
 * one test token serve ARM, Graph and the data plane.
 */
export const ANY_PLANE = ['https://vault.azure.net', 'https://management.azure.com/', 'https://graph.microsoft.com'];

/** An unsigned JWT for the operator (or another principal); `claims` adds or overrides claims. */
export function bearer(oid = OPERATOR, claims: Record<string, unknown> = {}): string {
  const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b({ alg: 'none', typ: 'JWT' })}.${b({ oid, tid: TENANT, aud: ANY_PLANE, ...claims })}.`;
}

/** The error a rejected SDK call carries: status code, Azure's error code and (data plane) inner code. */
export async function rejection(p: Promise<unknown>): Promise<{ statusCode?: number; code?: string; inner?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { statusCode?: number; code?: string; message: string; details?: { error?: { innerError?: { code?: string } } } };
    return { statusCode: err.statusCode, code: err.code, inner: err.details?.error?.innerError?.code, message: err.message };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
