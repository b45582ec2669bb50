import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Key } from 'ink';
import { bindingState, findBinding, READONLY_REASON, type Binding } from '../../source/ui/keymap/bindings.js';
import { COMMAND_IDS, COMMANDS, commandsIn } from '../../source/ui/keymap/commands.js';
import { createKeymap, hintLine, keysText } from '../../source/ui/keymap/keymap.js';
import { displayKey, isKeyName, keyName, normalizeKeyName } from '../../source/ui/keymap/keys.js';
import { hintsFor } from '../../source/ui/components/footer.js';
import { helpRows } from '../../source/ui/components/help.js';

const key = (k: Partial<Key>): Key => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...k });

test('the default keys are issue 3\'s list', () => {
  const k = (id: keyof typeof COMMANDS) => [...COMMANDS[id].keys];
  for (let n = 1; n <= 8; n++) assert.deepEqual(k(`pane.${n}` as keyof typeof COMMANDS), [String(n)]);
  assert.deepEqual([k('pane.next'), k('pane.prev')], [['tab'], ['shift+tab']]);
  assert.deepEqual([k('up'), k('down'), k('pageUp'), k('pageDown'), k('top'), k('bottom')], [['up', 'k'], ['down', 'j'], ['pageup'], ['pagedown'], ['g', 'home'], ['G', 'end']]);
  assert.deepEqual([k('open'), k('back'), k('filter'), k('palette'), k('lookup')[0], k('reveal'), k('copy')[0], k('new'), k('edit'), k('delete'), k('recover'), k('purge'), k('refresh')[0], k('help'), k('quit')],
    [['enter'], ['esc'], ['/'], [':'], 'ctrl+p', ['v'], 'c', ['n'], ['e'], ['d'], ['r'], ['P'], 'R', ['?'], ['q', 'ctrl+c']]);
});

test('the table is total and consistent: every command has keys a terminal sends, words, a place, and no default key means two things', () => {
  for (const id of COMMAND_IDS) {
    const c = COMMANDS[id];
    assert.ok(c.keys.length > 0, `${id} has default keys`);
    assert.ok(c.keys.every(isKeyName), `${id}'s keys are keys: ${c.keys.join(', ')}`);
    assert.ok(c.description.length > 0, `${id} has a description`);
    assert.ok(c.in.length > 0, `${id} is heard somewhere`);
  }
  assert.deepEqual(createKeymap().problems, []);
  // Every dialog's commands are in the table: a capture cannot listen to a key of its own.
  for (const place of ['confirm', 'form', 'palette', 'lookup', 'filter', 'text', 'help', 'picker', 'result', 'boot'] as const) {
    assert.ok(commandsIn(place).length > 0, `${place} has commands`);
  }
});

test('keys are named the way bindings spell them, and overrides may spell them loosely', () => {
  assert.equal(keyName('p', key({ ctrl: true })), 'ctrl+p');
  assert.equal(keyName('', key({ tab: true, shift: true })), 'shift+tab');
  assert.equal(keyName('G', key({ shift: true })), 'G');
  assert.equal(keyName('', key({ pageDown: true })), 'pagedown');
  assert.equal(displayKey('ctrl+p'), 'Ctrl-P');
  assert.deepEqual(['Ctrl+P', 'Escape', 'space', 'Enter', 'PgDn', 'G', 'alt+x'].map(normalizeKeyName), ['ctrl+p', 'esc', ' ', 'enter', 'pagedown', 'G', 'alt+x']);
  assert.equal(isKeyName('ctrl+shift+x'), false);
  assert.equal(isKeyName('f1'), false);
});

test('overrides rebind a command everywhere or in one pane', () => {
  const km = createKeymap({ delete: ['x'], 'secrets.copy': ['y'], 'keys.try': ['T'] });
  assert.deepEqual(km.problems, []);
  assert.deepEqual(km.keysFor('delete'), ['x']);
  assert.deepEqual(km.keysFor('copy', 'secrets'), ['y']);
  assert.deepEqual(km.keysFor('copy', 'keys'), ['c', 'ctrl+y']);
  assert.deepEqual(km.keysFor('keys.try'), ['T']);
  assert.equal(km.commandFor('x', ['delete', 'quit']), 'delete');
});

test('an override that gives q to delete is reported and left out: q still quits', () => {
  const km = createKeymap({ delete: ['q'] });
  assert.deepEqual(km.keysFor('delete'), ['d']);
  assert.deepEqual(km.keysFor('quit'), ['q', 'ctrl+c']);
  assert.equal(km.problems.length, 1);
  assert.match(km.problems[0], /"delete": \["q"\] was not applied: "q" already means "quit"/);
});

test('conflicts are checked where both commands are heard: a pane\'s own key, a pane-only override, a dialog', () => {
  // x is Audit's "clear filters"; in the Keys pane, and for delete (never heard in Audit), it is free.
  assert.deepEqual(createKeymap({ 'keys.try': ['x'] }).problems, []);
  assert.deepEqual(createKeymap({ delete: ['x'] }).problems, []);
  assert.match(createKeymap({ 'audit.clearFilters': ['R'] }).problems[0], /"R" already means "refresh"/);
  assert.match(createKeymap({ 'secrets.copy': ['d'] }).problems[0], /"secrets.copy".*"d" already means "delete"/);
  assert.match(createKeymap({ 'confirm.no': ['y'] }).problems[0], /"y" already means "confirm"/);
  assert.match(createKeymap({ 'lookup.results': ['k'] }).problems[0], /"k" already means "up"/);
  // Two overrides that fight: the later one gives way, the earlier one applies.
  const both = createKeymap({ reveal: ['z'], edit: ['z'] });
  assert.deepEqual([both.keysFor('reveal'), both.keysFor('edit')], [['z'], ['e']]);
  assert.match(both.problems[0], /"edit"/);
});

test('unknown commands, bad values, keys no terminal sends and letters stolen from text fields are reported', () => {
  const km = createKeymap({ dlete: ['x'], copy: 'y', edit: ['ctrl+shift+e'], 'filter.keep': ['k'], 'form.next': ['j', 'tab'] });
  assert.equal(km.problems.length, 4);
  assert.match(km.problems[0], /"dlete" is not a command/);
  assert.match(km.problems[1], /"copy" must be a list of keys/);
  assert.match(km.problems[2], /"ctrl\+shift\+e" is not a key/);
  assert.match(km.problems[3], /"filter.keep": "k" types a character/);
  assert.deepEqual(km.keysFor('copy'), ['c', 'ctrl+y']);
  // A form has checkboxes and choices, where j may move; in its text fields j stays a letter.
  assert.deepEqual(km.keysFor('form.next'), ['j', 'tab']);
  assert.equal(km.commandFor('j', ['form.next']), 'form.next');
  assert.equal(km.commandFor('j', ['form.next'], { typing: true }), undefined);
  assert.match(createKeymap(['x'] as unknown as Record<string, unknown>).problems[0], /must be an object/);
});

test('hints are drawn from the keymap', () => {
  const km = createKeymap({ 'confirm.yes': ['o', 'enter'] });
  assert.equal(hintLine(km, [['confirm.yes', 'delete'], ['confirm.no', 'cancel']]), 'o / Enter delete · n / Esc / q cancel');
  assert.equal(keysText(km, 'copy', { typing: true }), 'Ctrl-Y');
  assert.equal(keysText(createKeymap(), 'confirm.yes'), 'y / Enter');
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
  // The dialogs' keys are in the help too, from the same table.
  const forms = help.dialogs.find((d) => d.title === 'Forms')!;
  assert.ok(forms.rows.some((r) => r.keys === 'Ctrl-S' && /save/.test(r.label)));
});

test('a binding that does not apply lets the key fall through to the next one', () => {
  const km = createKeymap();
  const a: Binding = { command: 'back', label: 'clear filter', when: () => false, run: () => {} };
  const b: Binding = { command: 'back', label: 'back', run: () => {} };
  assert.equal(findBinding([a, b], 'esc', km), b);
});
