/**
 * A form's async checks (a name taken, a file already there): one per field that has one, run 150 ms
 * after its value stops changing, the previous run aborted. `settle()` runs what is still waiting at
 * once and resolves when every check has answered — so saving right after typing waits for the
 * answer instead of refusing with "still checking".
 */
import { useEffect, useRef } from 'react';
import { explainError } from '../explain-error.js';
import { useSyncState } from '../hooks/use-sync-state.js';
import type { CheckResult, FieldSpec, FormValues } from './form.js';

interface Slot { t?: NodeJS.Timeout; ac?: AbortController; run?: () => void; done?: Promise<void> }

export function useFieldChecks(fields: readonly FieldSpec[], values: FormValues) {
  const [checks, setChecks, latestChecks] = useSyncState<Record<string, CheckResult | undefined>>({});
  const [checking, setChecking] = useSyncState<Record<string, boolean>>({});
  const slots = useRef<Record<string, Slot>>({});
  const checked = fields.filter((f) => f.check);
  const key = checked.map((f) => String(values[f.name])).join('\u0000');
  useEffect(() => {
    for (const f of checked) {
      const slot = (slots.current[f.name] ??= {});
      clearTimeout(slot.t);
      slot.ac?.abort();
      slot.run = undefined;
      slot.done = undefined;
      const v = values[f.name];
      if (f.validate?.(v, values) || v === '') { setChecks((c) => ({ ...c, [f.name]: undefined })); setChecking((c) => ({ ...c, [f.name]: false })); continue; }
      const ac = new AbortController();
      slot.ac = ac;
      setChecking((c) => ({ ...c, [f.name]: true }));
      const answer = (r: CheckResult | undefined) => { if (!ac.signal.aborted) { setChecks((c) => ({ ...c, [f.name]: r })); setChecking((c) => ({ ...c, [f.name]: false })); } };
      slot.run = () => {
        slot.run = undefined;
        clearTimeout(slot.t);
        slot.done = f.check!(v, values, ac.signal).then(answer, (e) => answer({ note: `Could not check: ${explainError(e)}` }));
      };
      slot.t = setTimeout(slot.run, 150);
    }
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => { for (const s of Object.values(slots.current)) { clearTimeout(s.t); s.ac?.abort(); } }, []);

  const settle = async () => {
    for (const s of Object.values(slots.current)) s.run?.();
    await Promise.all(Object.values(slots.current).map((s) => s.done));
    return latestChecks();
  };
  return { checks, checking, settle };
}
