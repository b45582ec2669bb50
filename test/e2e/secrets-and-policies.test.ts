/** Secrets and access policies on the demo engine, by keys alone. */
import { test } from 'node:test';
import { launch } from './helpers.js';
import { deleteThenRecoverSecret, grantSecretsSet } from './scenarios.js';

test('a deleted secret goes to the bin and r brings it back to the Secrets pane', async (t) => {
  await deleteThenRecoverSecret(await launch(t));
});

test('granting contoso-web-app secrets/set shows in the access policies pane', async (t) => {
  await grantSecretsSet(await launch(t));
});
