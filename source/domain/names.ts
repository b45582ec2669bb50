/** Key Vault's naming rules, shared by the engine (to refuse) and the UI (to check as the user types). */

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
const OBJECT_NAME = /^[0-9a-zA-Z-]{1,127}$/;
const VERSION = /^[0-9a-f]{32}$/;

export function isValidVaultName(name: string): boolean {
  return VAULT_NAME.test(name);
}

/** Why a vault name breaks the rules, in words a person can act on; undefined when it is valid. */
export function vaultNameProblem(name: string): string | undefined {
  if (name.length < 3) return 'must be at least 3 characters';
  if (name.length > 24) return 'must be at most 24 characters';
  if (!/^[a-zA-Z0-9-]*$/.test(name)) return 'may contain only letters, digits and hyphens';
  if (!/^[a-zA-Z]/.test(name)) return 'must start with a letter';
  if (!/[a-zA-Z0-9]$/.test(name)) return 'must end with a letter or digit';
  if (name.includes('--')) return 'must not contain consecutive hyphens';
  return undefined;
}

/** Secrets, keys and certificates: 1–127 of [0-9a-zA-Z-]. */
export function isValidObjectName(name: string): boolean {
  return OBJECT_NAME.test(name);
}

/** Why an object name breaks the rules, for a form; undefined when it is valid. */
export function objectNameProblem(name: string): string | undefined {
  if (name === '') return 'A name is required.';
  return isValidObjectName(name) ? undefined : 'Names are 1–127 letters, digits and hyphens.';
}

export function isValidVersion(version: string): boolean {
  return VERSION.test(version);
}

/** Object names compare case-insensitively; stores key them by this. */
export function objectKey(name: string): string {
  return name.toLowerCase();
}
