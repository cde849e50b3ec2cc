#!/bin/sh
# /opt/hermes/docker/entrypoint.sh — stand-in for the upstream hermes-agent image's entrypoint.
#
# Upstream prepares $HERMES_HOME (default /opt/data) and ends with `exec hermes "$@"`.
# Here `hermes` is the static stub server at /opt/hermes/bin/hermes.
# No privilege drop: whoever started us (root by default) runs the stub.
set -e

HERMES_HOME="${HERMES_HOME:-/opt/data}"
export HERMES_HOME

# Like upstream, make sure the standard layout exists (best effort: the volume may be
# read-only or owned by someone else). New dirs get the owner of $HERMES_HOME when we are root.
if [ -d "$HERMES_HOME" ]; then
    owner=""
    if [ "$(id -u)" = "0" ]; then
        owner="$(stat -c '%u:%g' "$HERMES_HOME" 2>/dev/null || true)"
    fi
    for d in cron sessions logs hooks memories skills; do
        if [ ! -d "$HERMES_HOME/$d" ]; then
            if mkdir -p "$HERMES_HOME/$d" 2>/dev/null && [ -n "$owner" ]; then
                chown "$owner" "$HERMES_HOME/$d" 2>/dev/null || true
            fi
        fi
    done
fi

exec /opt/hermes/bin/hermes "$@"
