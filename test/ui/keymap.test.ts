import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Key } from 'ink';
import { bindingState, findBinding, READONLY_REASON, type Binding } from '../../source/ui/keymap/bindings.js';
import { DEFAULT_KEYS } from '../../source/ui/keymap/commands.js';
import { createKeymap } from '../../source/ui/keymap/keymap.js';
import { displayKey, keyName } from '../../source/ui/keymap/keys.js';
import { hintsFor } from '../../source/ui/components/footer.js';
import { helpRows } from '../../source/ui/components/help.js';

const key = (k: Partial<Key>): Key => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...k });

test('the default keys are issue 3\'s list', () => {
  const k = DEFAULT_KEYS as Record<string, readonly string[]>;
  for (let n = 1; n <= 7; n++) assert.deepEqual(k[`pane.${n}`], [String(n)]);
  assert.deepEqual([k['pane.next'], k['pane.prev']], [['tab'], ['shift+tab']]);
  assert.deepEqual([k.up, k.down, k.pageUp, k.pageDown, k.top, k.bottom], [['up', 'k'], ['down', 'j'], ['pageup'], ['pagedown'], ['g', 'home'], ['G', 'end']]);
  assert.deepEqual([k.open, k.back, k.filter, k.palette, k.lookup[0], k.reveal, k.copy, k.new, k.edit, k.delete, k.recover, k.purge, k.refresh, k.help, k.quit],
    [['enter'], ['esc'], ['/'], [':'], 'ctrl+p', ['v'], ['c'], ['n'], ['e'], ['d'], ['r'], ['P'], ['R'], ['?'], ['q']]);
});

test('keys are named the way bindings spell them', () => {
  assert.equal(keyName('p', key({ ctrl: true })), 'ctrl+p');
  assert.equal(keyName('', key({ tab: true, shift: true })), 'shift+tab');
  assert.equal(keyName('G', key({ shift: true })), 'G');
  assert.equal(keyName('', key({ pageDown: true })), 'pagedown');
  assert.equal(displayKey('ctrl+p'), 'Ctrl-P');
});

test('overrides rebind a command everywhere or in one pane', () => {
  const km = createKeymap({ delete: ['x'], 'secrets.copy': ['y'] });
  assert.deepEqual(km.keysFor('delete'), ['x']);
  assert.deepEqual(km.keysFor('copy', 'secrets'), ['y']);
  assert.deepEqual(km.keysFor('copy', 'keys'), ['c']);
  assert.deepEqual(km.keysFor('try', 'keys', ['t']), ['t']);
});

test('read-only disables mutating bindings with the reason, in the footer and in help', () => {
  const bindings: Binding[] = [
    { command: 'delete', label: 'delete', mutating: true, run: () => {} },
    { command: 'copy', label: 'copy value', run: () => {} },
    { command: 'recover', label: 'recover', when: () => 'nothing to recover', run: () => {} },
    { command: 'purge', label: 'purge', when: () => false, run: () => {} },
  ];
  assert.deepEqual(bindingState(bindings[0], true), { visible: true, enabled: false, reason: READONLY_REASON });
  assert.deepEqual(bindingState(bindings[0], false), { visible: true, enabled: true });
  const km = createKeymap();
  const hints = hintsFor(bindings, km, 'secrets', true);
  assert.deepEqual(hints.map((h) => [h.keys, h.label, h.disabled]), [['d', 'delete', READONLY_REASON], ['c', 'copy value', undefined], ['r', 'recover', 'nothing to recover']]);
  const help = helpRows(bindings, km, 'secrets', true);
  assert.equal(help.pane.length, 3);
  assert.ok(help.global.some((r) => r.keys === 'Ctrl-P Ctrl-F'));
});

test('a binding that does not apply lets the key fall through to the next one', () => {
  const km = createKeymap();
  const a: Binding = { command: 'back', label: 'clear filter', when: () => false, run: () => {} };
  const b: Binding = { command: 'back', label: 'back', run: () => {} };
  assert.equal(findBinding([a, b], 'esc', km), b);
});
