/**
 * A form overlay: text, multi-line, checkbox and select fields; validation shown inline under each
 * field as the user types, notes (warnings that do not block) under theirs; optional async checks
 * (name availability) debounced; submit errors shown in the form with every value kept. Keys are
 * commands of the one table: `form.*` (Tab/↓ next, Shift-Tab/↑ previous, Enter next field — saves on
 * the last, a new line in a multi-line field —, Ctrl-S save from anywhere, Esc/Ctrl-C cancel, which
 * asks first when something was typed), the `text.*` editing keys in a text field (a cursor: ← → Home
 * End …), the choice keys (Space, ← →) on a checkbox or a choice. A paste with line breaks into a
 * one-line field goes to the field's multi-line twin (`linesGoTo`) or is refused with a sentence.
 */
import { Box } from 'ink';
import { useState } from 'react';
import { useSyncState } from '../hooks/use-sync-state.js';
import { explainError } from '../explain-error.js';
import { useCapture } from '../input-router.js';
import type { CommandId } from '../keymap/commands.js';
import { hintLine, keysText, type Keymap } from '../keymap/keymap.js';
import type { Theme } from '../theme.js';
import { FieldView } from './form-field.js';
import { Modal } from './modal.js';
import { Spinner } from './spinner.js';
import { Text } from './text.js';
import { useFieldChecks } from './use-field-checks.js';
import { editLine, insertAt, type LineState } from './text-input.js';

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
  /** A warning that does not block saving, shown under the field while it applies ("can never be turned off"). */
  note?: (value: FieldValue, values: FormValues) => string | undefined;
  /** Runs 150 ms after typing stops; its error blocks submit, its note is shown. */
  check?: (value: FieldValue, values: FormValues, signal: AbortSignal) => Promise<CheckResult | undefined>;
  visible?: (values: FormValues) => boolean;
  /** A one-line field: where a pasted text with line breaks goes instead (these values set, then that multi-line field). */
  linesGoTo?: { set: FormValues; field: string };
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
  /** Words an error (the App's names the lock of a refusal); default explainError. */
  explain?: (e: unknown) => string | Promise<string>;
}

const initialValues = (fields: FieldSpec[]): FormValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '')]));

const FORM_COMMANDS = ['form.cancel', 'form.save', 'form.next', 'form.prev', 'form.advance'] as const;
const CHOICE_COMMANDS = ['form.toggle', 'form.optionNext', 'form.optionPrev'] as const;
const ANSWERS = ['confirm.yes', 'confirm.no'] as const;

const isText = (f: FieldSpec | undefined) => !f?.kind || f.kind === 'text' || f.kind === 'multiline';
const lineCount = (s: string) => s.split('\n').length;

export function Form({ spec, width, theme, keymap, onDone, explain = explainError }: FormProps) {
  // Values, cursors, focus and busy are read back at once by the key handler (see use-sync-state):
  // keys handled before the next render each build on the previous one.
  const [initial] = useState(() => initialValues(spec.fields));
  const [values, setValues, latestValues] = useSyncState<FormValues>(initial);
  const [cursors, setCursors, latestCursors] = useSyncState<Record<string, number>>({});
  const [focus, setFocus, latestFocus] = useSyncState(0);
  const [asking, setAsking, latestAsking] = useSyncState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy, latestBusy] = useSyncState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const visibleFields = (vs: FormValues) => spec.fields.filter((f) => !f.visible || f.visible(vs));
  const fields = visibleFields(values);
  const focused = Math.min(focus, fields.length - 1);

  const { checks, checking, settle } = useFieldChecks(spec.fields, values);

  const problemOf = (f: FieldSpec, vs = values, cs = checks) => f.validate?.(vs[f.name], vs) ?? cs[f.name]?.error;
  const set = (name: string, v: FieldValue) => { setValues((old) => ({ ...old, [name]: v })); setTouched((t) => ({ ...t, [name]: true })); setError(undefined); setNotice(undefined); };
  const setLine = (name: string, s: LineState) => { set(name, s.text); setCursors((c) => ({ ...c, [name]: s.cursor })); };
  const lineOf = (name: string): LineState => { const text = String(latestValues()[name]); return { text, cursor: Math.min(latestCursors()[name] ?? text.length, text.length) }; };
  const dirty = () => Object.entries(latestValues()).some(([k, v]) => v !== initial[k]);

  const fail = async (e: unknown) => { setError(explainError(e)); setBusy(false); const better = await explain(e); setError(better); };

  const submit = async () => {
    setSubmitted(true);
    const vs = latestValues();
    const shown = visibleFields(vs);
    if (shown.some((f) => f.validate?.(vs[f.name], vs))) { setFocus(shown.findIndex((f) => f.validate?.(vs[f.name], vs))); return; }
    setBusy(true);
    // Checks still running (a name typed a moment ago) are waited for, not refused.
    const cs = await settle();
    const bad = shown.findIndex((f) => problemOf(f, vs, cs));
    if (bad >= 0) { setBusy(false); setFocus(bad); return; }
    try {
      await spec.submit(vs);
      onDone(vs);
    } catch (e) { await fail(e); }
  };

  const runAction = async (a: FormAction) => {
    const vs = latestValues();
    setBusy(true);
    try {
      await a.run(vs);
      onDone(vs);
    } catch (e) { await fail(e); }
  };

  /** A paste: in at the cursor; line breaks into a one-line field go to its multi-line twin, or are refused. */
  const paste = (field: FieldSpec, raw: string) => {
    const text = raw.replace(/\r\n?/g, '\n');
    const here = lineOf(field.name);
    if (field.kind === 'multiline' || !text.replace(/\n$/, '').includes('\n')) {
      setLine(field.name, insertAt(here, field.kind === 'multiline' ? text : text.replace(/\n$/, '')));
      return;
    }
    const twin = field.linesGoTo && spec.fields.find((f) => f.name === field.linesGoTo!.field);
    if (!twin) {
      setNotice(`The pasted text has ${lineCount(text)} lines and ${field.label} takes one line, so nothing was pasted.`);
      return;
    }
    const moved = insertAt(here, text);
    setValues((old) => ({ ...old, ...field.linesGoTo!.set, [field.name]: '', [twin.name]: moved.text }));
    setCursors((c) => ({ ...c, [twin.name]: moved.cursor }));
    setTouched((t) => ({ ...t, [twin.name]: true }));
    const at = visibleFields(latestValues()).findIndex((f) => f.name === twin.name);
    if (at >= 0) setFocus(at);
    setNotice(`The pasted text has ${lineCount(moved.text)} lines: ${twin.label} is now multi-line, line breaks kept.`);
  };

  useCapture((input, key, name) => {
    if (latestBusy()) return true;
    if (latestAsking()) {
      const answer = keymap.commandFor(name, ANSWERS);
      if (answer === 'confirm.yes') onDone(undefined);
      else if (answer === 'confirm.no') setAsking(false);
      return true;
    }
    const values = latestValues();
    const fields = visibleFields(values);
    const focus = Math.min(latestFocus(), fields.length - 1);
    const field = fields[focus];
    // In a text field letters are text: only control keys can be commands there.
    const typing = isText(field);
    if (field && typing && input.length > 1 && !key.ctrl && !key.meta) { paste(field, input); return true; }
    const cmd = keymap.commandFor(name, FORM_COMMANDS, { typing });
    if (cmd === 'form.cancel') { if (dirty()) setAsking(true); else onDone(undefined); return true; }
    if (cmd === 'form.save') { void submit(); return true; }
    const action = spec.actions?.find((a) => a.when(values, checks) && keymap.commandFor(name, [a.command], { typing }));
    if (action) { void runAction(action); return true; }
    const next = () => setFocus((i) => Math.min(fields.length - 1, i + 1));
    if (cmd === 'form.next') { next(); return true; }
    if (cmd === 'form.prev') { setFocus((i) => Math.max(0, i - 1)); return true; }
    if (!field) return true;
    if (cmd === 'form.advance') {
      if (field.kind === 'multiline') setLine(field.name, insertAt(lineOf(field.name), '\n'));
      else if (focus >= fields.length - 1) void submit();
      else next();
      return true;
    }
    const v = values[field.name];
    if (!typing) {
      const choice = keymap.commandFor(name, CHOICE_COMMANDS);
      if (field.kind === 'checkbox') { if (choice) set(field.name, !v); return true; }
      const opts = field.options ?? [];
      const at = opts.findIndex((o) => o.value === v);
      if (choice === 'form.toggle' || choice === 'form.optionNext') set(field.name, opts[(at + 1) % opts.length]?.value ?? '');
      else if (choice === 'form.optionPrev') set(field.name, opts[(at - 1 + opts.length) % opts.length]?.value ?? '');
      return true;
    }
    const edited = editLine(keymap, lineOf(field.name), input, key, name);
    if (edited) setLine(field.name, edited);
    return true;
  });

  const inner = width - 4;
  const labelWidth = Math.min(18, Math.max(...fields.map((f) => f.label.length)) + 1);
  const save = spec.submitLabel ?? 'save';
  const actions = (spec.actions ?? []).filter((a) => a.when(values, checks)).map((a) => [a.command, a.label] as const);
  const current = fields[focused];
  const enter = current?.kind === 'multiline' ? 'new line' : focused >= fields.length - 1 ? save : 'next field';
  const hint = asking
    ? hintLine(keymap, [['confirm.yes', 'discard'], ['confirm.no', 'keep editing']])
    : [
      hintLine(keymap, [['form.next', 'next field']], { typing: true }),
      `${keysText(keymap, 'form.advance', { typing: true })} ${enter}`,
      hintLine(keymap, [['form.save', `${save} from any field`], ['form.cancel', 'cancel'], ...actions], { typing: true }),
    ].filter(Boolean).join(' · ');

  return (
    <Modal title={spec.title} hint={hint} width={width} theme={theme}>
      {fields.map((f, i) => {
        const isFocused = i === focused;
        const problem = problemOf(f);
        const showProblem = problem && (touched[f.name] || submitted);
        const note = f.note?.(values[f.name], values);
        const check = checks[f.name];
        const text = String(values[f.name]);
        return (
          <Box key={f.name} flexDirection="column">
            <Box>
              <Box width={labelWidth + 2} flexShrink={0}><Text color={isFocused ? theme.accent : undefined} bold={isFocused} wrap="truncate">{isFocused ? '› ' : '  '}{f.label}</Text></Box>
              <FieldView field={f} value={values[f.name]} cursor={isFocused && isText(f) ? Math.min(cursors[f.name] ?? text.length, text.length) : undefined} width={Math.max(4, inner - labelWidth - 2)} theme={theme} />
            </Box>
            {showProblem ? <Box marginLeft={labelWidth + 2}><Text color={theme.error} wrap="wrap">{problem}</Text></Box> : null}
            {!problem && checking[f.name] ? <Box marginLeft={labelWidth + 2}><Text color={theme.muted}>checking…</Text></Box> : null}
            {!showProblem && !checking[f.name] && check?.note ? <Box marginLeft={labelWidth + 2}><Text color={theme.warn} wrap="wrap">{check.note}</Text></Box> : null}
            {!showProblem && note ? <Box marginLeft={labelWidth + 2}><Text color={theme.warn} wrap="wrap">{`⚠ ${note}`}</Text></Box> : null}
          </Box>
        );
      })}
      {notice && <Text color={theme.warn} wrap="wrap">{notice}</Text>}
      {error && <Text color={theme.error} wrap="wrap">{`✗ ${error}`}</Text>}
      {asking && <Text color={theme.warn} bold>Discard what you typed in this form?</Text>}
      {busy && <Spinner label="Working…" theme={theme} />}
    </Modal>
  );
}
