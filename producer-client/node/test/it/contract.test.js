// Run by the Java NodeClientIT against a real broker and worker (not on its own): it needs
// HERMES_KAFKA_BOOTSTRAP, HERMES_TOPIC_PREFIX, HERMES_IT_USER (a fresh family the IT removes afterwards),
// HERMES_IT_SECRET and HERMES_IT_OUT (a file for what the Java side checks: the URL, the API key).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createRuntimeClient, apiKeyFor } from '../../src/index.js';

const user = process.env.HERMES_IT_USER;
const out = {};
const client = await createRuntimeClient();
after(async () => {
  writeFileSync(process.env.HERMES_IT_OUT, JSON.stringify(out));
  await client.close();
});

test('ensureRuntime resolves with the ready runtime of the family', async () => {
  const ready = await client.ensureRuntime(user, { timeoutMs: 60_000 });
  assert.equal(ready.type, 'RuntimeReady');
  assert.equal(ready.userId, user);
  assert.match(ready.url, /^http:\/\//);
  out.url = ready.url;
  out.apiKey = apiKeyFor(user, process.env.HERMES_IT_SECRET);
  const again = await client.ensureRuntime(user, { timeoutMs: 30_000 });
  assert.equal(again.coldStart, false, 'the second answer is warm');
  assert.equal(again.url, ready.url);
});

test('heartbeat is accepted by the broker', async () => {
  await client.heartbeat(user, 'node-it');
  out.heartbeat = true;
});

test('a non-canonical user id is refused before anything is sent', async () => {
  await assert.rejects(client.ensureRuntime(user.toUpperCase()), { code: 'INVALID_USER_ID' });
  await assert.rejects(client.heartbeat('not-a-uuid'), { code: 'INVALID_USER_ID' });
});

test('an answer that does not come in time rejects with TIMEOUT', async () => {
  await assert.rejects(client.ensureRuntime(user, { timeoutMs: 1 }), (e) => {
    assert.equal(e.code, 'TIMEOUT');
    assert.match(e.message, /within 1 ms/);
    return true;
  });
});

test('close rejects a pending ensureRuntime with CLOSED', async () => {
  const other = await createRuntimeClient({ replyPartition: 1 });
  const rejected = assert.rejects(other.ensureRuntime(user, { timeoutMs: 60_000 }), { code: 'CLOSED' });
  await other.close();
  await rejected;
  await assert.rejects(other.ensureRuntime(user), { code: 'CLOSED' });
});
