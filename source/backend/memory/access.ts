import type { AccessApi } from '../backend.js';
import type { CallContext } from '../../engine/call-context.js';
import type { Engine } from '../../engine/engine.js';
import { run } from './call.js';

export function memoryAccess(engine: Engine, ctx: CallContext): AccessApi {
  const a = engine.access;
  return {
    listRoleDefinitions: (scope, filter, o) => run(o, () => a.listDefinitions(ctx, scope, filter)),
    getRoleDefinition: (id, o) => run(o, () => a.getDefinition(ctx, id)),
    listRoleAssignments: (scope, filter, o) => run(o, () => a.list(ctx, scope, filter)),
    getRoleAssignment: (id, o) => run(o, () => a.get(ctx, id)),
    createRoleAssignment: (input, o) => run(o, () => a.create(ctx, input).assignment),
    deleteRoleAssignment: async (id, o) => {
      await run(o, () => a.delete(ctx, id));
    },
    myPermissions: (scope, o) => run(o, () => a.permissions(ctx, scope)),
  };
}
