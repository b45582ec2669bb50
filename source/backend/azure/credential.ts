/**
 * `--auth` → a TokenCredential from @azure/identity (loaded only when a real cloud needs it: the
 * emulator path never pays for MSAL). Nothing here caches tokens on disk; `az login`'s own cache is
 * the Azure CLI's business.
 */
import type { TokenCredential } from '@azure/core-auth';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AuthMethod } from '../../cli/global-options.js';
import type { CloudProfile } from './clouds.js';
import { signInErrors } from './errors.js';

/**
 * Is `command` an executable file in one of PATH's directories? AzureCliCredential would find out
 * only at the first token — on the data plane that is after a round trip to the vault, and without
 * a network after a DNS failure that hides the real problem.
 */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, command + ext);
      try {
        if (statSync(file).isFile()) {
          accessSync(file, constants.X_OK);
          return true;
        }
      } catch {
        // not here
      }
    }
  }
  return false;
}

export interface DeviceCodePrompt {
  /** The sentence Entra/ADFS wants shown: "To sign in, use a web browser to open … and enter the code …". */
  message: string;
  userCode: string;
  verificationUri: string;
}

export interface CredentialRequest {
  auth: AuthMethod;
  cloud: CloudProfile;
  tenant?: string;
  /** Shown inside the console (or on stderr for one-shot commands); no browser is needed. */
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
  /** The default chain falls back to device code only when a person can answer it. */
  interactive: boolean;
  /** The transport (a Stack Hub stamp's private CA must be trusted by the sign-in calls too). */
  agent?: import('node:https').Agent;
}

export async function createCredential(req: CredentialRequest): Promise<TokenCredential> {
  if (req.auth === 'cli' && !onPath('az')) throw signInErrors.cliMissing();
  const identity = await import('@azure/identity');
  const tenantId = req.cloud.adfs ? 'adfs' : req.tenant;
  const common = {
    authorityHost: req.cloud.authorityHost,
    agent: req.agent,
    // Stack Hub authorities (ADFS or a private Entra) are not in login.microsoftonline.com's list.
    disableInstanceDiscovery: req.cloud.name === 'AzureStackHub',
    // Key Vault's challenge names the vault's tenant; allow it rather than fail on multi-tenant accounts.
    additionallyAllowedTenants: ['*'],
  };
  const deviceCode = () =>
    new identity.DeviceCodeCredential({
      ...common,
      tenantId,
      userPromptCallback: (info) => (req.onDeviceCode ?? ((p) => process.stderr.write(`${p.message}\n`)))(info),
    });
  switch (req.auth) {
    case 'cli':
      return new identity.AzureCliCredential({ tenantId, additionallyAllowedTenants: ['*'] });
    case 'device-code':
      return deviceCode();
    case 'env':
      return new identity.EnvironmentCredential({ ...common });
    case 'managed-identity':
      return new identity.ManagedIdentityCredential({ clientId: process.env.AZURE_CLIENT_ID, agent: req.agent });
    case 'default': {
      const chain = new identity.DefaultAzureCredential({ ...common, tenantId });
      return req.interactive ? new identity.ChainedTokenCredential(chain, deviceCode()) : chain;
    }
  }
}
