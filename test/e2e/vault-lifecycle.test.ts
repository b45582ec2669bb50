/** Vaults on the demo engine: recover from the bin, purge protection, a lock that blocks deletion. */
import { test } from 'node:test';
import { launch } from './helpers.js';
import { lockBlocksDelete, purgeProtectionRefusal, recoverDeletedVault, removeLockThenDelete } from './scenarios.js';

test('recovering billing-old-kv from the bin brings it back with its secret invoice-api-key', async (t) => {
  await recoverDeletedVault(await launch(t));
});

test('purging ase-edge00-kv is refused up front: purge protection, and the date it will be purged', async (t) => {
  await purgeProtectionRefusal(await launch(t));
});

test('deleting ase-edge01-kv names the blocking lock; after removing it in the Locks pane the delete works and the vault is in the bin', async (t) => {
  const term = await launch(t);
  await lockBlocksDelete(term);
  await removeLockThenDelete(term);
});
