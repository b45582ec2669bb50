/**
 * A request from quick lookup or the palette to open one object (app.requestOpen): the pane of that
 * kind selects the row and opens its detail as soon as the row is in its list — while a long listing
 * is still streaming in, not only once the whole vault is read. A name the finished list lacks gets
 * a sentence instead.
 */
import { useEffect } from 'react';
import { useApp, type OpenRequest } from '../app-context.js';
import type { VaultRef } from '../../domain/vault.js';
import type { ListState } from './use-list.js';

export function useOpenRequest<T extends { name: string }>(
  kind: NonNullable<OpenRequest['kind']>,
  vault: VaultRef,
  loaded: { data: T[] | undefined; loading: boolean },
  list: Pick<ListState<T>, 'select'>,
  open: (item: T) => void,
): void {
  const app = useApp();
  const items = loaded.data ?? [];
  useEffect(() => {
    const req = app.openRequest;
    if (!req || (req.kind ?? 'secret') !== kind || req.vaultName.toLowerCase() !== vault.name.toLowerCase()) return;
    const wanted = req.name.toLowerCase();
    const found = items.find((x) => x.name.toLowerCase() === wanted);
    if (!found && loaded.loading) return;
    app.clearOpenRequest();
    if (found && list.select((x) => x === found)) open(found);
    else app.flash('error', `${req.name} is not in ${vault.name} any more. Press ${app.key('refresh')} to refresh.`);
  }, [app.openRequest, loaded.loading, items]); // eslint-disable-line react-hooks/exhaustive-deps
}
