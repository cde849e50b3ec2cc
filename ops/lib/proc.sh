#!/usr/bin/env bash
# ops/lib/proc.sh — the processes the ops scripts start, wait for and stop. Source it (ops/lib/stack.sh
# does); it only defines functions.
#
#   stack_say MSG...              progress line on stderr, prefixed with $STACK_NAME (the script's name)
#   stack_die MSG...              stack_say, then exit 1
#   stack_now_ms                  milliseconds since the epoch
#   stack_pid_of PIDFILE          the pid in PIDFILE
#   stack_pid_alive PIDFILE MARKER
#                                 0 if the pid in PIDFILE runs and its command line contains MARKER
#   stack_port_open PORT [HOST]   0 if something accepts TCP connections there
#   stack_port_owner PORT         "pid/name" of the listener on 127.0.0.1:PORT, if ss can tell
#   stack_http_code URL           the HTTP status of a GET (empty if no answer within 2 s)
#   stack_lock FILE               one holder at a time (flock on FILE, fd $STACK_LOCK_FD); says so
#                                 when it has to wait. stack_unlock lets go.
#   stack_nolock COMMAND...       runs COMMAND without the lock fd: a daemon it starts must not hold
#                                 the lock forever
#   stack_launch PIDFILE LOG COMMAND...
#                                 starts COMMAND detached (own session, stdin /dev/null, output
#                                 appended to LOG, without the lock fd); the process writes its own
#                                 pid to PIDFILE, then execs COMMAND
#   stack_launch_supervised PIDFILE LOG COMMAND...
#                                 stack_launch, under a supervisor that starts COMMAND again when it
#                                 exits on its own with a failure (a worker whose request loop died
#                                 exits 1), after 2 s, doubling to 30 s; PIDFILE always holds the
#                                 running COMMAND's pid. It stays down after exit 0, a configuration
#                                 error (2), SIGINT, SIGTERM or SIGKILL (130, 143, 137: someone stopped
#                                 it), or once PIDFILE is gone
#   stack_wait_for SECONDS COMMAND...
#                                 polls COMMAND every 0.2 s until it succeeds (0) or time is up (1)
#   stack_stop_pids LABEL SECONDS PID...
#                                 SIGTERM, up to SECONDS for them to exit, then SIGKILL what is left

stack_say() { printf '[%s] %s\n' "${STACK_NAME:-${0##*/}}" "$*" >&2; }
stack_die() { stack_say "$*"; exit 1; }
stack_now_ms() { date +%s%3N; }

stack_pid_of() { [ -r "$1" ] && tr -dc '0-9' <"$1"; }

stack_pid_alive() {
    local pid
    pid="$(stack_pid_of "$1" 2>/dev/null)" || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

stack_port_open() {
    local port="$1" host="${2:-127.0.0.1}"
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

stack_port_owner() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -n1 | sed 's/users:((//' || true
}

stack_http_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

STACK_LOCK_FD=""
stack_lock() {
    mkdir -p "$(dirname "$1")"
    exec {STACK_LOCK_FD}>"$1"
    command -v flock >/dev/null 2>&1 || return 0
    if ! flock -n "$STACK_LOCK_FD"; then
        stack_say "another ${STACK_NAME:-ops} run holds ${1##*/}; waiting for it"
        flock "$STACK_LOCK_FD"
    fi
}

stack_unlock() {
    if [ -n "$STACK_LOCK_FD" ]; then exec {STACK_LOCK_FD}>&-; fi
    STACK_LOCK_FD=""
}

stack_nolock() {
    if [ -n "$STACK_LOCK_FD" ]; then "$@" {STACK_LOCK_FD}>&-; else "$@"; fi
}

stack_launch() {
    local pidfile="$1" log="$2"
    shift 2
    rm -f "$pidfile"
    (
        if [ -n "$STACK_LOCK_FD" ]; then exec {STACK_LOCK_FD}>&-; fi
        # shellcheck disable=SC2016
        exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@"
    ) >>"$log" 2>&1 </dev/null &
}

stack_launch_supervised() {
    local pidfile="$1" log="$2"
    shift 2
    rm -f "$pidfile"
    (
        if [ -n "$STACK_LOCK_FD" ]; then exec {STACK_LOCK_FD}>&-; fi
        # shellcheck disable=SC2016
        exec setsid bash -c '
            pidfile="$1"; shift; delay=2
            trap "" HUP
            while :; do
                "$@" &
                child=$!
                echo "$child" >"$pidfile"
                wait "$child"; rc=$?
                case "$rc" in 0|2|130|137|143) exit "$rc" ;; esac
                echo "[supervisor] $(date -u +%FT%TZ) pid $child exited with status $rc; starting it again in ${delay}s"
                sleep "$delay"
                [ -e "$pidfile" ] || exit "$rc"
                [ "$delay" -lt 30 ] && delay=$(( delay * 2 > 30 ? 30 : delay * 2 ))
            done' supervise "$pidfile" "$@"
    ) >>"$log" 2>&1 </dev/null &
}

stack_wait_for() {
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

stack_stop_pids() {
    local label="$1" wait="$2"
    shift 2
    local pids=("$@") alive p deadline
    [ "${#pids[@]}" -gt 0 ] || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    deadline=$(( $(date +%s) + wait ))
    while :; do
        alive=()
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive+=("$p"); done
        [ "${#alive[@]}" -eq 0 ] && return 0
        if [ "$(date +%s)" -ge "$deadline" ]; then
            stack_say "$label did not stop within ${wait}s; SIGKILL ${alive[*]}"
            kill -KILL "${alive[@]}" 2>/dev/null || true
            return 0
        fi
        sleep 0.2
    done
}
