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
};
