/**
 * The console's offer to grant what was just refused, when the signed-in identity may grant it. Every
 * refusal the user meets passes through here: an action's (app.fail, a form's submit) and a pane's load
 * (useLoad). The offer is always a confirmation, never silent:
 * - after an action, it opens at once (over the form, whose values stay), once per grant per session;
 * - after a load, it waits in the footer as a binding (`access.grant`), so browsing through vaults one
 *   may not read never pops dialogs; a flash says which key makes it.
 * A grant is a change: the binding is `mutating`, so --readonly shows it disabled and never opens it.
 */
import { useCallback, useRef, useState } from 'react';
import type { Backend } from '../../backend/backend.js';
import { refusalOf } from '../../domain/refusal.js';
import { isKeyVaultError } from '../../domain/errors.js';
import type { Binding, ConfirmSpec } from '../keymap/bindings.js';
import type { CommandId } from '../keymap/commands.js';
import { grantPlanFor, type GrantPlan } from './grant-plan.js';

export type RefusalOrigin = 'action' | 'load';

export interface GrantOfferDeps {
  backend: Backend;
  readonly: boolean;
  confirm(spec: ConfirmSpec): Promise<boolean>;
  flash(kind: 'success' | 'info' | 'error', text: string): void;
  fail(error: unknown): void;
  key(command: CommandId): string;
  /** After a grant: drop what the session cached about access; a load's grant also loads the pane again. */
  granted(origin: RefusalOrigin): void;
}

export interface GrantOffers {
  /** A call was refused (or failed otherwise: then nothing happens). */
  notice(error: unknown, origin: RefusalOrigin): void;
  /**
   * After a refused action that can be tried again at once (a form's submit): offers the grant and
   * resolves true once it is made, so the caller tries again; false when there is nothing to offer or
   * the user said no.
   */
  offer(error: unknown): Promise<boolean>;
  /** The standing offer, as the footer's first binding. */
  bindings: Binding[];
  /** The user moved on (another pane or vault): the offer no longer fits what is on screen. */
  clear(): void;
}

const confirmSpec = (plan: GrantPlan): ConfirmSpec => ({ title: `Grant yourself ${plan.what} on ${plan.where}?`, body: plan.body, action: 'grant' });

export function useGrantOffers(deps: GrantOfferDeps): GrantOffers {
  const [offer, setOffer] = useState<{ plan: GrantPlan; origin: RefusalOrigin } | undefined>();
  const declined = useRef(new Set<string>());
  const latest = useRef(0);
  const d = useRef(deps);
  d.current = deps;

  /** Makes the grant; `next` says what the user does now ("Try again."), if anything. */
  const grant = useCallback(async (plan: GrantPlan, origin: RefusalOrigin, next = ''): Promise<boolean> => {
    const { backend, flash, fail, granted } = d.current;
    try {
      const done = await plan.apply(backend);
      setOffer(undefined);
      const lag = backend.info.kind === 'azure' ? ' (Azure may take minutes to apply it.)' : '';
      flash('success', `${done}${next}${lag}`);
      granted(origin);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }, []);

  /** The plan for a refusal, kept as the standing offer; undefined when a newer refusal came meanwhile. */
  const planFor = useCallback(async (error: unknown, origin: RefusalOrigin): Promise<GrantPlan | undefined> => {
    if (!isKeyVaultError(error) || !refusalOf(error)) return undefined;
    const n = ++latest.current;
    const { backend } = d.current;
    const plan = await grantPlanFor(backend, error, () => backend.vaults.list()).catch(() => undefined);
    if (n !== latest.current) return undefined; // a newer refusal speaks for the screen
    setOffer(plan && { plan, origin });
    return plan;
  }, []);

  /** An action's offer opens at once, unless declined before or --readonly (the footer then shows it). */
  const ask = useCallback(async (plan: GrantPlan | undefined, next: string): Promise<boolean> => {
    if (!plan || d.current.readonly || declined.current.has(plan.key)) return false;
    if (await d.current.confirm(confirmSpec(plan))) return grant(plan, 'action', next);
    declined.current.add(plan.key);
    return false;
  }, [grant]);

  const notice = useCallback((error: unknown, origin: RefusalOrigin) => {
    void planFor(error, origin).then((plan) => {
      if (origin === 'action') return ask(plan, ' Try again.');
      const { readonly, flash, key } = d.current;
      if (plan && !readonly) flash('info', `${key('access.grant')} grants you ${plan.what} on ${plan.where} (asks first).`);
    });
  }, [planFor, ask]);

  const offerNow = useCallback(async (error: unknown) => ask(await planFor(error, 'action'), ''), [planFor, ask]);

  const clear = useCallback(() => { latest.current++; setOffer(undefined); }, []);

  const bindings: Binding[] = offer ? [{
    command: 'access.grant', label: `grant ${offer.plan.what}`, mutating: true, busy: 'Granting…',
    confirm: () => confirmSpec(offer.plan),
    run: async () => { await grant(offer.plan, offer.origin, offer.origin === 'action' ? ' Try again.' : ''); },
  }] : [];
  return { notice, offer: offerNow, bindings, clear };
}
