// hermes-runtime client for Node.js: the same contract as dev.hermes.client.RuntimeClient.
import kafkajs from 'kafkajs';
import { resolveConfig } from './config.js';
import { HermesError, apiKeyFor, checkUserId, heartbeat, runtimeRequested } from './contract.js';
import { startReplies } from './replies.js';

export { apiKeyFor, checkUserId, HermesError } from './contract.js';
export { resolveConfig, parseProperties } from './config.js';
export { replyPartitionFromOrdinal, replyPartitionFromHash } from './reply-partitions.js';

const { Kafka, Partitioners, logLevel } = kafkajs;

/**
 * @typedef {object} ClientOptions
 * @property {string | string[]} [brokers] else HERMES_KAFKA_BOOTSTRAP, KAFKA_BOOTSTRAP_SERVERS, bootstrap.servers
 * @property {string} [topicPrefix] else HERMES_TOPIC_PREFIX, else "hermes."
 * @property {number} [replyPartition] this instance's own reply partition; else HERMES_REPLY_PARTITION, else 0
 * @property {number} [timeoutMs] default ensure timeout; else HERMES_CLIENT_TIMEOUT_MS, else 130000
 * @property {string} [source] carried on every request; else HERMES_CLIENT_SOURCE, else "node"
 * @property {string} [clientId]
 * @property {string} [kafkaPropertiesFile] else HERMES_KAFKA_PROPERTIES_FILE
 * @property {Record<string, string>} [kafkaProperties] Kafka client properties, over the file's
 */

/**
 * @typedef {object} RuntimeReady what ensureRuntime resolves with: the RuntimeReady event as the worker wrote it
 * @property {string} url
 * @property {string} userId
 * @property {string} containerName
 * @property {number} settingsVersion
 * @property {boolean} coldStart
 * @property {number} totalMs
 * @property {string} correlationId
 */

export class RuntimeClient {
  /** @private */
  constructor(config, kafka, producer) {
    this.config = config;
    this.kafka = kafka;
    this.producer = producer;
    /** @type {Map<string, {resolve: Function, reject: Function, timer: NodeJS.Timeout}>} */
    this.pending = new Map();
    this.closed = false;
    this.replies = null;
    /** @type {Set<Promise<unknown>>} sends under way: close() lets them finish, or kafkajs reconnects for them */
    this.sending = new Set();
  }

  /**
   * Connects the producer and positions the reply consumer at the end of this client's reply partition;
   * resolves only then, so the reply to the first request cannot be missed.
   * @param {ClientOptions} [options]
   * @param {Record<string, string | undefined>} [env]
   * @returns {Promise<RuntimeClient>}
   */
  static async create(options = {}, env = process.env) {
    const config = resolveConfig(options, env);
    const kafka = new Kafka({
      clientId: config.clientId,
      brokers: config.brokers,
      ...config.security,
      logLevel: logLevel.ERROR,
    });
    // kafkajs 2.x's default partitioner is Java's: murmur2 of the key (test/unit/partition.test.js checks it)
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
    const client = new RuntimeClient(config, kafka, producer);
    try {
      client.replies = await startReplies(
        kafka,
        { topic: config.topics.replies, partition: config.replyPartition, clientId: config.clientId },
        (event) => client.onReply(event));
    } catch (e) {
      await producer.disconnect().catch(() => {});
      throw e;
    }
    return client;
  }

  /**
   * Resolves with the RuntimeReady (its `url` answers GET /health); rejects with a HermesError whose `code` is
   * RUNTIME_FAILED (with `reason` and, when given, `retryAfterMs`), TIMEOUT, CLOSED or INVALID_USER_ID.
   * @param {string} userId canonical lowercase UUID
   * @param {{timeoutMs?: number}} [opts]
   * @returns {Promise<RuntimeReady>}
   */
  async ensureRuntime(userId, { timeoutMs = this.config.timeoutMs } = {}) {
    checkUserId(userId);
    if (this.closed) throw new HermesError('CLOSED', `the client is closed: no runtime requested for user ${userId}`);
    const now = new Date();
    const request = runtimeRequested({
      userId,
      replyTopic: this.config.topics.replies,
      replyPartition: this.config.replyPartition,
      deadline: new Date(now.getTime() + timeoutMs),
      source: this.config.source,
      now,
    });
    const { correlationId } = request;
    const answer = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new HermesError('TIMEOUT',
          `no answer for user ${userId} within ${timeoutMs} ms (correlationId ${correlationId})`,
          { correlationId }));
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer });
    });
    // not awaited: a timeout or close() may settle the answer while the send is under way
    this.#send(userId, request).catch((e) => this.#fail(correlationId, new HermesError('PUBLISH_FAILED',
      `could not publish the request for user ${userId}: ${e.message}`, { cause: e })));
    return answer;
  }

  /**
   * Fire-and-forget activity: keeps the runtime warm; resolves once the broker has the record.
   * @param {string} userId
   * @param {string} [deviceId]
   */
  async heartbeat(userId, deviceId = 'unknown') {
    checkUserId(userId);
    if (this.closed) throw new HermesError('CLOSED', `the client is closed: no heartbeat for user ${userId}`);
    await this.#send(userId, heartbeat({ userId, deviceId, source: this.config.source, now: new Date() }));
  }

  #send(userId, event) {
    const sent = this.producer.send({
      topic: this.config.topics.requests,
      acks: -1,
      messages: [{ key: userId, value: JSON.stringify(event) }],
    });
    this.sending.add(sent);
    const done = () => this.sending.delete(sent);
    sent.then(done, done);
    return sent;
  }

  /**
   * Rejects every pending ensureRuntime with CLOSED at once, lets the sends under way finish (up to 5 s), then
   * disconnects. Idempotent.
   */
  async close() {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.pending.keys()]) {
      this.#fail(id, new HermesError('CLOSED', 'the client was closed before the answer came'));
    }
    let timer;
    const bound = new Promise((resolve) => { timer = setTimeout(resolve, 5_000); });
    await Promise.race([Promise.allSettled([...this.sending]), bound]);
    clearTimeout(timer);
    await Promise.allSettled([this.producer.disconnect(), this.replies?.disconnect()]);
  }

  #fail(correlationId, error) {
    const waiter = this.pending.get(correlationId);
    if (!waiter) return;
    this.pending.delete(correlationId);
    clearTimeout(waiter.timer);
    waiter.reject(error);
  }

  /** @internal the reply consumer's callback: settles the ensureRuntime waiting for this correlationId, if any. */
  onReply(event) {
    const waiter = this.pending.get(event.correlationId);
    if (!waiter) return;
    this.pending.delete(event.correlationId);
    clearTimeout(waiter.timer);
    if (event.type === 'RuntimeReady') {
      waiter.resolve(event);
    } else {
      waiter.reject(new HermesError('RUNTIME_FAILED', `runtime of user ${event.userId} failed: ${event.reason}: ${event.message}`, {
        reason: event.reason,
        retryAfterMs: event.retryAfterMs ?? undefined,
        correlationId: event.correlationId,
      }));
    }
  }
}

/**
 * @param {ClientOptions} [options]
 * @param {Record<string, string | undefined>} [env]
 */
export const createRuntimeClient = (options, env) => RuntimeClient.create(options, env);
