/**
 * A form overlay: text, multi-line, checkbox and select fields; validation shown inline under each
 * field as the user types; optional async checks (name availability) debounced; submit errors shown
 * in the form with every value kept. Keys are the `form.*` commands (Tab/↓ next, Shift-Tab/↑
 * previous, Space toggles or cycles, ←/→ cycle a choice, Enter next/save — a new line in a multi-line
 * field —, Ctrl-S save, Esc cancel) and the text editing ones; in a text field letters are text.
 */
import { Box } from 'ink';
import { Text } from './text.js';
import { useEffect, useRef, useState } from 'react';
import { useSyncState } from '../hooks/use-sync-state.js';
import { explainError } from '../explain-error.js';
import { useCapture } from '../input-router.js';
import type { CommandId } from '../keymap/commands.js';
import { hintLine, keysText, type Keymap } from '../keymap/keymap.js';
import type { Theme } from '../theme.js';
import { editText } from './text-input.js';
import { Modal } from './modal.js';
import { Spinner } from './spinner.js';

export type FieldValue = string | boolean;
export type FormValues = Record<string, FieldValue>;

export interface CheckResult {
  error?: string;
  note?: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'multiline' | 'checkbox' | 'select';
  initial?: FieldValue;
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  /** Masks the text as it is typed (secret values). */
  mask?: boolean;
  validate?: (value: FieldValue, values: FormValues) => string | undefined;
  /** Runs 150 ms after typing stops; its error blocks submit, its note is shown. */
  check?: (value: FieldValue, values: FormValues, signal: AbortSignal) => Promise<CheckResult | undefined>;
  visible?: (values: FormValues) => boolean;
}

export interface FormAction {
  /** Its command in the table (e.g. `vaults.recoverDeleted`): the keys come from the keymap. */
  command: CommandId;
  label: string;
  when: (values: FormValues, checks: Record<string, CheckResult | undefined>) => boolean;
  /** Runs instead of submit and closes the form when it succeeds. */
  run: (values: FormValues) => Promise<void>;
}

export interface FormSpec {
  title: string;
  fields: FieldSpec[];
  submitLabel?: string;
  /** Throws to keep the form open with the explained error. */
  submit: (values: FormValues) => Promise<void>;
  actions?: FormAction[];
}

export interface FormProps {
  spec: FormSpec;
  width: number;
  theme: Theme;
  keymap: Keymap;
  onDone: (values: FormValues | undefined) => void;
}

const initialValues = (fields: FieldSpec[]): FormValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '')]));

const FORM_COMMANDS = ['form.cancel', 'form.save', 'form.next', 'form.prev', 'form.advance', 'form.toggle', 'form.optionNext', 'form.optionPrev'] as const;

export function Form({ spec, width, theme, keymap, onDone }: FormProps) {
  // Values, focus and busy are read back at once by the key handler (see use-sync-state): keys handled
  // before the next render each build on the previous one.
  const [values, setValues, latestValues] = useSyncState<FormValues>(() => initialValues(spec.fields));
  const [focus, setFocus, latestFocus] = useSyncState(0);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [checks, setChecks] = useState<Record<string, CheckResult | undefined>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});
  const [busy, setBusy, latestBusy] = useSyncState(false);
  const [error, setError] = useState<string | undefined>();
  const visibleFields = (vs: FormValues) => spec.fields.filter((f) => !f.visible || f.visible(vs));
  const fields = visibleFields(values);
  const field = fields[Math.min(focus, fields.length - 1)];

  // Async checks, one per field that has one, re-run as its value changes.
  const timers = useRef<Record<string, { t?: NodeJS.Timeout; ac?: AbortController }>>({});
  const checkedFields = spec.fields.filter((f) => f.check);
  const checkKey = checkedFields.map((f) => String(values[f.name])).join('\u0000');
  useEffect(() => {
    for (const f of checkedFields) {
      const slot = (timers.current[f.name] ??= {});
      clearTimeout(slot.t);
      slot.ac?.abort();
      const v = values[f.name];
      if (f.validate?.(v, values) || v === '') { setChecks((c) => ({ ...c, [f.name]: undefined })); continue; }
      const ac = new AbortController();
      slot.ac = ac;
      setChecking((c) => ({ ...c, [f.name]: true }));
      slot.t = setTimeout(() => {
        f.check!(v, values, ac.signal).then(
          (r) => { if (!ac.signal.aborted) { setChecks((c) => ({ ...c, [f.name]: r })); setChecking((c) => ({ ...c, [f.name]: false })); } },
          (e) => { if (!ac.signal.aborted) { setChecks((c) => ({ ...c, [f.name]: { note: `Could not check: ${explainError(e)}` } })); setChecking((c) => ({ ...c, [f.name]: false })); } },
        );
      }, 150);
    }
  }, [checkKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => { for (const s of Object.values(timers.current)) { clearTimeout(s.t); s.ac?.abort(); } }, []);

  const problemOf = (f: FieldSpec, vs = values) => f.validate?.(vs[f.name], vs) ?? checks[f.name]?.error;
  const set = (name: string, v: FieldValue) => { setValues((old) => ({ ...old, [name]: v })); setTouched((t) => ({ ...t, [name]: true })); setError(undefined); };

  const submit = async () => {
    setSubmitted(true);
    const vs = latestValues();
    const shown = visibleFields(vs);
    const bad = shown.findIndex((f) => problemOf(f, vs));
    if (bad >= 0) { setFocus(bad); return; }
    if (shown.some((f) => checking[f.name])) { setError('Still checking… try again in a moment.'); return; }
    setBusy(true);
    try {
      await spec.submit(vs);
      onDone(vs);
    } catch (e) {
      setError(explainError(e));
      setBusy(false);
    }
  };

  const runAction = async (a: FormAction) => {
    const vs = latestValues();
    setBusy(true);
    try {
      await a.run(vs);
      onDone(vs);
    } catch (e) {
      setError(explainError(e));
      setBusy(false);
    }
  };

  useCapture((input, key, name) => {
    if (latestBusy()) return true;
    const values = latestValues();
    const fields = visibleFields(values);
    const focus = Math.min(latestFocus(), fields.length - 1);
    const field = fields[focus];
    const kind = field?.kind ?? 'text';
    // In a text field letters are text: only control keys can be commands there.
    const typing = kind === 'text' || kind === 'multiline';
    const cmd = keymap.commandFor(name, FORM_COMMANDS, { typing });
    if (cmd === 'form.cancel') { onDone(undefined); return true; }
    if (cmd === 'form.save') { void submit(); return true; }
    const action = spec.actions?.find((a) => a.when(values, checks) && keymap.commandFor(name, [a.command], { typing }));
    if (action) { void runAction(action); return true; }
    const next = () => setFocus((i) => Math.min(fields.length - 1, i + 1));
    const prev = () => setFocus((i) => Math.max(0, i - 1));
    if (cmd === 'form.next') { next(); return true; }
    if (cmd === 'form.prev') { prev(); return true; }
    if (!field) return true;
    const v = values[field.name];
    if (cmd === 'form.advance') {
      if (kind === 'multiline') set(field.name, `${v}\n`);
      else if (focus >= fields.length - 1) void submit();
      else next();
      return true;
    }
    if (kind === 'checkbox') { if (cmd === 'form.toggle' || cmd === 'form.optionNext' || cmd === 'form.optionPrev') set(field.name, !v); return true; }
    if (kind === 'select') {
      const opts = field.options ?? [];
      const at = opts.findIndex((o) => o.value === v);
      if (cmd === 'form.toggle' || cmd === 'form.optionNext') set(field.name, opts[(at + 1) % opts.length]?.value ?? '');
      else if (cmd === 'form.optionPrev') set(field.name, opts[(at - 1 + opts.length) % opts.length]?.value ?? '');
      return true;
    }
    const text = String(v);
    if (input.length > 1 && !key.ctrl) {
      // A paste (several characters at once).
      const typed = kind === 'multiline' ? input.replace(/\r\n?/g, '\n') : input.replace(/[\r\n]+/g, '');
      set(field.name, text + typed);
      return true;
    }
    const edited = editText(keymap, text, input, key, name);
    if (edited !== undefined) set(field.name, edited);
    return true;
  });

  const inner = width - 4;
  const labelWidth = Math.min(18, Math.max(...fields.map((f) => f.label.length)) + 1);
  const hasMultiline = fields.some((f) => f.kind === 'multiline');
  const actions = (spec.actions ?? []).filter((a) => a.when(values, checks)).map((a) => [a.command, a.label] as const);
  const save = spec.submitLabel ?? 'save';
  const hint = [
    hintLine(keymap, [['form.next', 'next']], { typing: true }),
    hasMultiline ? '' : `${keysText(keymap, 'form.advance', { typing: true })} next, ${save} on the last`,
    hintLine(keymap, [['form.save', save], ['form.cancel', 'cancel'], ...actions], { typing: true }),
  ].filter(Boolean).join(' · ');

  return (
    <Modal title={spec.title} hint={hint} width={width} theme={theme}>
      {fields.map((f, i) => {
        const focused = i === focus;
        const v = values[f.name];
        const problem = problemOf(f);
        const showProblem = problem && (touched[f.name] || submitted);
        const kind = f.kind ?? 'text';
        let shown: React.ReactNode;
        if (kind === 'checkbox') shown = <Text>{v ? '[x]' : '[ ]'}</Text>;
        else if (kind === 'select') shown = <Text>{`‹ ${f.options?.find((o) => o.value === v)?.label ?? v} ›`}</Text>;
        else {
          const text = String(v);
          const display = f.mask ? '•'.repeat(Math.min(text.length, 64)) : text;
          const lines = kind === 'multiline' ? display.split('\n').slice(-4) : [display.slice(-(inner - labelWidth - 2))];
          shown = (
            <Box flexDirection="column">
              {text === '' && !focused && f.placeholder ? <Text color={theme.muted}>{f.placeholder}</Text> : null}
              {lines.map((l, li) => (
                <Text key={li}>{l}{focused && li === lines.length - 1 ? <Text inverse> </Text> : null}</Text>
              ))}
              {kind === 'multiline' && text.split('\n').length > 4 && <Text color={theme.muted}>{`(${text.split('\n').length} lines)`}</Text>}
            </Box>
          );
        }
        const check = checks[f.name];
        return (
          <Box key={f.name} flexDirection="column">
            <Box>
              <Box width={labelWidth + 2}><Text color={focused ? theme.accent : undefined} bold={focused}>{focused ? '› ' : '  '}{f.label}</Text></Box>
              {shown}
            </Box>
            {showProblem ? <Box marginLeft={labelWidth + 2}><Text color={theme.error}>{problem}</Text></Box> : null}
            {!problem && checking[f.name] ? <Box marginLeft={labelWidth + 2}><Text color={theme.muted}>checking…</Text></Box> : null}
            {!showProblem && !checking[f.name] && check?.note ? <Box marginLeft={labelWidth + 2}><Text color={theme.warn}>{check.note}</Text></Box> : null}
            {!showProblem && !checking[f.name] && check?.error && !touched[f.name] ? null : null}
          </Box>
        );
      })}
      {error && <Text color={theme.error} wrap="wrap">{`✗ ${error}`}</Text>}
      {busy && <Spinner label="Working…" theme={theme} />}
    </Modal>
  );
}
