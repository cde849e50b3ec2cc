"""A small hermes-runtime client on confluent-kafka (Debian: python3-confluent-kafka), with the Java client's contract.

- Requests and heartbeats are keyed by the canonical user id and partitioned with murmur2 (librdkafka's
  'murmur2_random'), the partition Java's default partitioner and the family's owning worker use.
- Replies are read from this instance's own partition of the reply topic, by assign() at the end offset read
  before the first request is sent, so the first reply cannot be missed.
"""
import hashlib
import hmac
import json
import os
import re
import time
import uuid
from datetime import datetime, timedelta, timezone

from confluent_kafka import Consumer, Producer, TopicPartition

CANONICAL_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class HermesError(Exception):
    def __init__(self, code, message, reason=None, retry_after_ms=None):
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.retry_after_ms = retry_after_ms


def check_user_id(user_id):
    if not isinstance(user_id, str) or not CANONICAL_UUID.match(user_id):
        raise HermesError("INVALID_USER_ID", "not a canonical user id (lowercase 8-4-4-4-12 UUID): %r" % (user_id,))
    return user_id


def api_key_for(user_id, secret):
    """Lowercase hex of HMAC-SHA256(secret as UTF-8, canonical user id as UTF-8); see schemas/API-KEYS.md."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    if len(key) < 16:
        raise HermesError("INVALID_SECRET", "the API key secret must be at least 16 bytes")
    return hmac.new(key, check_user_id(user_id).encode("utf-8"), hashlib.sha256).hexdigest()


def _iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)


class RuntimeClient:
    def __init__(self, bootstrap, topic_prefix="hermes.", reply_partition=0, source="python", extra=None):
        conf = dict(extra or {})
        conf["bootstrap.servers"] = bootstrap
        self.requests = topic_prefix + "runtime.requests"
        self.replies = topic_prefix + "runtime.replies"
        self.reply_partition = reply_partition
        self.source = source
        # librdkafka hashes keys with CRC32 by default; murmur2_random is Java's murmur2
        self.producer = Producer({**conf, "partitioner": "murmur2_random", "acks": "all"})
        self.consumer = Consumer({**conf, "group.id": "hermes-client-%s-%s" % (source, uuid.uuid4()),
                                  "enable.auto.commit": False})
        _, end = self.consumer.get_watermark_offsets(TopicPartition(self.replies, reply_partition), timeout=30)
        self.consumer.assign([TopicPartition(self.replies, reply_partition, end)])

    def ensure_runtime(self, user_id, timeout_s=130.0):
        """Returns the RuntimeReady event (a dict with 'url'); raises HermesError RUNTIME_FAILED or TIMEOUT."""
        check_user_id(user_id)
        now = datetime.now(timezone.utc)
        correlation_id = str(uuid.uuid4())
        request = {
            "type": "RuntimeRequested", "schemaVersion": 1, "eventId": str(uuid.uuid4()),
            "occurredAt": _iso(now), "userId": user_id, "correlationId": correlation_id,
            "replyTopic": self.replies, "replyPartition": self.reply_partition,
            "deadline": _iso(now + timedelta(seconds=timeout_s)), "source": self.source,
        }
        self._send(user_id, request)
        until = time.monotonic() + timeout_s
        while time.monotonic() < until:
            msg = self.consumer.poll(min(0.5, max(0.0, until - time.monotonic())))
            if msg is None or msg.error():
                continue
            try:
                event = json.loads(msg.value())
            except ValueError:
                continue
            if event.get("correlationId") != correlation_id or event.get("schemaVersion") != 1:
                continue
            if event.get("type") == "RuntimeReady":
                return event
            if event.get("type") == "RuntimeFailed":
                raise HermesError("RUNTIME_FAILED", "%s: %s" % (event["reason"], event["message"]),
                                  event["reason"], event.get("retryAfterMs"))
        raise HermesError("TIMEOUT", "no answer for user %s within %s s (correlationId %s)"
                          % (user_id, timeout_s, correlation_id))

    def heartbeat(self, user_id, device_id="unknown"):
        check_user_id(user_id)
        self._send(user_id, {
            "type": "Heartbeat", "schemaVersion": 1, "eventId": str(uuid.uuid4()),
            "occurredAt": _iso(datetime.now(timezone.utc)), "userId": user_id,
            "deviceId": device_id, "source": self.source,
        })

    def _send(self, user_id, event):
        errors = []
        self.producer.produce(self.requests, key=user_id, value=json.dumps(event),
                              on_delivery=lambda err, _msg: err and errors.append(err))
        if self.producer.flush(30) != 0 or errors:
            raise HermesError("PUBLISH_FAILED", "could not publish %s for user %s: %s"
                              % (event["type"], user_id, errors or "flush timed out"))

    def close(self):
        self.producer.flush(5)
        self.consumer.close()


def from_env(env=os.environ):
    bootstrap = env.get("HERMES_KAFKA_BOOTSTRAP") or env.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        raise HermesError("CONFIG", "set HERMES_KAFKA_BOOTSTRAP or KAFKA_BOOTSTRAP_SERVERS")
    extra = {}
    path = env.get("HERMES_KAFKA_PROPERTIES_FILE")
    if path:
        # librdkafka reads most Java client keys as they are (security.protocol, sasl.mechanism, ssl.ca.location)
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith(("#", "!")) and "=" in line:
                    k, v = line.split("=", 1)
                    extra[k.strip()] = v.strip()
        extra.pop("bootstrap.servers", None)
    return RuntimeClient(bootstrap, env.get("HERMES_TOPIC_PREFIX", "hermes."),
                         int(env.get("HERMES_REPLY_PARTITION", "0")), env.get("HERMES_CLIENT_SOURCE", "python"), extra)
