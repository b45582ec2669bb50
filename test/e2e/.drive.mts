// ad-hoc driver: node --import tsx /tmp/drive.ts "args" then steps from stdin-like argv
import { Term } from '/work/main/test/e2e/tmux.js';
const [cols, rows, args, ...steps] = process.argv.slice(2);
const term = await Term.start({ cols: +cols, rows: +rows, args: args ? args.split(' ') : [] });
try {
  await term.waitFor('contoso-app-kv', 15000);
  for (const st of steps) {
    if (st.startsWith('T:')) await term.type(st.slice(2));
    else if (st.startsWith('W:')) { try { await term.waitFor(st.slice(2), 5000); } catch (e) { console.log('WAIT FAILED', st); } }
    else if (st === 'S') console.log((await term.screen()) + '\n-----');
    else await term.keys(st);
    if (!st.startsWith('W:')) await new Promise((r) => setTimeout(r, 400));
  }
  console.log(await term.screen());
} finally { await term.kill(); }
