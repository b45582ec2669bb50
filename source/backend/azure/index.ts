// Placeholder until the Azure backend lands (issue 5); replaced by the Azure-backend helper.
import type { GlobalOptions } from '../../cli/global-options.js';
import type { Backend } from '../backend.js';

export async function createAzureBackend(_options: GlobalOptions): Promise<Backend> {
  throw new Error('The Azure backend is not built yet.');
}
