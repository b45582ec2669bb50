/** The throttling window: 10 s by default, as Azure counts; injectable so tests wait a second, not ten. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Faults, THROTTLE_WINDOW_MS } from '../../source/emulator/faults.js';

test('over the limit, a request is throttled until its vault\'s window ends; Retry-After says how long', () => {
  let now = 0;
  const faults = new Faults({ throttle: 2 }, () => now);
  assert.equal(THROTTLE_WINDOW_MS, 10_000);
  assert.equal(faults.throttled('a-kv'), undefined);
  assert.equal(faults.throttled('A-KV'), undefined, 'vault names count case-insensitively');
  now = 2_500;
  assert.equal(faults.throttled('a-kv')?.retryAfterSeconds, 8);
  assert.equal(faults.throttled('b-kv'), undefined, 'per vault');
  now = 10_000;
  assert.equal(faults.throttled('a-kv'), undefined, 'a new window');
});

test('a shorter window ends sooner, and Retry-After never says less than a second', () => {
  let now = 0;
  const faults = new Faults({ throttle: 1, throttleWindowMs: 300 }, () => now);
  faults.throttled('a-kv');
  now = 100;
  assert.equal(faults.throttled('a-kv')?.retryAfterSeconds, 1);
  now = 300;
  assert.equal(faults.throttled('a-kv'), undefined);
});
