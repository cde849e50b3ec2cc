// Options, the environment and HERMES_KAFKA_PROPERTIES_FILE (the Java properties file the worker reads)
// turned into one validated configuration and the kafkajs client options.
import { readFileSync } from 'node:fs';
import { topics } from './topics.js';

const DEFAULT_TIMEOUT_MS = 130_000;

const ESCAPES = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** The escapes of a .properties key or value: \t \n \r \f, \uXXXX, and \x for any other x. */
function unescape(text) {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, e) =>
    e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e));
}

/**
 * Java .properties as java.util.Properties#load reads them: key=value, key: value or key value; # and ! comment
 * lines; a line ending in an odd number of backslashes goes on (leading blanks of the next line skipped); escapes.
 */
export function parseProperties(text) {
  /** @type {Record<string, string>} */
  const props = {};
  const natural = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < natural.length; i++) {
    let line = natural[i].replace(/^[ \t\f]+/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < natural.length) {
      line = line.slice(0, -1) + natural[++i].replace(/^[ \t\f]+/, '');
    }
    const m = /^((?:\\[\s\S]|[^\\=: \t\f])*)[ \t\f]*(?:[=:][ \t\f]*)?([\s\S]*)$/.exec(line);
    props[unescape(m[1])] = unescape(m[2].replace(/(^|[^\\])(\\\\)*\\$/, '$1$2'));
  }
  return props;
}

/** The Kafka client settings the Node client maps onto kafkajs; any other ssl.* or sasl.* one is refused. */
export const MAPPED_PROPERTIES = Object.freeze([
  'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'sasl.username', 'sasl.password',
  'ssl.truststore.location', 'ssl.truststore.type', 'ssl.ca.location', 'ssl.endpoint.identification.algorithm',
]);

/** Names (never values: they may be credentials) the security settings kafkajs cannot be given. */
function refuseUnmapped(props) {
  const unmapped = Object.keys(props)
    .filter((k) => (k.startsWith('ssl.') || k.startsWith('sasl.')) && !MAPPED_PROPERTIES.includes(k))
    .sort();
  if (unmapped.length) {
    throw new Error(`the Node client cannot honour ${unmapped.join(', ')} (client certificates, Kerberos, `
      + `OAuth, key stores, protocol tuning): it maps only ${MAPPED_PROPERTIES.join(', ')}`);
  }
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
  refuseUnmapped(props);
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
    const identification = (props['ssl.endpoint.identification.algorithm'] ?? 'https').toLowerCase();
    if (identification === '') {
      ssl.checkServerIdentity = () => undefined;
    } else if (identification !== 'https') {
      throw new Error(`ssl.endpoint.identification.algorithm ${identification} is not supported (https, or empty)`);
    }
    out.ssl = Object.keys(ssl).length ? ssl : true;
  }
  if (protocol.startsWith('SASL_')) {
    const mechanism = (props['sasl.mechanism'] ?? 'GSSAPI').toUpperCase();
    if (!['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'].includes(mechanism)) {
      throw new Error(`sasl.mechanism ${mechanism} is not supported (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)`);
    }
    const jaas = props['sasl.jaas.config'];
    const module = /^\s*([\w.$]+)/.exec(jaas ?? '')?.[1];
    const expected = mechanism === 'PLAIN' ? 'PlainLoginModule' : 'ScramLoginModule';
    if (module && !module.endsWith(`.${expected}`) && module !== expected) {
      throw new Error(`sasl.jaas.config: the Node client maps only ${expected} for ${mechanism}, got ${module}`);
    }
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
