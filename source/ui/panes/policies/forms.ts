/** The add-policy form: who (from the directory, or an objectId typed in) and what (a portal template, or one by one). */
import type { Backend } from '../../../backend/backend.js';
import { PERMISSION_TEMPLATES, type AccessPolicy } from '../../../domain/access-policy.js';
import type { Principal } from '../../../domain/directory.js';
import type { Vault } from '../../../domain/vault.js';
import type { FormSpec, FormValues } from '../../components/form.js';
import { KIND_LABEL } from './format.js';

export const CUSTOM = 'custom';
export const TYPED = 'typed';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The objectId chosen in the form (picked from the directory or typed). */
export const objectIdOf = (values: FormValues) => (values.principal === TYPED ? String(values.objectId).trim() : String(values.principal));

export interface AddPolicyDeps {
  backend: Backend;
  vault: Vault;
  principals: Principal[];
  existing: AccessPolicy[];
  /** Called when a template was chosen and applied. */
  onAdded: (policies: AccessPolicy[], objectId: string, template: string) => void;
}

export function addPolicyForm(d: AddPolicyDeps): FormSpec {
  const has = (oid: string) => d.existing.some((p) => p.objectId.toLowerCase() === oid.toLowerCase());
  const options = [
    ...d.principals.map((p) => ({ value: p.objectId, label: `${p.displayName} (${KIND_LABEL[p.kind] ?? p.kind})${has(p.objectId) ? ' · has a policy: adds to it' : ''}` })),
    { value: TYPED, label: 'another principal: type its objectId' },
  ];
  return {
    title: `Add an access policy to ${d.vault.name}`,
    submitLabel: 'add',
    fields: [
      { name: 'principal', label: 'Principal', kind: 'select', options },
      {
        name: 'objectId', label: 'Object id', placeholder: '00000000-0000-0000-0000-000000000000', visible: (v) => v.principal === TYPED,
        validate: (v, all) => (all.principal !== TYPED ? undefined : GUID.test(String(v).trim()) ? undefined : 'An objectId is a GUID (8-4-4-4-12 hex digits).'),
        check: async (v, _all, signal) => {
          const p = await d.backend.directory.getPrincipal(String(v).trim(), { signal });
          return { note: p ? `✓ ${p.displayName} (${KIND_LABEL[p.kind] ?? p.kind})` : 'Not in the directory as far as kvdeck can tell; the policy will still apply to that objectId.' };
        },
      },
      {
        name: 'template', label: 'Permissions', kind: 'select',
        options: [{ value: CUSTOM, label: 'pick them one by one…' }, ...PERMISSION_TEMPLATES.map((t) => ({ value: t.name, label: `template: ${t.name}` }))],
      },
    ],
    submit: async (values) => {
      if (values.template === CUSTOM) return; // the pane opens the picker next
      const t = PERMISSION_TEMPLATES.find((x) => x.name === values.template)!;
      const objectId = objectIdOf(values);
      const policies = await d.backend.policies.update(d.vault, 'add', [{ tenantId: d.vault.tenantId, objectId, permissions: { ...t.permissions, storage: [] } }]);
      d.onAdded(policies, objectId, t.name);
    },
  };
}
