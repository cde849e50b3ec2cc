// How answers settle ensureRuntime, on a stand-in producer (the real broker and worker: test/it, NodeClientIT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuntimeClient, resolveConfig } from '../../src/index.js';

const USER = '3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11';

function clientWithFakeProducer(options = {}) {
  const sent = [];
  const producer = {
    send: async (record) => { sent.push(record); return [{ partition: 0 }]; },
    disconnect: async () => {},
  };
  const config = resolveConfig({ brokers: 'fake:9092', replyPartition: 4, source: 'chat', ...options }, {});
  return { client: new RuntimeClient(config, null, producer), sent };
}

const request = (sent) => JSON.parse(sent.at(-1).messages[0].value);

test('a request carries the contract fields and the answer with its correlationId resolves it', async () => {
  const { client, sent } = clientWithFakeProducer();
  const before = Date.now();
  const answer = client.ensureRuntime(USER, { timeoutMs: 30_000 });
  await new Promise(setImmediate);
  const r = request(sent);
  assert.equal(sent[0].topic, 'hermes.runtime.requests');
  assert.equal(sent[0].messages[0].key, USER);
  assert.equal(r.type, 'RuntimeRequested');
  assert.equal(r.schemaVersion, 1);
  assert.equal(r.replyTopic, 'hermes.runtime.replies');
  assert.equal(r.replyPartition, 4);
  assert.equal(r.source, 'chat');
  assert.match(r.correlationId, /^[0-9a-f-]{36}$/);
  assert.match(r.deadline, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const deadline = Date.parse(r.deadline);
  assert.ok(deadline >= before + 30_000 && deadline <= Date.now() + 30_000);

  client.onReply({ type: 'RuntimeReady', correlationId: 'someone-else', userId: USER, url: 'http://wrong' });
  client.onReply({ type: 'RuntimeReady', correlationId: r.correlationId, userId: USER, url: 'http://127.0.0.1:1' });
  assert.equal((await answer).url, 'http://127.0.0.1:1');
  await client.close();
});

test('RuntimeFailed rejects with its reason and retryAfterMs', async () => {
  const { client, sent } = clientWithFakeProducer();
  const answer = client.ensureRuntime(USER, { timeoutMs: 30_000 });
  await new Promise(setImmediate);
  client.onReply({
    type: 'RuntimeFailed', correlationId: request(sent).correlationId, userId: USER,
    reason: 'CAPACITY', message: 'the engine is full', retryAfterMs: 1500,
  });
  await assert.rejects(answer, (e) => {
    assert.equal(e.code, 'RUNTIME_FAILED');
    assert.equal(e.reason, 'CAPACITY');
    assert.equal(e.retryAfterMs, 1500);
    assert.match(e.message, /CAPACITY: the engine is full/);
    return true;
  });
  await client.close();
});

test('close rejects every pending call and every later one with CLOSED', async () => {
  const { client } = clientWithFakeProducer();
  const pending = assert.rejects(client.ensureRuntime(USER, { timeoutMs: 30_000 }), { code: 'CLOSED' });
  await client.close();
  await pending;
  await assert.rejects(client.ensureRuntime(USER), { code: 'CLOSED' });
  await assert.rejects(client.heartbeat(USER), { code: 'CLOSED' });
});

test('a heartbeat is keyed by the user id and carries deviceId and source', async () => {
  const { client, sent } = clientWithFakeProducer({ source: 'home-device' });
  await client.heartbeat(USER, 'device-42');
  const h = request(sent);
  assert.equal(sent[0].messages[0].key, USER);
  assert.deepEqual([h.type, h.schemaVersion, h.userId, h.deviceId, h.source], ['Heartbeat', 1, USER, 'device-42', 'home-device']);
  await client.close();
});
