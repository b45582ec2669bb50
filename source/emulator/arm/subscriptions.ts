/** The directory on ARM: tenants, subscriptions, resource groups. */
import { KeyVaultError } from '../../domain/errors.js';
import type { Router } from '../router.js';
import { resourceGroupBody, subscriptionBody, tenantBody } from './wire.js';

export function addSubscriptionRoutes(r: Router): void {
  r.add('GET', '/tenants', async (ctx) => ({ status: 200, body: { value: (await ctx.backend.directory.listTenants()).map(tenantBody) } }), 'subscriptions');
  r.add('GET', '/subscriptions', async (ctx) => ({
    status: 200,
    body: { value: (await ctx.backend.directory.listSubscriptions()).map(subscriptionBody) },
  }), 'subscriptions');
  r.add('GET', '/subscriptions/{}', async (ctx, [id]) => {
    const s = (await ctx.backend.directory.listSubscriptions()).find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!s) throw new KeyVaultError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
    return { status: 200, body: subscriptionBody(s) };
  }, 'subscriptions');
  r.add('GET', '/subscriptions/{}/resourcegroups', async (ctx, [sub]) => ({
    status: 200,
    body: { value: (await ctx.backend.directory.listResourceGroups(sub)).map(resourceGroupBody) },
  }), 'resources');
  r.add('GET', '/subscriptions/{}/resourcegroups/{}', async (ctx, [sub, rg]) => {
    const g = (await ctx.backend.directory.listResourceGroups(sub)).find((x) => x.name.toLowerCase() === rg.toLowerCase());
    if (!g) throw new KeyVaultError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
    return { status: 200, body: resourceGroupBody(g) };
  }, 'resources');
}
