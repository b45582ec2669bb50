/**
 * Network rules (issue 13): public network access and the vault firewall decide data-plane calls by the
 * client's address, with Azure's ForbiddenByFirewall / ForbiddenByConnection texts; the management plane
 * ignores them; a ReadOnly lock keeps them from changing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkExposure, networkRefusal } from '../../source/domain/network.js';
import { DEMO } from '../../source/engine/index.js';
import { appKv, CURRENT_DEFAULTS, demoEngine, newVaultInput, operator, sharedKv, throwsKv } from './helpers/engine.js';

const from = (clientAddress: string) => ({ ...operator, clientAddress });
const firewall = (ipRules: string[]) => ({ defaultAction: 'Deny' as const, bypass: 'AzureServices' as const, ipRules: ipRules.map((value) => ({ value })), virtualNetworkRules: [] });

describe('network rules on the data plane', () => {
  it('a Deny firewall refuses an address no IP rule names, with the client address in Azure\'s words', () => {
    const { engine } = demoEngine();
    engine.vaults.create(operator, newVaultInput('fw-kv', { networkAcls: firewall(['198.51.100.0/24']) }), CURRENT_DEFAULTS);
    engine.secrets.set(from('198.51.100.7'), 'fw-kv', 's', { value: 'v' });
    const e = throwsKv(() => engine.secrets.get(from('192.0.2.1'), 'fw-kv', 's'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByFirewall' });
    assert.equal(e.message, `Client address is not authorized and caller is not a trusted service.\r\nClient address: 192.0.2.1\r\nCaller: appid=${operator.objectId};oid=${operator.objectId};iss=https://sts.windows.net/${DEMO.tenantId}/\r\nVault: fw-kv;location=westeurope`);
  });

  it('an IPv4-mapped IPv6 address (as sockets report it) matches its IPv4 rule', () => {
    const { engine } = demoEngine();
    engine.vaults.create(operator, newVaultInput('fw6-kv', { networkAcls: firewall(['127.0.0.1']) }), CURRENT_DEFAULTS);
    assert.doesNotThrow(() => engine.secrets.set(from('::ffff:127.0.0.1'), 'fw6-kv', 's', { value: 'v' }));
    throwsKv(() => engine.secrets.listPage(from('::ffff:127.0.0.2'), 'fw6-kv'), { status: 403, code: 'Forbidden', innerCode: 'ForbiddenByFirewall', message: /Client address: 127\.0\.0\.2\r\n/ });
  });

  it('public network access disabled refuses every data-plane caller (ForbiddenByConnection); the management plane still works', () => {
    const { engine } = demoEngine();
    const v = engine.vaults.create(operator, newVaultInput('private-kv', { publicNetworkAccess: 'Disabled' }), CURRENT_DEFAULTS);
    throwsKv(() => engine.secrets.set(from('198.51.100.7'), 'private-kv', 's', { value: 'v' }), {
      status: 403, code: 'Forbidden', innerCode: 'ForbiddenByConnection', message: /^Public network access is disabled and request is not from a trusted service nor via an approved private link\.\r\n/,
    });
    assert.equal(engine.vaults.get(operator, v).publicNetworkAccess, 'Disabled');
    assert.equal(networkExposure(engine.vaults.get(operator, v)), 'private');
  });

  it('network rules are kept as set, can be removed, and an invalid IP rule is refused', () => {
    const { engine } = demoEngine();
    const v = engine.vaults.create(operator, newVaultInput('kept-kv', { networkAcls: firewall(['203.0.113.0/24']), enabledForDeployment: true }), CURRENT_DEFAULTS);
    const got = engine.vaults.get(operator, v);
    assert.deepEqual(got.networkAcls, firewall(['203.0.113.0/24']));
    assert.equal(got.enabledForDeployment, true);
    assert.equal(got.enabledForDiskEncryption, false);
    assert.equal(networkExposure(got), 'firewall');
    assert.equal(engine.vaults.update(operator, v, { networkAcls: null }).networkAcls, undefined);
    throwsKv(() => engine.vaults.update(operator, v, { networkAcls: firewall(['300.1.1.1']) }), { status: 400, code: 'BadRequest', message: /not an IPv4 address or CIDR/ });
  });

  it('a ReadOnly lock keeps the network rules from changing', () => {
    const { engine } = demoEngine();
    throwsKv(() => engine.vaults.update(operator, sharedKv, { networkAcls: firewall(['203.0.113.10']) }), { status: 409, code: 'ScopeLocked' });
  });

  it('the console (in process) calls from the demo\'s documented address, and the demo vaults are open', () => {
    const { engine } = demoEngine();
    assert.equal(networkRefusal(engine.vaults.get(operator, appKv), DEMO.consoleAddress), undefined);
  });
});
