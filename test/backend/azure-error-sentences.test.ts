/**
 * errors.ts's words for what the network and @azure/identity throw, for the failures a test machine
 * cannot stage for real (an expired certificate, a reset connection, Entra's refusals). The refused
 * connection, the untrusted certificate, the unknown host and the timeout are staged for real in
 * azure-network.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestError, createPipelineRequest } from '@azure/core-rest-pipeline';
import { ConnectionError, mapSdkError, SignInError, signInErrors } from '../../source/backend/azure/errors.js';
import { explainError } from '../../source/ui/explain-error.js';

const sendError = (code: string, url = 'https://contoso-app-kv.vault.azure.net/secrets/x?api-version=7.6') =>
  new RestError(`${code}: the socket said so`, { code, request: createPipelineRequest({ url }) });
/** What @azure/identity throws, by name (the bundle may hold its own copy of the classes). */
const identityError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('a request that got no answer, in words', () => {
  const cases: [string, string][] = [
    ['CERT_HAS_EXPIRED', 'The certificate of https://contoso-app-kv.vault.azure.net has expired.'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'The certificate of https://contoso-app-kv.vault.azure.net is not for that host name.'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'The certificate of https://contoso-app-kv.vault.azure.net is not trusted (pass --ca).'],
    ['ENOTFOUND', 'Cannot reach https://contoso-app-kv.vault.azure.net (no such host: contoso-app-kv.vault.azure.net).'],
    ['EAI_AGAIN', 'Cannot reach https://contoso-app-kv.vault.azure.net (the name server did not answer; check the network and DNS).'],
    ['ETIMEDOUT', 'Cannot reach https://contoso-app-kv.vault.azure.net (the connection timed out).'],
    ['ECONNRESET', 'Lost the connection to https://contoso-app-kv.vault.azure.net (it was reset before an answer came).'],
  ];
  for (const [code, sentence] of cases) {
    it(`${code} names what happened and the endpoint`, () => {
      const e = mapSdkError(sendError(code));
      assert.ok(e instanceof ConnectionError);
      assert.equal(explainError(e), sentence);
    });
  }
});

describe('a sign-in that could not happen, in words', () => {
  it('the Azure CLI missing or signed out says so', () => {
    const missing = mapSdkError(identityError('CredentialUnavailableError', "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'."));
    assert.ok(missing instanceof SignInError);
    assert.equal(explainError(missing), signInErrors.cliMissing().message);
    const loggedOut = mapSdkError(identityError('CredentialUnavailableError', "Please run 'az login' from a command prompt to authenticate before using this credential."));
    assert.equal(explainError(loggedOut), 'The Azure CLI is not signed in: run az login, then start kvdeck again.');
  });

  it('Entra\'s refusal keeps its first line, after "Sign-in failed"', () => {
    const e = mapSdkError(identityError('AuthenticationError', 'AADSTS7000215: Invalid client secret provided.\nTrace ID: 1234'));
    assert.ok(e instanceof SignInError);
    assert.equal(e.message, 'Sign-in failed: AADSTS7000215: Invalid client secret provided.');
  });
});
