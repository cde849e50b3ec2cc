#!/bin/sh
# /opt/hermes/docker/entrypoint.sh — stand-in for the upstream hermes-agent image's entrypoint.
#
# Like upstream (NousResearch/hermes-agent docker/entrypoint.sh): started as root, it fixes the
# owner of $HERMES_HOME if the top level is wrong and re-execs itself as `hermes` (uid 10000) with
# gosu; as hermes it creates the standard layout and ends with `exec hermes "$@"`. Here `hermes`
# is the static stub server at /opt/hermes/bin/hermes. So the stub never runs as root.
set -e

HERMES_HOME="${HERMES_HOME:-/opt/data}"
export HERMES_HOME

if [ "$(id -u)" = "0" ]; then
    hermes_uid="$(id -u hermes)"
    if [ -d "$HERMES_HOME" ] && [ "$(stat -c %u "$HERMES_HOME" 2>/dev/null)" != "$hermes_uid" ]; then
        echo "Fixing ownership of $HERMES_HOME to hermes ($hermes_uid)" >&2
        # -h: never follow a link (the mount point itself is never one, but say so)
        chown -h hermes:hermes "$HERMES_HOME" 2>/dev/null \
            || echo "Warning: chown of $HERMES_HOME failed; continuing anyway" >&2
    fi
    exec gosu hermes "$0" "$@"
fi

# --- running as hermes from here (best effort: the volume may be read-only) ---
if [ -d "$HERMES_HOME" ]; then
    for d in cron sessions logs hooks memories skills; do
        [ -d "$HERMES_HOME/$d" ] || mkdir -p "$HERMES_HOME/$d" 2>/dev/null || true
    done
fi

exec /opt/hermes/bin/hermes "$@"
