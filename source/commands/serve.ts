// Placeholder until the emulator lands (issue 4); replaced by the emulator helper.
export async function runServe(_argv: string[]): Promise<number> {
  process.stderr.write('kvdeck serve is not built yet.\n');
  return 1;
}
