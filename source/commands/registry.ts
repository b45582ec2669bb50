/**
 * Subcommands of the `kvdeck` binary besides the console. Each loads lazily, so starting the console
 * pays nothing for them. Each returns the process exit code.
 */
export type CommandRunner = (argv: string[]) => Promise<number>;

export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  serve: {
    summary: 'run the local Key Vault emulator over HTTPS',
    load: async () => (await import('./serve.js')).runServe,
  },
  get: {
    summary: 'print a secret\'s value: kvdeck get VAULT/SECRET[@VERSION]',
    load: async () => (await import('./oneshot.js')).runGet,
  },
  ls: {
    summary: 'list a vault\'s secret names: kvdeck ls VAULT',
    load: async () => (await import('./oneshot.js')).runLs,
  },
  set: {
    summary: 'set a secret from stdin: kvdeck set VAULT/SECRET < value',
    load: async () => (await import('./oneshot.js')).runSet,
  },
  access: {
    summary: 'who can do what in a vault (policies or role assignments): kvdeck access VAULT [--json]',
    load: async () => (await import('./access.js')).runAccess,
  },
  profile: {
    summary: 'saved connections: kvdeck profile add NAME [flags] [--use] | list | use NAME | use demo | remove NAME',
    load: async () => (await import('./profile.js')).runProfile,
  },
  config: {
    summary: 'kvdeck config path: where profiles are saved',
    load: async () => (await import('./profile.js')).runConfig,
  },
};
