#!/bin/sh
# ops/deploy/secrets/generate.sh — create the compose secret files beside this script, once.
# Never overwrites an existing file: HERMES_API_KEY_SECRET is the HMAC key every family's
# API_SERVER_KEY derives from (changing it changes every key), so back it up and keep it.
#
# Owner root, group 10001 (the worker's gid), mode 0440: the workers (uid 10001) and PostgreSQL's
# entrypoint (root) can read them, nobody else. Run as root (or fix the owners by hand).
set -eu
cd "$(dirname "$0")"
umask 077
rand() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
for name in hermes_api_key_secret hermes_pg_password; do
    if [ -e "$name" ]; then
        echo "kept    $name"
    else
        rand > "$name"
        echo "created $name"
    fi
    if [ "$(id -u)" = 0 ]; then chown 0:10001 "$name"; fi
    chmod 0440 "$name"
done
