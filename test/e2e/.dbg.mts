import { Term } from './tmux.js';
const term = await Term.start({ cols: 100, rows: 12, args: ['--perf', '1000'] });
await term.waitFor('perf-kv', 15000);
await term.keys('G'); await new Promise(r=>setTimeout(r,300)); await term.keys('2');
await term.waitFor('1,000 secrets', 5000);
await term.keys('j'); await new Promise(r=>setTimeout(r,300)); await term.keys('j'); await new Promise(r=>setTimeout(r,300));
console.log(await term.screenshot());
await term.kill();
