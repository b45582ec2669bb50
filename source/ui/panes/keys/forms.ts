/** The key forms: new key, configure key usage (permitted operations), and the "try it" prompt. */
import type { Backend } from '../../../backend/backend.js';
import { EC_CURVES, KEY_OPERATIONS, KEY_OPERATIONS_FOR, RSA_SIZES, type CurveName, type KeyOperation, type KeyProperties, type KeyType, type KeyVaultKey } from '../../../domain/key.js';
import type { VaultRef } from '../../../domain/vault.js';
import type { FieldSpec, FormSpec, FormValues } from '../../components/form.js';
import { dateValue, nameField, tagsField, tagsValue, validityFields } from '../fields.js';
import { TRY_LABEL, tryOperations, type TryOperation } from './try-it.js';

/** Operations an EC key can have (Key Vault refuses encryption on EC keys). */
const EC_OPS = KEY_OPERATIONS_FOR.EC;
const isEc = (values: FormValues) => String(values.type).startsWith('EC');


/** A checkbox per operation; encryption ones are hidden while EC is chosen. */
const opField = (op: KeyOperation): FieldSpec => ({
  name: `op:${op}`, label: op, kind: 'checkbox', initial: true,
  visible: (v) => !isEc(v) || EC_OPS.includes(op),
});
const chosenOps = (values: FormValues, ec: boolean): KeyOperation[] =>
  KEY_OPERATIONS.filter((op) => values[`op:${op}`] === true && (!ec || EC_OPS.includes(op)));
const atLeastOne = (values: FormValues, ec: boolean) => (chosenOps(values, ec).length === 0 ? 'Choose at least one operation.' : undefined);

export function newKeyForm(backend: Backend, vault: VaultRef, now: () => number, onDone: (k: KeyVaultKey) => void): FormSpec {
  return {
    title: `New key in ${vault.name}`,
    submitLabel: 'create',
    fields: [
      nameField(),
      { name: 'type', label: 'Type', kind: 'select', options: [{ value: 'RSA', label: 'RSA' }, { value: 'EC', label: 'EC (elliptic curve)' }] },
      { name: 'size', label: 'RSA key size', kind: 'select', initial: '2048', options: RSA_SIZES.map((s) => ({ value: String(s), label: `${s} bits` })), visible: (v) => !isEc(v) },
      { name: 'curve', label: 'Curve', kind: 'select', options: EC_CURVES.map((c) => ({ value: c, label: c })), visible: isEc },
      ...KEY_OPERATIONS.map((op) => ({ ...opField(op), validate: op === 'sign' ? (_v: unknown, all: FormValues) => atLeastOne(all, isEc(all)) : undefined })),
      { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: true },
      ...validityFields(now),
      tagsField(),
    ],
    submit: async (values) => {
      const ec = isEc(values);
      const k = await backend.keys.create(vault, String(values.name), {
        keyType: String(values.type) as KeyType,
        ...(ec ? { curve: String(values.curve) as CurveName } : { keySize: Number(values.size) }),
        keyOps: chosenOps(values, ec),
        enabled: values.enabled === true,
        expiresOn: dateValue(values.expires),
        notBefore: dateValue(values.notBefore),
        tags: tagsValue(values.tags),
      });
      onDone(k);
    },
  };
}

/** "Configure key usage": which operations the key permits, whether it is enabled, when it expires. */
export function keyUsageForm(backend: Backend, vault: VaultRef, now: () => number, k: KeyProperties, onDone: (k: KeyVaultKey) => void): FormSpec {
  const ec = k.keyType.startsWith('EC');
  const ops = ec ? EC_OPS : KEY_OPERATIONS;
  return {
    title: `Configure key usage: ${k.name}`,
    submitLabel: 'save',
    fields: [
      ...ops.map((op, i): FieldSpec => ({
        name: `op:${op}`, label: op, kind: 'checkbox', initial: k.keyOps.includes(op),
        validate: i === 0 ? (_v, all) => atLeastOne(all, ec) : undefined,
      })),
      { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: k.enabled },
      ...validityFields(now, k),
      tagsField(k.tags),
    ],
    submit: async (values) => {
      const updated = await backend.keys.update(vault, k.name, undefined, {
        keyOps: chosenOps(values, ec),
        enabled: values.enabled === true,
        expiresOn: dateValue(values.expires) ?? null,
        notBefore: dateValue(values.notBefore) ?? null,
        tags: tagsValue(values.tags),
      });
      onDone(updated);
    },
  };
}

/** Asks what to try and on which text; `run` does the work inside the vault (errors keep the form open). */
export function tryItForm(k: KeyProperties, run: (op: TryOperation, text: string) => Promise<void>): FormSpec {
  const ops = tryOperations(k);
  return {
    title: `Try ${k.name} inside the vault`,
    submitLabel: 'try it',
    fields: [
      { name: 'op', label: 'Operation', kind: 'select', options: ops.map((o) => ({ value: o, label: TRY_LABEL[o] })) },
      {
        name: 'text', label: 'Text', initial: 'Hello from kvdeck',
        visible: (v) => v.op !== 'wrap',
        validate: (v, all) => (all.op === 'wrap' ? undefined : String(v) === '' ? 'Type a short text.' : String(v).length > 190 ? 'At most 190 characters (RSA-OAEP-256 limit for 2048-bit keys).' : undefined),
      },
    ],
    submit: async (values) => run(String(values.op) as TryOperation, String(values.text)),
  };
}
