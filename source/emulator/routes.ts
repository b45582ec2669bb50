/**
 * The route tables: ARM (https://localhost:PORT), Microsoft Graph (the same host, under /v1.0) and the
 * data plane (https://{vault}.vault.localhost:PORT).
 */
import type { Engine } from '../engine/index.js';
import { KeyVaultError } from '../domain/errors.js';
import { addDeletedVaultRoutes } from './arm/deleted-vaults.js';
import { addDiagnosticRoutes } from './arm/diagnostics.js';
import { addLockRoutes } from './arm/locks.js';
import { addRoleAssignmentRoutes } from './arm/role-assignments.js';
import { addSubscriptionRoutes } from './arm/subscriptions.js';
import { addVaultRoutes } from './arm/vaults.js';
import { resourceGroupBody } from './arm/wire.js';
import { addCertificateRoutes, addCertificateSettingsRoutes } from './data/certificates.js';
import { addKeyRoutes } from './data/keys.js';
import { KIND_WIRES, type KindWire } from './data/kinds.js';
import { addLifecycleGet, addLifecycleRoutes } from './data/lifecycle.js';
import type { ObjectKind } from '../domain/object-kind.js';
import { addSecretRoutes } from './data/secrets.js';
import { addGraphRoutes } from './graph.js';
import { objectBody } from './http.js';
import { callerOf, Router } from './router.js';

export function armRouter(engine: Engine): Router {
  const r = new Router();
  addSubscriptionRoutes(r);
  r.add('PUT', '/subscriptions/{}/resourcegroups/{}', (ctx, [sub, rg]) => {
    const body = objectBody(ctx.body);
    if (typeof body.location !== 'string' || !body.location) throw new KeyVaultError(400, 'LocationRequired', 'The location property is required for this definition.');
    if (!/^[-\w._()]{1,90}$/.test(rg) || rg.endsWith('.')) throw new KeyVaultError(400, 'InvalidResourceGroupName', `The resource group name '${rg}' is invalid.`);
    const { group, created } = engine.directory.putResourceGroup(callerOf(ctx), sub, rg, body.location);
    return { status: created ? 201 : 200, body: resourceGroupBody(group) };
  }, 'resources');
  addVaultRoutes(r);
  addDeletedVaultRoutes(r);
  addLockRoutes(r);
  addRoleAssignmentRoutes(r, engine);
  addDiagnosticRoutes(r, engine);
  return r;
}

/** Microsoft Graph's directory reads, on the ARM host under /v1.0 (no api-version). */
export function graphRouter(): Router {
  const r = new Router();
  addGraphRoutes(r);
  return r;
}

export function dataRouter(): Router {
  const r = new Router();
  // Certificates' own paths first (contacts, issuers, /{name}/policy, /{name}/pending: the shared get would
  // read them as names and versions); then the shared lifecycle, for every kind (before the keys'
  // /keys/{name}/{op}, which would read /backup as an operation); then what secrets and keys add.
  addCertificateSettingsRoutes(r);
  addCertificateRoutes(r);
  const wires = Object.values(KIND_WIRES) as KindWire<ObjectKind>[];
  for (const wire of wires) addLifecycleRoutes(r, wire);
  addSecretRoutes(r);
  addKeyRoutes(r);
  // Last: the shared get would read every kind's literal sub-paths as versions.
  for (const wire of wires) addLifecycleGet(r, wire);
  return r;
}
