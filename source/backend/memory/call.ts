/** What every memory-backend part shares: the caller's context and the cancellation check. */
import type { CallOptions } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import { DEMO } from '../../engine/seed/demo-ids.js';

export interface MemoryCaller {
  objectId: string;
  tenantId?: string;
  appId?: string;
  clientAddress?: string;
  label?: string;
}

/** Runs an engine call as an async backend call, refusing it when the caller already cancelled. */
export async function run<T>(o: CallOptions | undefined, fn: () => T): Promise<T> {
  if (o?.signal?.aborted) {
    const reason = o.signal.reason;
    throw reason instanceof Error && reason.name === 'AbortError' ? reason : new DOMException('The operation was aborted.', 'AbortError');
  }
  return fn();
}

export const contextOf = (c: MemoryCaller): CallContext => ({
  objectId: c.objectId,
  tenantId: c.tenantId,
  appId: c.appId,
  clientAddress: c.clientAddress ?? DEMO.consoleAddress,
});
