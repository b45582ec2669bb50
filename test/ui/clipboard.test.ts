import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createClipboard, osc52, tmuxBuffers, tmuxPassthrough } from '../../source/ui/clipboard.js';

test('OSC 52 carries the value base64-encoded, ended by BEL', () => {
  assert.equal(osc52('hé'), `\u001b]52;c;${Buffer.from('hé').toString('base64')}\u0007`);
});

test('inside tmux the sequence is also sent through DCS passthrough with ESC doubled', () => {
  const out: string[] = [];
  const cb = createClipboard({ write: (s) => out.push(s), env: { TMUX: '/tmp/tmux-0/default,1,0' }, findTool: false, clearAfterMs: 0 });
  const r = cb.copy('v');
  assert.deepEqual(r.via, ['OSC 52', 'tmux passthrough']);
  assert.equal(out[0], osc52('v'));
  assert.equal(out[1], `\u001bPtmux;\u001b\u001b]52;c;dg==\u0007\u001b\\`);
  assert.equal(tmuxPassthrough('\u001bx'), '\u001bPtmux;\u001b\u001bx\u001b\\');
});

test('a local clipboard tool is used when present, but never over SSH', () => {
  const ran: string[] = [];
  const local = createClipboard({ write: () => {}, env: { DISPLAY: ':0' }, platform: 'linux', findTool: (n) => n === 'xclip', runTool: (t, text) => ran.push(`${t.name}:${text}`), clearAfterMs: 0 });
  assert.deepEqual(local.copy('x').via, ['OSC 52', 'xclip']);
  assert.deepEqual(ran, ['xclip:x']);
  const ssh = createClipboard({ write: () => {}, env: { DISPLAY: ':0', SSH_CONNECTION: '1 2 3 4' }, platform: 'linux', findTool: () => true, runTool: (t) => ran.push(t.name), clearAfterMs: 0 });
  assert.deepEqual(ssh.copy('y').via, ['OSC 52']);
});

test('the clipboard is cleared after the timeout', async () => {
  const out: string[] = [];
  const cb = createClipboard({ write: (s) => out.push(s), env: {}, findTool: false, clearAfterMs: 20 });
  assert.equal(cb.copy('secret').clearsAfterMs, 20);
  // Poll for the clear (a positive signal) rather than sleeping a fixed time.
  for (const until = Date.now() + 2000; out[out.length - 1] !== '\u001b]52;c;\u0007' && Date.now() < until;) await new Promise((r) => setTimeout(r, 5));
  assert.equal(out[out.length - 1], '\u001b]52;c;\u0007');
  cb.dispose();
});

test('inside tmux, clearing deletes every paste buffer that holds a copied value, and only those', (t) => {
  const server = ['-L', `kvdeck-clip-${randomBytes(4).toString('hex')}`, '-f', '/dev/null'];
  const env = { ...process.env };
  delete env.TMUX;
  const tmux = (...args: string[]) => execFileSync('tmux', [...server, ...args], { env, encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'clip');
  t.after(() => { try { tmux('kill-server'); } catch { /* gone */ } });
  // What set-clipboard on leaves after two copies of the value, and a buffer of the user's own.
  tmux('set-buffer', '-b', 'mine', 'notes of my own');
  tmux('set-buffer', 'hunter2-value');
  tmux('set-buffer', 'hunter2-value');
  tmux('set-buffer', 'same-size-val');
  const out: string[] = [];
  const cb = createClipboard({ write: (s) => out.push(s), env: {}, findTool: false, clearAfterMs: 60_000, tmux: tmuxBuffers(env, server) });
  cb.copy('hunter2-value');
  cb.copy('second-copied');
  cb.dispose(); // quitting clears at once
  const left = tmux('list-buffers', '-F', '#{buffer_name}=#{buffer_sample}');
  assert.doesNotMatch(left, /hunter2-value/);
  assert.match(left, /mine=notes of my own/);
  assert.match(left, /same-size-val/, 'a buffer of the same size but another value stays');
  assert.equal(out.at(-1), osc52(''), "the terminal's clipboard is cleared too");
});

test('with clipboardClearSeconds 0 nothing is cleared, not even on quit', () => {
  const out: string[] = [];
  const cb = createClipboard({ write: (s) => out.push(s), env: {}, findTool: false, clearAfterMs: 0 });
  cb.copy('keep-me');
  cb.dispose();
  assert.deepEqual(out, [osc52('keep-me')]);
});
