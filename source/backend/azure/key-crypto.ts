/**
 * sign / verify / encrypt / decrypt / wrapKey / unwrapKey through @azure/keyvault-keys'
 * CryptographyClient, always done by the vault (see AzureContext.crypto).
 */
import type { CallOptions } from '../backend.js';
import { keyId } from '../../domain/ids.js';
import type { EncryptionAlgorithm, KeyOperationResult, SignatureAlgorithm } from '../../domain/key.js';
import type { VaultRef } from '../../domain/vault.js';
import type { AzureContext } from './context.js';

export class AzureKeyCrypto {
  constructor(protected readonly ctx: AzureContext) {}

  private op<T>(
    operation: string,
    vault: VaultRef,
    name: string,
    version: string | undefined,
    o: CallOptions | undefined,
    fn: (client: Awaited<ReturnType<AzureContext['crypto']>>, abortSignal: AbortSignal, kid: string) => Promise<T>,
  ): Promise<T> {
    const kid = keyId(vault.vaultUri, name, version);
    return this.ctx.run({ operation, vaultName: vault.name, target: kid }, o, async (abortSignal) =>
      fn(await this.ctx.crypto(kid, name), abortSignal, kid),
    );
  }

  sign(vault: VaultRef, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array, o?: CallOptions): Promise<KeyOperationResult> {
    return this.op('KeySign', vault, name, version, o, async (c, abortSignal, kid) => {
      const r = await c.sign(algorithm, digest, { abortSignal });
      return { kid: r.keyID ?? kid, result: r.result };
    });
  }

  verify(vault: VaultRef, name: string, version: string | undefined, algorithm: SignatureAlgorithm, digest: Uint8Array, signature: Uint8Array, o?: CallOptions): Promise<boolean> {
    return this.op('KeyVerify', vault, name, version, o, async (c, abortSignal) => (await c.verify(algorithm, digest, signature, { abortSignal })).result);
  }

  encrypt(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, plaintext: Uint8Array, o?: CallOptions): Promise<KeyOperationResult> {
    return this.op('KeyEncrypt', vault, name, version, o, async (c, abortSignal, kid) => {
      const r = await c.encrypt({ algorithm, plaintext }, { abortSignal });
      return { kid: (r as { keyID?: string }).keyID ?? kid, result: r.result };
    });
  }

  decrypt(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, ciphertext: Uint8Array, o?: CallOptions): Promise<KeyOperationResult> {
    return this.op('KeyDecrypt', vault, name, version, o, async (c, abortSignal, kid) => {
      const r = await c.decrypt({ algorithm, ciphertext }, { abortSignal });
      return { kid: r.keyID ?? kid, result: r.result };
    });
  }

  wrapKey(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, key: Uint8Array, o?: CallOptions): Promise<KeyOperationResult> {
    return this.op('KeyWrap', vault, name, version, o, async (c, abortSignal, kid) => {
      const r = await c.wrapKey(algorithm, key, { abortSignal });
      return { kid: r.keyID ?? kid, result: r.result };
    });
  }

  unwrapKey(vault: VaultRef, name: string, version: string | undefined, algorithm: EncryptionAlgorithm, wrapped: Uint8Array, o?: CallOptions): Promise<KeyOperationResult> {
    return this.op('KeyUnwrap', vault, name, version, o, async (c, abortSignal, kid) => {
      const r = await c.unwrapKey(algorithm, wrapped, { abortSignal });
      return { kid: r.keyID ?? kid, result: r.result };
    });
  }
}
