/** `kvdeck --help`. */
import { DEFAULT_CONCURRENCY } from '../backend/azure/request-gate.js';
import { COMMANDS } from '../commands/registry.js';
import { PANE_IDS } from '../ui/panes/ids.js';

export function helpText(version: string): string {
  const cmds = Object.entries(COMMANDS).map(([name, c]) => `  kvdeck ${name.padEnd(10)} ${c.summary}`).join('\n');
  return `kvdeck ${version} — a full-screen terminal console for Azure Key Vault

Usage:
  kvdeck [options]           open the console (the demo engine unless an Azure option is given)
${cmds}

Console options:
  --readonly                 show every change as disabled, with the reason
  --as <objectId|name|upn>   act as another principal, demo engine or emulator (access policies at work)
  --state <file>             keep the demo engine's state in this file between runs
  --perf <N>                 add the perf-kv vault with N generated secrets
Azure options:
  --emulator <url>           talk to a kvdeck serve emulator (with --ca <file>)
  --cloud <name>             AzureCloud | AzureUSGovernment | AzureChinaCloud
  --arm <url>                Azure Stack Hub ARM endpoint
  --auth <method>            default | cli | device-code | env | managed-identity
  --tenant <id>  --subscription <id> (repeatable)  --profile <name> (demo: the demo engine)
  --concurrency <N>          at most N requests in flight at once (default ${DEFAULT_CONCURRENCY})
  -h, --help                 this text
  -V, --version              the version

Each command has its own --help (kvdeck get --help).
Keys: 1–${PANE_IDS.length} panes · / filter · : commands · Ctrl-P find any secret · ? help · q quit (the README lists them all).
Environment: NO_COLOR=1 drops colours; KVDECK_DEBUG=1 prints stack traces on a crash.
`;
}
