import { Term } from './tmux.js';
const term = await Term.start({ cols: 80, rows: 24, args: [] });
await term.tmux('respawn-pane', '-k', '-t', 'e2e', 'env -u CI XDG_CONFIG_HOME=/tmp/kvx2 /work/main/node_modules/.bin/node /tmp/kvexp/kvdeck.js');
await term.waitFor('contoso-app-kv', 15000);
await term.keys('?'); await new Promise(r=>setTimeout(r,500));
console.log(await term.screen());
await term.kill();
