import type { KeysApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';
import { memoryLifecycle } from './lifecycle.js';

export function memoryKeys(engine: Engine, ctx: CallContext): KeysApi {
  const k = engine.keys;
  return {
    ...memoryLifecycle(k, ctx),
    create: (vault, name, input, o) => run(o, () => k.create(ctx, vault.name, name, input)),
    import: (vault, name, input, o) => run(o, () => k.import(ctx, vault.name, name, input)),
    update: (vault, name, version, input, o) => run(o, () => k.update(ctx, vault.name, name, version, input)),
    rotate: (vault, name, o) => run(o, () => k.rotate(ctx, vault.name, name)),
    getRotationPolicy: (vault, name, o) => run(o, () => k.getRotationPolicy(ctx, vault.name, name)),
    updateRotationPolicy: (vault, name, policy, o) => run(o, () => k.setRotationPolicy(ctx, vault.name, name, policy)),
    sign: (vault, name, version, alg, digest, o) => run(o, () => k.sign(ctx, vault.name, name, version, alg, digest)),
    verify: (vault, name, version, alg, digest, sig, o) => run(o, () => k.verify(ctx, vault.name, name, version, alg, digest, sig)),
    encrypt: (vault, name, version, alg, data, o) => run(o, () => k.encrypt(ctx, vault.name, name, version, alg, data)),
    decrypt: (vault, name, version, alg, data, o) => run(o, () => k.decrypt(ctx, vault.name, name, version, alg, data)),
    wrapKey: (vault, name, version, alg, data, o) => run(o, () => k.wrapKey(ctx, vault.name, name, version, alg, data)),
    unwrapKey: (vault, name, version, alg, data, o) => run(o, () => k.unwrapKey(ctx, vault.name, name, version, alg, data)),
  };
}
