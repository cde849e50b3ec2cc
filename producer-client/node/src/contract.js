// The wire contract shared with the Java client (dev.hermes.schemas): user ids, API keys, events.
import { createHmac, randomUUID } from 'node:crypto';

export const SCHEMA_VERSION = 1;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MIN_SECRET_BYTES = 16;

/** An Error whose `code` tells what went wrong; `reason` and `retryAfterMs` come from a RuntimeFailed. */
export class HermesError extends Error {
  /** @param {string} code @param {string} message @param {object} [extra] */
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'HermesError';
    this.code = code;
    Object.assign(this, extra);
  }
}

/**
 * Throws unless `userId` is a canonical lowercase UUID: the id is the Kafka key and the container name,
 * so two spellings of one id would give one family two runtimes.
 * @param {unknown} userId
 * @returns {string}
 */
export function checkUserId(userId) {
  if (typeof userId !== 'string' || !CANONICAL_UUID.test(userId)) {
    throw new HermesError(
      'INVALID_USER_ID',
      `not a canonical user id (lowercase 8-4-4-4-12 UUID): ${JSON.stringify(String(userId)).slice(0, 80)}`);
  }
  return userId;
}

/**
 * The family's API_SERVER_KEY: lowercase hex of HMAC-SHA256(secret as UTF-8, canonical user id as UTF-8).
 * See schemas/API-KEYS.md.
 * @param {string} userId
 * @param {string | Buffer} secret at least 16 bytes
 * @returns {string}
 */
export function apiKeyFor(userId, secret) {
  checkUserId(userId);
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (!Buffer.isBuffer(key) || key.length < MIN_SECRET_BYTES) {
    throw new HermesError('INVALID_SECRET', `the API key secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return createHmac('sha256', key).update(userId, 'utf8').digest('hex');
}

/** @param {Date} date  ISO-8601 UTC with a trailing Z, as Instant.toString() */
const iso = (date) => date.toISOString();

/**
 * @param {{userId: string, replyTopic: string, replyPartition: number, deadline: Date, source: string, now: Date}} r
 */
export function runtimeRequested({ userId, replyTopic, replyPartition, deadline, source, now }) {
  return {
    type: 'RuntimeRequested',
    schemaVersion: SCHEMA_VERSION,
    eventId: randomUUID(),
    occurredAt: iso(now),
    userId,
    correlationId: randomUUID(),
    replyTopic,
    replyPartition,
    deadline: iso(deadline),
    source,
  };
}

/** @param {{userId: string, deviceId: string, source: string, now: Date}} h */
export function heartbeat({ userId, deviceId, source, now }) {
  return {
    type: 'Heartbeat',
    schemaVersion: SCHEMA_VERSION,
    eventId: randomUUID(),
    occurredAt: iso(now),
    userId,
    deviceId,
    source,
  };
}

/**
 * The reply a record holds, or null when it is no RuntimeReady/RuntimeFailed of schema version 1.
 * @param {Buffer | null} value
 */
export function parseReply(value) {
  if (!value) return null;
  let event;
  try {
    event = JSON.parse(value.toString('utf8'));
  } catch {
    return null;
  }
  if (!event || event.schemaVersion !== SCHEMA_VERSION || typeof event.correlationId !== 'string') return null;
  return event.type === 'RuntimeReady' || event.type === 'RuntimeFailed' ? event : null;
}
