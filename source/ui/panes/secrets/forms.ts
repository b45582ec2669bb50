/** The Secrets pane's forms: new secret, new version, edit attributes, backup to / restore from a file. */
import { readFile } from 'node:fs/promises';
import type { Backend } from '../../../backend/backend.js';
import { MAX_CONTENT_TYPE_LENGTH, secretValueProblem, type SecretProperties } from '../../../domain/secret.js';
import type { VaultRef } from '../../../domain/vault.js';
import type { FieldSpec, FormSpec, FormValues } from '../../components/form.js';
import { dateValue, nameField, tagsField, tagsValue, validityFields } from '../fields.js';
import { expandHome, fileTarget, readUserFile, writePrivateFile } from '../files.js';


const valueFields = (): FieldSpec[] => [
  { name: 'source', label: 'Value from', kind: 'select', options: [{ value: 'single', label: 'one line (masked)' }, { value: 'multi', label: 'several lines (masked)' }, { value: 'file', label: 'a file' }] },
  {
    name: 'value', label: 'Value', mask: true, visible: (v) => v.source === 'single',
    // A pasted PEM or JSON keeps its line breaks: the value becomes multi-line instead of losing them.
    linesGoTo: { set: { source: 'multi' }, field: 'multi' },
    validate: (v, all) => (all.source !== 'single' ? undefined : String(v) === '' ? 'A value is required.' : secretValueProblem(String(v))),
  },
  {
    name: 'multi', label: 'Value', kind: 'multiline', mask: true, visible: (v) => v.source === 'multi',
    validate: (v, all) => (all.source !== 'multi' ? undefined : String(v) === '' ? 'A value is required.' : secretValueProblem(String(v))),
  },
  { name: 'file', label: 'File path', visible: (v) => v.source === 'file', validate: (v, all) => (all.source === 'file' && String(v) === '' ? 'A file path is required.' : undefined) },
];

async function valueOf(values: FormValues): Promise<string> {
  if (values.source === 'file') {
    const text = await readFile(expandHome(String(values.file)), 'utf8');
    const problem = secretValueProblem(text);
    if (problem) throw new Error(`The file cannot be stored: ${problem}`);
    return text;
  }
  return String(values.source === 'multi' ? values.multi : values.value);
}

const attributeFields = (now: () => number, p?: SecretProperties): FieldSpec[] => [
  { name: 'contentType', label: 'Content type', initial: p?.contentType ?? '', validate: (v) => (String(v).length > MAX_CONTENT_TYPE_LENGTH ? `At most ${MAX_CONTENT_TYPE_LENGTH} characters.` : undefined) },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: p?.enabled ?? true },
  ...validityFields(now, p),
  tagsField(p?.tags),
];

const attributesOf = (values: FormValues) => ({
  contentType: String(values.contentType) || undefined,
  enabled: values.enabled === true,
  expiresOn: dateValue(values.expires),
  notBefore: dateValue(values.notBefore),
  tags: tagsValue(values.tags),
});

export function newSecretForm(backend: Backend, vault: VaultRef, now: () => number, onDone: (p: SecretProperties) => void, existing?: SecretProperties): FormSpec {
  return {
    title: existing ? `New version of ${existing.name}` : `New secret in ${vault.name}`,
    submitLabel: 'save',
    fields: [
      ...(existing ? [] : [nameField()]),
      ...valueFields(),
      ...attributeFields(now, existing),
    ],
    submit: async (values) => {
      const a = attributesOf(values);
      const name = existing?.name ?? String(values.name);
      onDone(await backend.secrets.set(vault, name, { value: await valueOf(values), ...a }));
    },
  };
}

export function editSecretForm(backend: Backend, vault: VaultRef, now: () => number, p: SecretProperties, onDone: (p: SecretProperties) => void): FormSpec {
  return {
    title: `Edit ${p.name} (version ${p.version.slice(0, 8)}…)`,
    submitLabel: 'save',
    fields: attributeFields(now, p),
    submit: async (values) => {
      const a = attributesOf(values);
      onDone(await backend.secrets.update(vault, p.name, p.version, { ...a, expiresOn: a.expiresOn ?? null, notBefore: a.notBefore ?? null }));
    },
  };
}

/**
 * Back up to a file: the path is checked as it is typed (a missing folder, a folder given as the
 * file; an existing file is pointed out), and overwriting a file is asked first.
 */
export function backupForm(backend: Backend, vault: VaultRef, name: string, confirmOverwrite: (path: string) => Promise<boolean>, onDone: (path: string) => void): FormSpec {
  return {
    title: `Back up ${name} to a file`,
    submitLabel: 'back up',
    fields: [{
      name: 'path', label: 'File', initial: `./${name}.kvbackup`, validate: (v) => (String(v).trim() ? undefined : 'A file path is required.'),
      check: async (v) => {
        const t = await fileTarget(String(v), 'name.kvbackup');
        return t.problem ? { error: t.problem } : t.exists ? { note: `${t.path} exists: you will be asked before it is overwritten.` } : undefined;
      },
    }],
    submit: async (values) => {
      const t = await fileTarget(String(values.path), 'name.kvbackup');
      if (t.problem) throw new Error(t.problem);
      if (t.exists && !(await confirmOverwrite(t.path))) throw new Error(`${t.path} was left as it was: give another file name, or save again to overwrite it.`);
      await writePrivateFile(t.path, await backend.secrets.backup(vault, name));
      onDone(t.path);
    },
  };
}

export function restoreForm(backend: Backend, vault: VaultRef, onDone: (p: SecretProperties) => void): FormSpec {
  return {
    title: `Restore a secret into ${vault.name} from a backup file`,
    submitLabel: 'restore',
    fields: [{ name: 'path', label: 'File', placeholder: './name.kvbackup', validate: (v) => (String(v).trim() ? undefined : 'A file path is required.') }],
    submit: async (values) => onDone(await backend.secrets.restore(vault, await readUserFile(String(values.path), 'backup file'))),
  };
}
