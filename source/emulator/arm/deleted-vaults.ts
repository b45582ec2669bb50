/** Soft-deleted vaults on ARM: list, get and purge (a long-running operation that finishes at once). */
import type { Router } from '../router.js';
import { deletedVaultBody } from './wire.js';

const DELETED = '/subscriptions/{}/providers/microsoft.keyvault/locations/{}/deletedvaults/{}';

export function addDeletedVaultRoutes(r: Router): void {
  r.add('GET', '/subscriptions/{}/providers/microsoft.keyvault/deletedvaults', async (ctx, [sub]) => ({
    status: 200,
    body: { value: (await ctx.backend.deleted.listVaults(sub)).map(deletedVaultBody) },
  }), 'keyvault');
  r.add('GET', DELETED, async (ctx, [sub, location, name]) => ({
    status: 200,
    body: deletedVaultBody(await ctx.backend.deleted.getVault(sub, location, name)),
  }), 'keyvault');
  r.add('POST', `${DELETED}/purge`, async (ctx, [sub, location, name]) => {
    const deleted = await ctx.backend.deleted.getVault(sub, location, name);
    await ctx.backend.deleted.purgeVault(deleted);
    return { status: 200 };
  }, 'keyvault');
}
