/** Cloud profiles and the one RestError → KeyVaultError mapping, with real RestError objects from the SDK. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpHeaders, createPipelineRequest, RestError, type PipelineResponse } from '@azure/core-rest-pipeline';
import { builtInCloud, cloudFromMetadata, deriveVaultSuffix, HYBRID_API, scopeFor, vaultUriIn } from '../../source/backend/azure/clouds.js';
import { ConnectionError, mapSdkError, parseRetryAfter } from '../../source/backend/azure/errors.js';
import { describeDiagnostics } from '../../source/backend/azure/audit.js';
import { decodeClaims, identityFromClaims } from '../../source/backend/azure/identity.js';
import { errors, KeyVaultError } from '../../source/domain/errors.js';

function restError(status: number, body: unknown, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({ url: 'https://contoso-app-kv.vault.azure.net/secrets/x' });
  const response: PipelineResponse = { request, status, headers: createHttpHeaders(headers), bodyAsText: typeof body === 'string' ? body : JSON.stringify(body) };
  return new RestError('the SDK message', { statusCode: status, request, response });
}

describe('clouds', () => {
  it('knows the public and sovereign clouds: ARM endpoint, audience, authority, Key Vault suffix', () => {
    const pub = builtInCloud(undefined);
    assert.equal(pub.armEndpoint, 'https://management.azure.com');
    assert.equal(pub.armScope, 'https://management.core.windows.net/.default');
    assert.equal(pub.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(vaultUriIn(pub, 'Contoso-App-KV'), 'https://contoso-app-kv.vault.azure.net/');
    const gov = builtInCloud('azureusgovernment');
    assert.equal(gov.armEndpoint, 'https://management.usgovcloudapi.net');
    assert.equal(gov.authorityHost, 'https://login.microsoftonline.us');
    assert.equal(gov.keyVaultDnsSuffix, 'vault.usgovcloudapi.net');
    const cn = builtInCloud('AzureChinaCloud');
    assert.equal(cn.armEndpoint, 'https://management.chinacloudapi.cn');
    assert.equal(cn.authorityHost, 'https://login.chinacloudapi.cn');
    assert.equal(cn.keyVaultDnsSuffix, 'vault.azure.cn');
    assert.throws(() => builtInCloud('Mars'), /Unknown cloud 'Mars'/);
  });

  it('reads an ADFS Stack Hub stamp from its metadata: authority host, tenant adfs, audience, derived suffix, hybrid APIs', () => {
    const c = cloudFromMetadata('https://management.local.azurestack.external/', {
      authentication: { loginEndpoint: 'https://adfs.local.azurestack.external/adfs/', audiences: ['https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155'] },
    });
    assert.equal(c.adfs, true);
    assert.equal(c.authorityHost, 'https://adfs.local.azurestack.external');
    assert.equal(c.armScope, 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155/.default');
    assert.equal(c.keyVaultDnsSuffix, 'vault.local.azurestack.external');
    assert.deepEqual(c.apiVersions, HYBRID_API);
    assert.equal(c.features.softDeleteRetentionDays, false);
    assert.equal(c.features.rbacAuthorization, false);
  });

  it('reads an Entra-backed Stack Hub stamp (not ADFS) and refuses metadata without a login endpoint', () => {
    const c = cloudFromMetadata('https://management.region.contoso.com', {
      authentication: { loginEndpoint: 'https://login.microsoftonline.com/', audiences: ['https://management.contoso.onmicrosoft.com/abc'] },
    });
    assert.equal(c.adfs, false);
    assert.equal(c.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(deriveVaultSuffix('management.region.contoso.com'), 'vault.region.contoso.com');
    assert.throws(() => cloudFromMetadata('https://x', {}), /login endpoint/);
    assert.equal(scopeFor('https://a/'), 'https://a/.default');
  });
});

describe('RestError → KeyVaultError (errors.ts)', () => {
  it('keeps status, code, inner code and Azure\'s message from the body', () => {
    const e = mapSdkError(restError(403, errors.secretDisabled().toBody()));
    assert.ok(e instanceof KeyVaultError);
    assert.equal(e.status, 403);
    assert.equal(e.code, 'Forbidden');
    assert.equal(e.innerCode, 'SecretDisabled');
    assert.equal(e.message, 'Operation get is not allowed on a disabled secret.');
  });

  it('maps ARM lock refusals and not-found the same way the engine raises them', () => {
    const locked = errors.scopeLocked('/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v', 'delete', ['/subscriptions/s']);
    const e = mapSdkError(restError(409, locked.toBody())) as KeyVaultError;
    assert.deepEqual([e.status, e.code, e.message], [409, 'ScopeLocked', locked.message]);
    const nf = mapSdkError(restError(404, errors.secretNotFound('x').toBody())) as KeyVaultError;
    assert.deepEqual([nf.status, nf.code, nf.message], [404, 'SecretNotFound', errors.secretNotFound('x').message]);
  });

  it('carries Retry-After of a 429 (seconds or HTTP date)', () => {
    const e = mapSdkError(restError(429, errors.throttled(7).toBody(), { 'retry-after': '7' })) as KeyVaultError;
    assert.deepEqual([e.status, e.code, e.innerCode, e.retryAfterSeconds], [429, 'Throttled', 'TooManyRequests', 7]);
    assert.equal(parseRetryAfter(new Date(Date.now() + 5000).toUTCString()), 5);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it('a body that is not JSON keeps the status and the SDK\'s message; a request that never got an answer is a ConnectionError', () => {
    const e = mapSdkError(restError(502, '<html>bad gateway</html>')) as KeyVaultError;
    assert.deepEqual([e.status, e.code, e.message], [502, 'Http502', 'the SDK message']);
    const refused = mapSdkError(new RestError('connect ECONNREFUSED 127.0.0.1:8443', { code: 'ECONNREFUSED' }));
    assert.ok(refused instanceof ConnectionError);
    assert.equal(refused.failure, 'refused');
  });

  it('lets aborts and KeyVaultErrors through untouched', () => {
    const abort = new DOMException('aborted', 'AbortError');
    assert.equal(mapSdkError(abort), abort);
    const kv = errors.keyNotFound('k');
    assert.equal(mapSdkError(kv), kv);
  });
});

describe('identity and diagnostics', () => {
  it('reads oid, name, upn and tid from the token claims', () => {
    const payload = Buffer.from(JSON.stringify({ oid: 'o1', tid: 't1', name: 'Ops Person', upn: 'ops@contoso.com' })).toString('base64url');
    const id = identityFromClaims(decodeClaims(`e30.${payload}.sig`)!);
    assert.deepEqual(id, { objectId: 'o1', tenantId: 't1', displayName: 'Ops Person', upn: 'ops@contoso.com', appId: undefined });
    assert.equal(decodeClaims('opaque-token'), undefined);
  });

  it('names where AuditEvent logs go, or says they go nowhere', () => {
    assert.match(describeDiagnostics('kv1', []), /sends its AuditEvent log nowhere/);
    const s = describeDiagnostics('kv1', [{ name: 'to-law', properties: { workspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law1', logs: [{ category: 'AuditEvent', enabled: true }] } }]);
    assert.match(s, /Log Analytics workspace law1 \(diagnostic setting 'to-law'\)/);
  });
});
