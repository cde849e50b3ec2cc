// The Java client's contract, checked on the vectors in schemas/test-vectors (Java tests check the same files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { apiKeyFor, checkUserId } from '../../src/index.js';

const vectors = (name) =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/test-vectors/${name}`, import.meta.url), 'utf8'));

test('apiKeyFor gives every API-key vector', () => {
  const all = vectors('api-keys.json');
  assert.ok(all.length >= 3);
  for (const { userId, secret, apiKey } of all) {
    assert.equal(apiKeyFor(userId, secret), apiKey, `${userId} / ${secret}`);
  }
});

test('apiKeyFor refuses a secret shorter than 16 bytes and a non-canonical user id', () => {
  assert.throws(() => apiKeyFor('3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11', 'short'), { code: 'INVALID_SECRET' });
  assert.throws(() => apiKeyFor('3F2C1B9E-3F7E-4C55-9A35-0F0C3F1D8A11', 'a-16-byte-secret'), { code: 'INVALID_USER_ID' });
});

test('kafkajs default partitioner puts each key on the partition of Java murmur2', () => {
  const partitioner = kafkajs.Partitioners.DefaultPartitioner();
  const all = vectors('partitions.json');
  assert.ok(all.length >= 5);
  for (const { userId, partitions } of all) {
    for (const [count, expected] of Object.entries(partitions)) {
      const partitionMetadata = Array.from({ length: Number(count) }, (_, i) => ({ partitionId: i, leader: 0 }));
      const got = partitioner({ topic: 't', partitionMetadata, message: { key: userId, value: '' } });
      assert.equal(got, expected, `${userId} over ${count} partitions`);
    }
  }
});

test('only canonical lowercase UUIDs are user ids', () => {
  assert.equal(checkUserId('3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11'), '3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11');
  for (const bad of ['', 'x', '{3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11}', '3f2c1b9e3f7e4c559a350f0c3f1d8a11',
    'urn:uuid:3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11', undefined, 42]) {
    assert.throws(() => checkUserId(bad), { code: 'INVALID_USER_ID' }, String(bad));
  }
});
