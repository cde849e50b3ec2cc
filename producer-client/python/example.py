#!/usr/bin/python3
"""Ensure a family's runtime, then heartbeat it: python3 example.py USER_ID [TIMEOUT_S]

Prints one JSON line per step ({"step": ..., ...}); exits 1 with {"step": "error", "code": ...} on a failure.
Configured from the environment: HERMES_KAFKA_BOOTSTRAP (or KAFKA_BOOTSTRAP_SERVERS), HERMES_TOPIC_PREFIX,
HERMES_REPLY_PARTITION, HERMES_CLIENT_SOURCE, HERMES_KAFKA_PROPERTIES_FILE.
"""
import json
import sys

from hermes_client import HermesError, from_env


def main(argv):
    user_id = argv[1]
    timeout_s = float(argv[2]) if len(argv) > 2 else 60.0
    client = from_env()
    try:
        ready = client.ensure_runtime(user_id, timeout_s)
        print(json.dumps({"step": "ready", "url": ready["url"], "coldStart": ready["coldStart"]}), flush=True)
        client.heartbeat(user_id, "python-example")
        print(json.dumps({"step": "heartbeat"}), flush=True)
        return 0
    except HermesError as e:
        print(json.dumps({"step": "error", "code": e.code, "reason": e.reason, "message": str(e)}), flush=True)
        return 1
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
