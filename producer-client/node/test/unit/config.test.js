import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProperties, resolveConfig, replyPartitionFromHash, replyPartitionFromOrdinal } from '../../src/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'hermes-node-'));
const file = (name, text) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

test('the environment configures brokers, topics, reply partition, timeout and source', () => {
  const c = resolveConfig({}, {
    KAFKA_BOOTSTRAP_SERVERS: 'a:9092, b:9092', HERMES_TOPIC_PREFIX: 'dev.', HERMES_REPLY_PARTITION: '3',
    HERMES_CLIENT_TIMEOUT_MS: '5000', HERMES_CLIENT_SOURCE: 'whatsapp',
  });
  assert.deepEqual(c.brokers, ['a:9092', 'b:9092']);
  assert.equal(c.topics.requests, 'dev.runtime.requests');
  assert.equal(c.topics.replies, 'dev.runtime.replies');
  assert.equal(c.replyPartition, 3);
  assert.equal(c.timeoutMs, 5000);
  assert.equal(c.source, 'whatsapp');
  assert.deepEqual(c.security, {});
});

test('options win over the environment and HERMES_KAFKA_BOOTSTRAP over KAFKA_BOOTSTRAP_SERVERS', () => {
  const env = { HERMES_KAFKA_BOOTSTRAP: 'h:1', KAFKA_BOOTSTRAP_SERVERS: 'k:1', HERMES_REPLY_PARTITION: '3' };
  assert.deepEqual(resolveConfig({}, env).brokers, ['h:1']);
  const c = resolveConfig({ brokers: ['o:1'], replyPartition: 0 }, env);
  assert.deepEqual(c.brokers, ['o:1']);
  assert.equal(c.replyPartition, 0);
});

test('bad settings are refused with the setting named', () => {
  assert.throws(() => resolveConfig({}, {}), /bootstrap servers/);
  assert.throws(() => resolveConfig({}, { KAFKA_BOOTSTRAP_SERVERS: 'a:1', HERMES_REPLY_PARTITION: '-1' }), /replyPartition/);
  assert.throws(() => resolveConfig({}, { KAFKA_BOOTSTRAP_SERVERS: 'a:1', HERMES_CLIENT_TIMEOUT_MS: 'soon' }), /timeoutMs/);
  assert.throws(() => resolveConfig({}, { KAFKA_BOOTSTRAP_SERVERS: 'a:1', HERMES_TOPIC_PREFIX: 'a b' }), /topic prefix/);
});

test('the worker properties file gives bootstrap servers, SCRAM over TLS and a PEM CA', () => {
  const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const props = file('client.properties', [
    '# the same file the worker reads',
    'bootstrap.servers=kafka-0:9093,kafka-1:9093',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
    '    username="hermes" password="s3cret";',
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${ca}`,
  ].join('\n'));
  const c = resolveConfig({}, { HERMES_KAFKA_PROPERTIES_FILE: props });
  assert.deepEqual(c.brokers, ['kafka-0:9093', 'kafka-1:9093']);
  assert.deepEqual(c.security.sasl, { mechanism: 'scram-sha-512', username: 'hermes', password: 's3cret' });
  assert.match(c.security.ssl.ca[0], /BEGIN CERTIFICATE/);
});

test('unsupported security settings are refused rather than ignored', () => {
  assert.throws(() => resolveConfig({ brokers: 'a:1', kafkaProperties: { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'GSSAPI' } }, {}), /GSSAPI/);
  assert.throws(() => resolveConfig({ brokers: 'a:1', kafkaProperties: { 'security.protocol': 'SSL', 'ssl.truststore.location': '/x.jks' } }, {}), /PEM/);
  assert.throws(() => resolveConfig({ brokers: 'a:1', kafkaProperties: { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN' } }, {}), /username and password/);
});

test('properties parse as Java reads them', () => {
  assert.deepEqual(parseProperties('a=1\n# c\n! c\nb : 2\nc 3\nd=x\\\n  y\n'), { a: '1', b: '2', c: '3', d: 'xy' });
  // what java.util.Properties#load gives for the same lines (checked against Java 17)
  const text = [
    '# comment \\', 'e=back\\\\slash\\\\', 'f=pa\\"ss\\u0041\\tz', 'k\\=ey\\ x=v', 'g = = h', 'h:',
    'sasl.jaas.config=ScramLoginModule required \\', '    password="s3\\\\cret";', 'last=tail\\',
  ].join('\n');
  assert.deepEqual(parseProperties(text), {
    e: 'back\\slash\\', f: 'pa"ssA\tz', 'k=ey x': 'v', g: '= h', h: '',
    'sasl.jaas.config': 'ScramLoginModule required password="s3\\cret";', last: 'tail',
  });
});

test('security settings kafkajs cannot be given are refused by name, never showing a value', () => {
  const sasl = { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-256' };
  const jaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="hunter2";';
  const refused = (props, pattern) => assert.throws(
    () => resolveConfig({ brokers: 'a:1', kafkaProperties: props }, {}),
    (e) => pattern.test(e.message) && !e.message.includes('hunter2'));
  refused({ ...sasl, 'sasl.jaas.config': jaas, 'ssl.keystore.location': '/k.p12', 'ssl.key.password': 'hunter2' },
    /cannot honour ssl.key.password, ssl.keystore.location/);
  refused({ ...sasl, 'sasl.jaas.config': jaas, 'sasl.login.callback.handler.class': 'x.Y' },
    /cannot honour sasl.login.callback.handler.class/);
  refused({ ...sasl, 'sasl.jaas.config': jaas.replace('scram.ScramLoginModule', 'plain.PlainLoginModule') },
    /maps only ScramLoginModule for SCRAM-SHA-256, got org.apache.kafka.common.security.plain.PlainLoginModule/);
  refused({ ...sasl, 'sasl.jaas.config': jaas, 'ssl.endpoint.identification.algorithm': 'ldap' },
    /identification.algorithm ldap is not supported/);
  const ok = resolveConfig({ brokers: 'a:1', kafkaProperties: { ...sasl, 'sasl.jaas.config': jaas } }, {});
  assert.deepEqual(ok.security, { ssl: true, sasl: { mechanism: 'scram-sha-256', username: 'u', password: 'hunter2' } });
});

test('reply partitions come from a StatefulSet ordinal or a stable hash of the pod name', () => {
  assert.equal(replyPartitionFromOrdinal('chat-3'), 3);
  assert.equal(replyPartitionFromOrdinal('chat-13', 12), 1);
  assert.throws(() => replyPartitionFromOrdinal('chat'), /ordinal/);
  // the values Java's ReplyPartitions.hash gives (ReplyPartitionsTest): String.hashCode & 0x7fffffff
  assert.equal(replyPartitionFromHash('chat-7d9f8-abcde', 12), 3);
  assert.equal(replyPartitionFromHash('voice-0', 32), 21);
});
