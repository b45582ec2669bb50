/**
 * Secrets on the data plane: the shared lifecycle (objects/versioned-part.ts, get included) plus what
 * only secrets have — a value to set, and attributes to update. Every call authorizes first (access
 * policies or Azure RBAC), then applies Key Vault's rules, and is recorded in the audit log without its value.
 */
import { errors } from '../domain/errors.js';
import {
  MAX_CONTENT_TYPE_LENGTH, secretValueProblem,
  type DeletedSecret, type Secret, type SecretProperties, type SecretSetInput, type SecretUpdateInput,
} from '../domain/secret.js';
import type { CallContext } from './call-context.js';
import type { EngineCore } from './core.js';
import { applyDate, checkTags, nowSeconds, optionalSeconds } from './objects/input.js';
import { secretProperties, SECRET_KIND } from './objects/secret-kind.js';
import { VersionedPart } from './objects/versioned-part.js';
import type { SecretRecord } from './state.js';

export class SecretsPart extends VersionedPart<SecretRecord, SecretProperties, DeletedSecret, SecretProperties, Secret> {
  constructor(core: EngineCore) {
    super(core, SECRET_KIND);
  }

  set(ctx: CallContext, vaultName: string, name: string, input: SecretSetInput): SecretProperties {
    return this.run(ctx, 'Set', vaultName, name, 'set', (vault) => {
      this.checkNew(vault, name, 'set');
      const now = nowSeconds(this.core);
      const v = {
        version: this.core.newVersion(),
        value: checkValue(input.value),
        contentType: checkContentType(input.contentType),
        tags: checkTags(input.tags),
        enabled: input.enabled ?? true,
        notBefore: optionalSeconds(input.notBefore, 'notBefore'),
        expiresOn: optionalSeconds(input.expiresOn, 'expiresOn'),
        created: now,
        updated: now,
      };
      const r = this.store(vault).addVersion(name, v);
      return secretProperties(this.core, vault, r.name, v);
    });
  }

  update(ctx: CallContext, vaultName: string, name: string, version: string | undefined, input: SecretUpdateInput): SecretProperties {
    return this.run(ctx, 'Update', vaultName, name, 'update', (vault) => {
      const { record, v } = this.version(vault, name, version);
      this.mutable(record, 'update');
      // Validate everything before changing anything.
      const contentType = input.contentType === undefined ? v.contentType : checkContentType(input.contentType);
      const tags = input.tags === undefined ? v.tags : checkTags(input.tags);
      const notBefore = applyDate(v.notBefore, input.notBefore, 'notBefore');
      const expiresOn = applyDate(v.expiresOn, input.expiresOn, 'expiresOn');
      this.store(vault).updateVersion(record, v, {
        contentType, tags, notBefore, expiresOn, enabled: input.enabled ?? v.enabled, updated: nowSeconds(this.core),
      });
      return secretProperties(this.core, vault, record.name, v);
    }, 200, version);
  }
}

function checkValue(value: unknown): string {
  if (typeof value !== 'string') throw errors.badParameter('The secret value must be a string.');
  const problem = secretValueProblem(value);
  if (problem) throw errors.badParameter(problem);
  return value;
}

function checkContentType(contentType: string | undefined): string | undefined {
  if (contentType !== undefined && contentType.length > MAX_CONTENT_TYPE_LENGTH) {
    throw errors.badParameter(`The content type is ${contentType.length} characters long; at most ${MAX_CONTENT_TYPE_LENGTH} are allowed.`);
  }
  return contentType;
}
