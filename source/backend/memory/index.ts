/**
 * The memory backend: the Backend interface over an in-process Engine, acting as one principal
 * (default: the demo Operator). Engine calls are synchronous; each is wrapped in a promise and refused
 * when the caller's AbortSignal has already fired.
 */
import type { Backend } from '../backend.js';
import type { Engine } from '../../engine/engine.js';
import { DEMO } from '../../engine/seed/demo-ids.js';
import { contextOf, type MemoryCaller } from './call.js';
import { memoryAccess } from './access.js';
import { memoryAudit } from './audit.js';
import { memoryCertificates } from './certificates.js';
import { memoryDeleted } from './deleted.js';
import { memoryDirectory } from './directory.js';
import { memoryKeys } from './keys.js';
import { memoryLocks } from './locks.js';
import { memoryPolicies } from './policies.js';
import { memorySecrets } from './secrets.js';
import { memoryVaults } from './vaults.js';

export type { MemoryCaller } from './call.js';

export function createMemoryBackend(engine: Engine, caller: MemoryCaller = { objectId: DEMO.principals.operator }): Backend {
  const ctx = contextOf(caller);
  const identity = engine.directory.identity(ctx);
  return {
    info: {
      kind: 'demo',
      label: caller.label ?? 'Demo engine',
      identity,
      features: { softDeleteRetentionDays: true, rbacAuthorization: true, purgeProtection: true, keyRotationPolicy: true, networkRules: true },
    },
    directory: memoryDirectory(engine, ctx),
    vaults: memoryVaults(engine, ctx),
    secrets: memorySecrets(engine, ctx),
    keys: memoryKeys(engine, ctx),
    certificates: memoryCertificates(engine, ctx),
    policies: memoryPolicies(engine, ctx),
    locks: memoryLocks(engine, ctx),
    access: memoryAccess(engine, ctx),
    deleted: memoryDeleted(engine, ctx),
    audit: memoryAudit(engine, ctx),
  };
}
