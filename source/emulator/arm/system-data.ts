/**
 * ARM's systemData: who created a resource and who changed it last, with the kind of identity and
 * the times. The engine records the caller's object and application ids; the directory says whether
 * that is a user (named by UPN), an application (by application id) or a managed identity.
 */
import type { Principal } from '../../domain/directory.js';
import type { ChangeActor, Vault } from '../../domain/vault.js';

export interface Author {
  by: string;
  byType: 'User' | 'Application' | 'ManagedIdentity';
}

export type AuthorOf = (actor: ChangeActor) => Author;

export function authorsFrom(principals: readonly Principal[]): AuthorOf {
  const byId = new Map(principals.map((p) => [p.objectId.toLowerCase(), p]));
  return (actor) => {
    const p = byId.get(actor.objectId.toLowerCase());
    if (p?.kind === 'user') return { by: p.upn ?? p.objectId, byType: 'User' };
    if (p?.kind === 'managedIdentity') return { by: p.objectId, byType: 'ManagedIdentity' };
    if (p?.kind === 'application' || actor.appId) return { by: p?.appId ?? actor.appId ?? actor.objectId, byType: 'Application' };
    return { by: actor.objectId, byType: 'User' };
  };
}

/** Azure writes seven decimals: 2020-01-01T12:00:00.0000000Z. */
const armTime = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

export function systemDataOf(v: Vault, authorOf: AuthorOf) {
  if (!v.createdOn) return undefined;
  const created = v.createdBy ? authorOf(v.createdBy) : undefined;
  // Never changed since creation: Azure reports the creation as the last modification.
  const modified = v.lastModifiedBy ? authorOf(v.lastModifiedBy) : created;
  return {
    ...(created ? { createdBy: created.by, createdByType: created.byType } : {}),
    createdAt: armTime(v.createdOn),
    ...(modified ? { lastModifiedBy: modified.by, lastModifiedByType: modified.byType } : {}),
    lastModifiedAt: armTime(v.lastModifiedOn ?? v.createdOn),
  };
}
