import { createMemoryBackend } from '../../source/backend/memory/index.js';
import { createEngine } from '../../source/engine/index.js';
import { runBackendContract } from './contract/index.js';

runBackendContract('memory', async () => {
  const engine = createEngine();
  return {
    backend: createMemoryBackend(engine),
    asPrincipal: async (objectId) => createMemoryBackend(engine, { objectId }),
    close: async () => {},
  };
});
