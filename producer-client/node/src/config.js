// Options, the environment and HERMES_KAFKA_PROPERTIES_FILE (the Java properties file the worker reads)
// turned into one validated configuration and the kafkajs client options.
import { readFileSync } from 'node:fs';
import { topics } from './topics.js';

const DEFAULT_TIMEOUT_MS = 130_000;

/** Java .properties: key=value or key: value lines, # and ! comments, trailing-backslash continuations. */
export function parseProperties(text) {
  /** @type {Record<string, string>} */
  const props = {};
  const lines = text.replace(/\\\r?\n[ \t]*/g, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) props[m[1]] = m[2];
    else props[line] = '';
  }
  return props;
}

function jaasValue(jaas, name) {
  const m = new RegExp(`${name}\\s*=\\s*"([^"]*)"`).exec(jaas ?? '');
  return m ? m[1] : undefined;
}

/**
 * kafkajs `ssl` and `sasl` options from Kafka client properties. Supported: security.protocol (PLAINTEXT, SSL,
 * SASL_PLAINTEXT, SASL_SSL), sasl.mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512) with the username and password
 * of sasl.jaas.config, ssl.truststore.location/ssl.ca.location as a PEM file (ssl.truststore.type=PEM), and
 * ssl.endpoint.identification.algorithm= (empty: no host name check). Anything else is refused, not ignored.
 * @param {Record<string, string>} props
 */
export function securityOptions(props) {
  const protocol = (props['security.protocol'] ?? 'PLAINTEXT').toUpperCase();
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol)) {
    throw new Error(`security.protocol ${protocol} is not supported (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL)`);
  }
  /** @type {{ssl?: any, sasl?: any}} */
  const out = {};
  if (protocol === 'SSL' || protocol === 'SASL_SSL') {
    const ssl = {};
    const caFile = props['ssl.ca.location'] ?? props['ssl.truststore.location'];
    if (caFile) {
      if (props['ssl.truststore.location'] && (props['ssl.truststore.type'] ?? 'JKS').toUpperCase() !== 'PEM') {
        throw new Error('the Node client reads only PEM trust stores: set ssl.truststore.type=PEM');
      }
      ssl.ca = [readFileSync(caFile, 'utf8')];
    }
    if (props['ssl.endpoint.identification.algorithm'] === '') {
      ssl.checkServerIdentity = () => undefined;
    }
    out.ssl = Object.keys(ssl).length ? ssl : true;
  }
  if (protocol.startsWith('SASL_')) {
    const mechanism = (props['sasl.mechanism'] ?? 'GSSAPI').toUpperCase();
    if (!['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'].includes(mechanism)) {
      throw new Error(`sasl.mechanism ${mechanism} is not supported (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)`);
    }
    const jaas = props['sasl.jaas.config'];
    const username = props['sasl.username'] ?? jaasValue(jaas, 'username');
    const password = props['sasl.password'] ?? jaasValue(jaas, 'password');
    if (!username || password === undefined) {
      throw new Error('SASL needs a username and password (sasl.jaas.config or sasl.username/sasl.password)');
    }
    out.sasl = { mechanism: mechanism.toLowerCase(), username, password };
  }
  return out;
}

function positiveInt(value, name, min) {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got '${value}'`);
  return n;
}

/**
 * The client's configuration: `options` win over the environment, which wins over the properties file.
 * @param {import('./index.js').ClientOptions} options
 * @param {Record<string, string | undefined>} env
 */
export function resolveConfig(options = {}, env = process.env) {
  const file = options.kafkaPropertiesFile ?? env.HERMES_KAFKA_PROPERTIES_FILE;
  const props = { ...(file ? parseProperties(readFileSync(file, 'utf8')) : {}), ...(options.kafkaProperties ?? {}) };
  const brokers = options.brokers
    ?? env.HERMES_KAFKA_BOOTSTRAP ?? env.KAFKA_BOOTSTRAP_SERVERS ?? props['bootstrap.servers'];
  const list = (Array.isArray(brokers) ? brokers : String(brokers ?? '').split(','))
    .map((b) => b.trim()).filter(Boolean);
  if (list.length === 0) {
    throw new Error('no Kafka bootstrap servers: pass brokers, or set HERMES_KAFKA_BOOTSTRAP or KAFKA_BOOTSTRAP_SERVERS');
  }
  const source = options.source ?? env.HERMES_CLIENT_SOURCE ?? 'node';
  if (!source) throw new Error('source must not be empty (chat, whatsapp, voice, integrations, ...)');
  return {
    brokers: list,
    topics: topics(options.topicPrefix ?? env.HERMES_TOPIC_PREFIX ?? undefined),
    replyPartition: positiveInt(options.replyPartition ?? env.HERMES_REPLY_PARTITION ?? 0, 'replyPartition', 0),
    timeoutMs: positiveInt(options.timeoutMs ?? env.HERMES_CLIENT_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS, 'timeoutMs', 1),
    source,
    clientId: options.clientId ?? `hermes-client-${source}`,
    security: securityOptions(props),
  };
}
