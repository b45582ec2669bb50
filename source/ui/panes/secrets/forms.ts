/** The Secrets pane's forms: new secret, new version, edit attributes, backup to / restore from a file. */
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Backend } from '../../../backend/backend.js';
import { isValidObjectName } from '../../../domain/names.js';
import { MAX_CONTENT_TYPE_LENGTH, MAX_SECRET_VALUE_LENGTH, MAX_TAGS, type SecretProperties } from '../../../domain/secret.js';
import type { VaultRef } from '../../../domain/vault.js';
import type { FieldSpec, FormSpec, FormValues } from '../../components/form.js';
import { shortDate } from './columns.js';

const expandHome = (p: string) => resolve(p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;
const dateProblem = (v: unknown) => (String(v) === '' || DATE.test(String(v)) && !Number.isNaN(parseDate(String(v))!.getTime()) ? undefined : 'Use YYYY-MM-DD (or YYYY-MM-DD HH:MM, UTC), or leave empty.');
function parseDate(v: string): Date | undefined {
  if (!v) return undefined;
  return new Date(`${v.replace(' ', 'T')}${v.length === 10 ? 'T00:00' : ''}:00Z`);
}

/** "env=prod, owner=ops" → { env: 'prod', owner: 'ops' } */
export function parseTags(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `Tags are name=value pairs separated by commas ("${part}" has no =).`;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (Object.keys(out).length > MAX_TAGS) return `At most ${MAX_TAGS} tags.`;
  return out;
}
const formatTags = (tags: Record<string, string>) => Object.entries(tags).map(([k, v]) => `${k}=${v}`).join(', ');

const valueFields = (): FieldSpec[] => [
  { name: 'source', label: 'Value from', kind: 'select', options: [{ value: 'single', label: 'one line (masked)' }, { value: 'multi', label: 'several lines' }, { value: 'file', label: 'a file' }] },
  {
    name: 'value', label: 'Value', mask: true, visible: (v) => v.source === 'single',
    validate: (v, all) => (all.source !== 'single' ? undefined : String(v) === '' ? 'A value is required.' : String(v).length > MAX_SECRET_VALUE_LENGTH ? `At most ${MAX_SECRET_VALUE_LENGTH} characters.` : undefined),
  },
  {
    name: 'multi', label: 'Value', kind: 'multiline', visible: (v) => v.source === 'multi',
    validate: (v, all) => (all.source !== 'multi' ? undefined : String(v) === '' ? 'A value is required.' : String(v).length > MAX_SECRET_VALUE_LENGTH ? `At most ${MAX_SECRET_VALUE_LENGTH} characters.` : undefined),
  },
  { name: 'file', label: 'File path', visible: (v) => v.source === 'file', validate: (v, all) => (all.source === 'file' && String(v) === '' ? 'A file path is required.' : undefined) },
];

async function valueOf(values: FormValues): Promise<string> {
  if (values.source === 'file') {
    const text = await readFile(expandHome(String(values.file)), 'utf8');
    if (text.length > MAX_SECRET_VALUE_LENGTH) throw new Error(`The file holds ${text.length} characters; a secret holds at most ${MAX_SECRET_VALUE_LENGTH}.`);
    return text;
  }
  return String(values.source === 'multi' ? values.multi : values.value);
}

const attributeFields = (p?: SecretProperties): FieldSpec[] => [
  { name: 'contentType', label: 'Content type', initial: p?.contentType ?? '', validate: (v) => (String(v).length > MAX_CONTENT_TYPE_LENGTH ? `At most ${MAX_CONTENT_TYPE_LENGTH} characters.` : undefined) },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: p?.enabled ?? true },
  { name: 'expires', label: 'Expires (UTC)', initial: p?.expiresOn ? shortDate(p.expiresOn) : '', placeholder: 'YYYY-MM-DD', validate: dateProblem },
  { name: 'notBefore', label: 'Not before (UTC)', initial: p?.notBefore ? shortDate(p.notBefore) : '', placeholder: 'YYYY-MM-DD', validate: dateProblem },
  { name: 'tags', label: 'Tags', initial: p ? formatTags(p.tags) : '', placeholder: 'name=value, …', validate: (v) => { const t = parseTags(String(v)); return typeof t === 'string' ? t : undefined; } },
];

const attributesOf = (values: FormValues) => ({
  contentType: String(values.contentType) || undefined,
  enabled: values.enabled === true,
  expiresOn: parseDate(String(values.expires)),
  notBefore: parseDate(String(values.notBefore)),
  tags: parseTags(String(values.tags)) as Record<string, string>,
});

export function newSecretForm(backend: Backend, vault: VaultRef, onDone: (p: SecretProperties) => void, existing?: SecretProperties): FormSpec {
  return {
    title: existing ? `New version of ${existing.name}` : `New secret in ${vault.name}`,
    submitLabel: 'save',
    fields: [
      ...(existing ? [] : [{ name: 'name', label: 'Name', placeholder: '1–127 letters, digits, hyphens', validate: (v: unknown) => (String(v) === '' ? 'A name is required.' : isValidObjectName(String(v)) ? undefined : 'Names are 1–127 letters, digits and hyphens.') }]),
      ...valueFields(),
      ...attributeFields(existing),
    ],
    submit: async (values) => {
      const a = attributesOf(values);
      const name = existing?.name ?? String(values.name);
      onDone(await backend.secrets.set(vault, name, { value: await valueOf(values), ...a }));
    },
  };
}

export function editSecretForm(backend: Backend, vault: VaultRef, p: SecretProperties, onDone: (p: SecretProperties) => void): FormSpec {
  return {
    title: `Edit ${p.name} (version ${p.version.slice(0, 8)}…)`,
    submitLabel: 'save',
    fields: attributeFields(p),
    submit: async (values) => {
      const a = attributesOf(values);
      onDone(await backend.secrets.update(vault, p.name, p.version, { ...a, expiresOn: a.expiresOn ?? null, notBefore: a.notBefore ?? null }));
    },
  };
}

export function backupForm(backend: Backend, vault: VaultRef, name: string, onDone: (path: string) => void): FormSpec {
  return {
    title: `Back up ${name} to a file`,
    submitLabel: 'back up',
    fields: [{ name: 'path', label: 'File', initial: `./${name}.kvbackup`, validate: (v) => (String(v) ? undefined : 'A file path is required.') }],
    submit: async (values) => {
      const blob = await backend.secrets.backup(vault, name);
      const path = expandHome(String(values.path));
      await writeFile(path, blob, { mode: 0o600 });
      onDone(path);
    },
  };
}

export function restoreForm(backend: Backend, vault: VaultRef, onDone: (p: SecretProperties) => void): FormSpec {
  return {
    title: `Restore a secret into ${vault.name} from a backup file`,
    submitLabel: 'restore',
    fields: [{ name: 'path', label: 'File', placeholder: './name.kvbackup', validate: (v) => (String(v) ? undefined : 'A file path is required.') }],
    submit: async (values) => onDone(await backend.secrets.restore(vault, new Uint8Array(await readFile(expandHome(String(values.path)))))),
  };
}
