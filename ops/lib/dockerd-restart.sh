#!/usr/bin/env bash
# ops/lib/dockerd-restart.sh — restart the Docker engine the way ops/lib/docker.sh starts it (a detached
# `dockerd`, not systemd), for the fault suite's opt-in dockerd_restart scenarios. Needs root.
#
#   ops/lib/dockerd-restart.sh restart           SIGTERM dockerd (pid from /var/run/docker.pid), wait until
#                                                it exited (HERMES_DOCKERD_STOP_SECONDS, default 90), start
#                                                it again as docker.sh does, wait until `docker info` answers
#   ops/lib/dockerd-restart.sh live-restore-on   save /etc/docker/daemon.json (or that there was none), write
#                                                it with "live-restore": true, reload dockerd (SIGHUP, a
#                                                reloadable option) and wait until `docker info` says so
#   ops/lib/dockerd-restart.sh config-restore    reload with the saved config's live-restore made explicit
#                                                (false if it had none), wait for `docker info` to match,
#                                                then put the saved daemon.json back (or remove it if there
#                                                was none); a no-op when nothing is saved (ops/chaos calls
#                                                it on exit)
#
# The saved state lives in $HERMES_DOCKERD_SAVE (default /var/tmp/hermes-chaos-daemon.json.saved).
set -euo pipefail
# shellcheck source=ops/lib/docker.sh
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/docker.sh"

CONFIG="${HERMES_DOCKERD_CONFIG:-/etc/docker/daemon.json}"
SAVED="${HERMES_DOCKERD_SAVE:-/var/tmp/hermes-chaos-daemon.json.saved}"
log() { printf '[dockerd-restart] %s\n' "$*" >&2; }

dockerd_pid() {
    local pid=""
    [ -r /var/run/docker.pid ] && pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
        pid="$(pgrep -x dockerd | head -n1 || true)"
    fi
    printf '%s' "$pid"
}

live_restore_is() {
    local want="$1" i
    for i in $(seq 1 60); do
        [ "$(docker info --format '{{.LiveRestoreEnabled}}' 2>/dev/null || true)" = "$want" ] && return 0
        sleep 0.5
    done
    log "docker info does not show Live Restore Enabled: $want"
    return 1
}

reload() {
    local pid
    pid="$(dockerd_pid)"
    [ -n "$pid" ] || { log "no dockerd running"; return 1; }
    kill -HUP "$pid"
}

case "${1:-}" in
    restart)
        pid="$(dockerd_pid)"
        if [ -n "$pid" ]; then
            log "stopping dockerd ($pid, SIGTERM)"
            kill -TERM "$pid"
            limit="${HERMES_DOCKERD_STOP_SECONDS:-90}"
            for _ in $(seq 1 $((limit * 2))); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
            if kill -0 "$pid" 2>/dev/null; then
                log "dockerd ($pid) did not exit within ${limit}s"
                exit 1
            fi
            log "dockerd exited"
        fi
        _hermes_start_dockerd
        _hermes_wait_docker || { log "docker info does not answer"; exit 1; }
        log "dockerd answers again"
        ;;
    live-restore-on)
        if [ -e "$SAVED" ]; then
            log "$SAVED exists (an earlier run did not restore it): restore first"
            exit 1
        fi
        if [ -e "$CONFIG" ]; then
            cp -p "$CONFIG" "$SAVED"
            python3 - "$CONFIG" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    config = json.load(f)
config["live-restore"] = True
with open(path, "w") as f:
    json.dump(config, f, indent=2)
PY
        else
            echo absent >"$SAVED"
            mkdir -p "$(dirname "$CONFIG")"
            printf '{"live-restore": true}\n' >"$CONFIG"
        fi
        reload
        live_restore_is true
        log "live-restore on"
        ;;
    config-restore)
        [ -e "$SAVED" ] || exit 0
        # A reload without the file (or without the key) keeps the running value, so reload first with
        # the saved config plus its live-restore value made explicit, then put the saved file back as it was.
        original=""
        [ "$(cat "$SAVED")" = "absent" ] || original="$SAVED"
        want="$(python3 - "$original" "$CONFIG" <<'PY'
import json, sys
original, path = sys.argv[1], sys.argv[2]
config = {}
if original:
    with open(original) as f:
        config = json.load(f)
config["live-restore"] = bool(config.get("live-restore", False))
with open(path, "w") as f:
    json.dump(config, f, indent=2)
print("true" if config["live-restore"] else "false")
PY
)"
        reload
        live_restore_is "$want"
        if [ -n "$original" ]; then
            cp -p "$SAVED" "$CONFIG"
        else
            rm -f "$CONFIG"
        fi
        rm -f "$SAVED"
        log "daemon config restored (live-restore $want)"
        ;;
    *)
        sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
