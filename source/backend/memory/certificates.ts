import type { CertificatesApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';
import { memoryLifecycle } from './lifecycle.js';

export function memoryCertificates(engine: Engine, ctx: CallContext): CertificatesApi {
  const c = engine.certificates;
  const s = engine.certificateSettings;
  return {
    ...memoryLifecycle(c, ctx),
    create: (vault, name, input, o) => run(o, () => c.create(ctx, vault.name, name, input)),
    import: (vault, name, input, o) => run(o, () => c.import(ctx, vault.name, name, input)),
    update: (vault, name, version, input, o) => run(o, () => c.update(ctx, vault.name, name, version, input)),
    getPolicy: (vault, name, o) => run(o, () => c.getPolicy(ctx, vault.name, name)),
    updatePolicy: (vault, name, patch, o) => run(o, () => c.updatePolicy(ctx, vault.name, name, patch)),
    getOperation: (vault, name, o) => run(o, () => c.getOperation(ctx, vault.name, name)),
    cancelOperation: (vault, name, o) => run(o, () => c.cancelOperation(ctx, vault.name, name)),
    deleteOperation: (vault, name, o) => run(o, () => c.deleteOperation(ctx, vault.name, name)),
    merge: (vault, name, input, o) => run(o, () => c.merge(ctx, vault.name, name, input)),
    getContacts: (vault, o) => run(o, () => s.getContacts(ctx, vault.name)),
    setContacts: (vault, contacts, o) => run(o, () => s.setContacts(ctx, vault.name, contacts)),
    deleteContacts: (vault, o) => run(o, () => s.deleteContacts(ctx, vault.name)),
    listIssuers: (vault, o) => run(o, () => s.listIssuers(ctx, vault.name)),
    getIssuer: (vault, name, o) => run(o, () => s.getIssuer(ctx, vault.name, name)),
    setIssuer: (vault, name, input, update, o) => run(o, () => s.setIssuer(ctx, vault.name, name, input, update)),
    deleteIssuer: (vault, name, o) => run(o, () => s.deleteIssuer(ctx, vault.name, name)),
  };
}
