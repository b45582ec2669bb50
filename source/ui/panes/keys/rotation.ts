/**
 * A key's rotation policy in the Keys pane: in words for the detail, and the form that edits it. The
 * rules are the domain's (domain/rotation-policy.ts), so the form refuses what the service would.
 */
import type { Backend } from '../../../backend/backend.js';
import type { VaultRef } from '../../../domain/vault.js';
import { parseDuration, rotationPolicyProblem, type Duration, type KeyRotationLifetimeAction, type KeyRotationPolicy } from '../../../domain/rotation-policy.js';
import type { FieldSpec, FormSpec, FormValues } from '../../components/form.js';

const UNITS: readonly [keyof Duration, string][] = [
  ['years', 'year'], ['months', 'month'], ['days', 'day'], ['hours', 'hour'], ['minutes', 'minute'], ['seconds', 'second'],
];

/** "P1Y6M" → "1 year 6 months"; what is not a duration is shown as it is. */
export function durationText(iso: string): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const parts = UNITS.filter(([k]) => d[k] > 0).map(([k, word]) => `${d[k]} ${word}${d[k] === 1 ? '' : 's'}`);
  return parts.join(' ') || iso;
}

const actionText = (a: KeyRotationLifetimeAction) => {
  const when = a.timeAfterCreate !== undefined ? `${durationText(a.timeAfterCreate)} after creation` : `${durationText(a.timeBeforeExpiry ?? '')} before expiry`;
  return `${a.action === 'Rotate' ? 'rotates' : 'notifies'} ${when}`;
};

/** One line: "rotates 90 days after creation · notifies 30 days before expiry · new versions expire after 2 years". */
export function rotationPolicyText(p: Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'>): string {
  const parts = p.lifetimeActions.map(actionText);
  if (!p.lifetimeActions.some((a) => a.action === 'Rotate')) parts.unshift('no automatic rotation');
  parts.push(p.expiresIn ? `new versions expire after ${durationText(p.expiresIn)}` : 'new versions never expire');
  return parts.join(' · ');
}

type Trigger = 'none' | 'afterCreate' | 'beforeExpiry';

const durationProblem = (v: unknown) => (String(v).trim() === '' || parseDuration(String(v)) ? undefined : `'${String(v).slice(0, 40)}' is not a duration such as P90D (90 days), P3M or P1Y.`);

/** The policy the form's values describe. */
export function policyOf(values: FormValues): Pick<KeyRotationPolicy, 'lifetimeActions' | 'expiresIn'> {
  const actions: KeyRotationLifetimeAction[] = [];
  const rotate = String(values.rotate) as Trigger;
  const after = String(values.rotateAfter).trim().toUpperCase();
  if (rotate === 'afterCreate') actions.push({ action: 'Rotate', timeAfterCreate: after });
  if (rotate === 'beforeExpiry') actions.push({ action: 'Rotate', timeBeforeExpiry: after });
  const notify = String(values.notify).trim().toUpperCase();
  if (notify) actions.push({ action: 'Notify', timeBeforeExpiry: notify });
  const expiresIn = String(values.expiresIn).trim().toUpperCase();
  return { lifetimeActions: actions, ...(expiresIn ? { expiresIn } : {}) };
}

export function rotationPolicyForm(backend: Backend, vault: VaultRef, name: string, current: KeyRotationPolicy | undefined, onDone: (p: KeyRotationPolicy) => void): FormSpec {
  const rotate = current?.lifetimeActions.find((a) => a.action === 'Rotate');
  const notify = current?.lifetimeActions.find((a) => a.action === 'Notify');
  /** Each field checks its own part of the policy (with the expiry, which the triggers before expiry must undercut). */
  const partProblem = (all: FormValues, action?: 'Rotate' | 'Notify') => {
    const p = policyOf(all);
    return rotationPolicyProblem({ ...p, lifetimeActions: p.lifetimeActions.filter((a) => a.action === action) });
  };
  const fields: FieldSpec[] = [
    {
      name: 'rotate', label: 'Rotate', kind: 'select',
      initial: rotate?.timeAfterCreate !== undefined ? 'afterCreate' : rotate?.timeBeforeExpiry !== undefined ? 'beforeExpiry' : 'none',
      options: [{ value: 'none', label: 'never by itself' }, { value: 'afterCreate', label: 'a time after creation' }, { value: 'beforeExpiry', label: 'a time before expiry' }],
    },
    {
      name: 'rotateAfter', label: 'Rotate at', initial: rotate?.timeAfterCreate ?? rotate?.timeBeforeExpiry ?? 'P90D', placeholder: 'P90D, P3M, P1Y',
      visible: (v) => v.rotate !== 'none',
      validate: (v, all) => (all.rotate === 'none' ? undefined : String(v).trim() === '' ? 'Give a duration such as P90D.' : durationProblem(v) ?? partProblem(all, 'Rotate')),
    },
    { name: 'notify', label: 'Notify before', initial: notify?.timeBeforeExpiry ?? '', placeholder: 'P30D before expiry, or empty for no notice', validate: (v, all) => durationProblem(v) ?? partProblem(all, 'Notify') },
    { name: 'expiresIn', label: 'Versions expire', initial: current?.expiresIn ?? '', placeholder: 'P2Y after creation, or empty for never', validate: (v, all) => durationProblem(v) ?? partProblem(all) },
  ];
  return {
    title: `Rotation policy of ${name}`,
    submitLabel: 'save',
    fields,
    submit: async (values) => onDone(await backend.keys.updateRotationPolicy(vault, name, policyOf(values))),
  };
}
