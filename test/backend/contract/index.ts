/**
 * The backend contract: one suite every Backend passes, over the demo seed. Each area lives in its
 * own file; runBackendContract registers them all under one describe block.
 */
import { after, before, describe } from 'node:test';
import type { Backend } from '../../../source/backend/backend.js';
import { accessContract } from './access.js';
import { auditContract } from './audit.js';
import { certificatesContract } from './certificates.js';
import { makeContext } from './context.js';
import { deletedVaultsContract } from './deleted-vaults.js';
import { directoryContract } from './directory.js';
import { keysContract } from './keys.js';
import { lifecycleContract } from './lifecycle.js';
import { locksContract } from './locks.js';
import { policiesContract } from './policies.js';
import { secretsContract } from './secrets.js';
import { vaultsContract } from './vaults.js';

export type { ContractContext } from './context.js';

export interface ContractSubject {
  backend: Backend;
  asPrincipal(objectId: string): Promise<Backend>;
  close(): Promise<void>;
  /** False where the directory cannot name principals (an ADFS stamp has no Microsoft Graph). Default true. */
  namesPrincipals?: boolean;
}

export function runBackendContract(name: string, makeBackend: () => Promise<ContractSubject>): void {
  describe(`backend contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    before(async () => {
      subject = await makeBackend();
    });
    after(async () => {
      await subject?.close();
    });
    const ctx = makeContext(
      () => {
        if (!subject) throw new Error('the backend is not ready (use ctx.backend() inside tests)');
        return subject.backend;
      },
      (oid) => subject!.asPrincipal(oid),
      () => subject?.namesPrincipals ?? true,
    );
    directoryContract(ctx);
    vaultsContract(ctx);
    policiesContract(ctx);
    locksContract(ctx);
    accessContract(ctx);
    deletedVaultsContract(ctx);
    auditContract(ctx);
    secretsContract(ctx);
    keysContract(ctx);
    certificatesContract(ctx);
    lifecycleContract(ctx);
  });
}
