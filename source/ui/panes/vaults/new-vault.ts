/**
 * The new-vault form: the name is checked as it is typed against Key Vault's rules, then against
 * taken and soft-deleted names (checkNameAvailability + deleted.listVaults). When the name belongs to
 * a soft-deleted vault, Ctrl-R recovers that vault instead.
 */
import type { Backend } from '../../../backend/backend.js';
import { PERMISSION_TEMPLATES } from '../../../domain/access-policy.js';
import type { ResourceGroup, Subscription } from '../../../domain/directory.js';
import { vaultNameProblem } from '../../../domain/names.js';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type DeletedVault, type Vault } from '../../../domain/vault.js';
import type { FormSpec } from '../../components/form.js';
import { formatDate } from '../../explain-error.js';
import { MAX_RESOURCE_TAGS, purgeProtectionField, tagsField, tagsValue } from '../fields.js';

export interface NewVaultDeps {
  backend: Backend;
  subscriptions: Subscription[];
  resourceGroups: ResourceGroup[];
  onCreated: (vault: Vault) => void;
  onRecovered: (vault: Vault) => void;
  /** The key of the `vaults.recoverDeleted` command, for the hint (Ctrl-R unless rebound). */
  recoverKey: string;
}

export function newVaultForm(d: NewVaultDeps): FormSpec {
  let deletedMatch: DeletedVault | undefined;
  const subName = (id: string) => d.subscriptions.find((s) => s.id === id)?.displayName ?? id;
  const rgOptions = d.resourceGroups.map((g) => ({ value: `${g.subscriptionId}/${g.name}`, label: `${g.name} (${subName(g.subscriptionId)}, ${g.location})` }));
  const locations = [...new Set(['westeurope', 'eastus', ...d.resourceGroups.map((g) => g.location)])];
  const me = d.backend.info.identity;
  const features = d.backend.info.features;
  return {
    title: 'New vault',
    submitLabel: 'create',
    fields: [
      {
        name: 'name', label: 'Name', placeholder: '3–24 letters, digits, hyphens',
        validate: (v) => {
          if (String(v) === '') return 'A name is required.';
          const problem = vaultNameProblem(String(v));
          return problem ? `The name ${problem}.` : undefined;
        },
        check: async (v, values, signal) => {
          const name = String(v);
          const [sub] = String(values.rg).split('/');
          const avail = await d.backend.vaults.checkNameAvailability(sub, name, { signal });
          deletedMatch = undefined;
          if (avail.nameAvailable) return { note: `✓ ${name} is available.` };
          const deleted = await d.backend.deleted.listVaults(undefined, { signal }).catch(() => [] as DeletedVault[]);
          deletedMatch = deleted.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (deletedMatch) {
            return { error: `${deletedMatch.name} is a soft-deleted vault (deleted ${formatDate(deletedMatch.deletionDate)}, purged ${formatDate(deletedMatch.scheduledPurgeDate)}). Press ${d.recoverKey} to recover it.` };
          }
          return { error: `The name ${name} is already taken (vault names are global).` };
        },
      },
      { name: 'rg', label: 'Resource group', kind: 'select', options: rgOptions, validate: (v) => (v ? undefined : 'Pick a resource group.') },
      { name: 'location', label: 'Location', kind: 'select', options: locations.map((l) => ({ value: l, label: l })) },
      { name: 'sku', label: 'SKU', kind: 'select', options: [{ value: 'standard', label: 'standard' }, { value: 'premium', label: 'premium' }] },
      // Fields the cloud cannot take are left out (Azure Stack Hub's older API versions).
      ...(features.softDeleteRetentionDays ? [{
        name: 'retention', label: 'Retention days', initial: String(MAX_RETENTION_DAYS),
        validate: (v: unknown) => (/^\d+$/.test(String(v)) && Number(v) >= MIN_RETENTION_DAYS && Number(v) <= MAX_RETENTION_DAYS ? undefined : `Retention is ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days (fixed after creation).`),
      }] : []),
      purgeProtectionField(false, (values) => (features.softDeleteRetentionDays ? String(values.retention) : MAX_RETENTION_DAYS)),
      ...(features.rbacAuthorization ? [{ name: 'model', label: 'Access model', kind: 'select' as const, options: [{ value: 'policies', label: 'access policies' }, { value: 'rbac', label: 'Azure RBAC' }] }] : []),
      tagsField(undefined, MAX_RESOURCE_TAGS),
    ],
    actions: [
      {
        command: 'vaults.recoverDeleted', label: 'recover the deleted vault',
        when: (values) => !!deletedMatch && deletedMatch.name.toLowerCase() === String(values.name).toLowerCase(),
        run: async () => {
          d.onRecovered(await d.backend.deleted.recoverVault(deletedMatch!));
        },
      },
    ],
    submit: async (values) => {
      const [subscriptionId, resourceGroup] = String(values.rg).split('/');
      // As the portal does: the creator gets the management template, so the new vault is usable at once.
      const template = PERMISSION_TEMPLATES[0].permissions;
      const vault = await d.backend.vaults.create({
        subscriptionId, resourceGroup, name: String(values.name), location: String(values.location),
        sku: values.sku === 'premium' ? 'premium' : 'standard',
        ...(features.softDeleteRetentionDays ? { softDeleteRetentionDays: Number(values.retention) } : {}),
        enablePurgeProtection: values.purgeProtection === true,
        enableRbacAuthorization: values.model === 'rbac',
        tags: tagsValue(values.tags),
        accessPolicies: values.model === 'rbac' ? [] : [{ tenantId: me.tenantId, objectId: me.objectId, permissions: { ...template, storage: [] } }],
      });
      d.onCreated(vault);
    },
  };
}
