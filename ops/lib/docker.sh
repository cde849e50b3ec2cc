#!/usr/bin/env bash
# ops/lib/docker.sh — make a Docker engine (and the stub-image build tools) available.
#
# Usage, sourced:
#   . ops/lib/docker.sh
#   ensure_docker          # docker CLI + a reachable engine (installs/starts it if root on Debian)
#   ensure_build_tools     # busybox-static, tini (tini-static), gcc + static libc (for ops/agent-stub)
#   second_engine_up [IMAGE...]
#                          # starts a second dockerd beside the first (its own socket, data root, exec root,
#                          # pidfile, bridge hermes-b0; no iptables) and loads IMAGEs into it
#                          # with `docker save | docker --host ... load`; prints its DOCKER_HOST
#   second_engine_down     # stops that second dockerd (by its pidfile; never the first one)
#   docker_rm_labelled containers|volumes|networks LABEL[=VALUE] [MIN_AGE_SEC]
#                          # removes those with the label (containers forcibly), only those at least
#                          # MIN_AGE_SEC old if given; prints how many it tried; fails if docker does
#                          # (a network a container still uses, or a volume one still mounts, is refused)
#
# Usage, executed:
#   ops/lib/docker.sh ensure               # ensure_docker && ensure_build_tools
#   ops/lib/docker.sh ensure-docker        # only the engine
#   ops/lib/docker.sh ensure-build-tools   # only the build tools
#   ops/lib/docker.sh second-up [IMAGE...] # second_engine_up
#   ops/lib/docker.sh second-down          # second_engine_down
#
# Everything is idempotent: when things are already there, nothing is installed or started.
# Installing/starting requires root on Debian (apt-get); otherwise the functions print exactly
# what is missing and return non-zero.
#
# Environment knobs:
#   HERMES_DOCKERD_LOG           dockerd log file when we start it (default /var/log/hermes-dockerd.log)
#   HERMES_DOCKER_WAIT_SECONDS   how long to wait for the engine to answer (default 60)
#   HERMES_DOCKER_B_DIR          the second engine's run directory (socket, exec root, pidfile;
#                                default /run/hermes-docker-b)
#   HERMES_DOCKER_B_DATA         its data root (default /var/lib/hermes-docker-b)
#   HERMES_DOCKERD_B_LOG         its log (default /var/log/hermes-dockerd-b.log)
#   HERMES_DOCKER_B_BRIDGE_IP    its bridge hermes-b0's address (default 10.214.0.1/24)
#
# When sourced, this file only defines functions (it does not change shell options).

_hermes_docker_log() { printf '[docker.sh] %s\n' "$*" >&2; }

# 0 if running as root.
_hermes_is_root() { [ "$(id -u 2>/dev/null)" = "0" ]; }

# 0 if this looks like a Debian(-family) system where we can use apt-get.
_hermes_is_debian() { [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

# 0 if the package is installed (dpkg status "install ok installed").
_hermes_pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# 0 if apt knows an installation candidate for the package.
_hermes_pkg_installable() {
    local cand
    cand=$(LC_ALL=C apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
    [ -n "$cand" ] && [ "$cand" != "(none)" ]
}

# _hermes_apt_install PKG...  — install the packages that are not installed yet.
# Runs `apt-get update` (once per shell) only if some missing package has no install candidate.
_hermes_apt_install() {
    local missing=() p need_update=0
    for p in "$@"; do
        _hermes_pkg_installed "$p" || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0

    if ! _hermes_is_root || ! _hermes_is_debian; then
        _hermes_docker_log "missing packages: ${missing[*]}"
        _hermes_docker_log "cannot install them: need root on Debian (apt-get); run as root: apt-get update && apt-get install -y ${missing[*]}"
        return 1
    fi

    for p in "${missing[@]}"; do
        _hermes_pkg_installable "$p" || need_update=1
    done
    if [ "$need_update" = 1 ] && [ -z "${_HERMES_APT_UPDATED:-}" ]; then
        _hermes_docker_log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || {
            _hermes_docker_log "apt-get update failed"; return 1; }
        _HERMES_APT_UPDATED=1
    fi
    _hermes_docker_log "apt-get install -y ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 || {
        _hermes_docker_log "apt-get install failed for: ${missing[*]}"; return 1; }
}

# 0 if `docker info` answers (CLI present, engine reachable, we are allowed to talk to it).
_hermes_docker_ok() {
    command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

# Wait (bounded) until `docker info` works.
_hermes_wait_docker() {
    local limit="${HERMES_DOCKER_WAIT_SECONDS:-60}" start now
    start=$(date +%s)
    while :; do
        _hermes_docker_ok && return 0
        now=$(date +%s)
        if [ $((now - start)) -ge "$limit" ]; then
            return 1
        fi
        sleep 0.5
    done
}

# 0 if a dockerd process is alive (pidfile first, then pgrep for an exact name match).
_hermes_dockerd_running() {
    local pid
    if [ -r /var/run/docker.pid ]; then
        pid=$(cat /var/run/docker.pid 2>/dev/null)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then return 0; fi
    fi
    command -v pgrep >/dev/null 2>&1 && pgrep -x dockerd >/dev/null 2>&1
}

# Start the engine: systemd if it is PID 1, otherwise a detached `dockerd`.
_hermes_start_dockerd() {
    local log="${HERMES_DOCKERD_LOG:-/var/log/hermes-dockerd.log}"
    if _hermes_dockerd_running; then
        _hermes_docker_log "dockerd is already running; waiting for it to answer"
        return 0
    fi
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
        _hermes_docker_log "systemctl start docker"
        if systemctl start docker >&2; then return 0; fi
        _hermes_docker_log "systemctl start docker failed; falling back to a background dockerd"
    fi
    mkdir -p "$(dirname "$log")" 2>/dev/null || true
    _hermes_docker_log "starting dockerd in the background (log: $log)"
    if command -v setsid >/dev/null 2>&1; then
        setsid nohup dockerd >>"$log" 2>&1 </dev/null &
    else
        nohup dockerd >>"$log" 2>&1 </dev/null &
    fi
    disown 2>/dev/null || true
    return 0
}

# ensure_docker: make `docker info` work, or explain why it cannot.
ensure_docker() {
    _hermes_docker_ok && return 0

    if command -v docker >/dev/null 2>&1 && ! _hermes_is_root; then
        # CLI exists but the engine is unreachable and we cannot fix that ourselves.
        local err
        err=$(docker info 2>&1 >/dev/null | tail -n 3)
        _hermes_docker_log "docker CLI is installed but 'docker info' fails:"
        _hermes_docker_log "  ${err:-<no output>}"
        _hermes_docker_log "missing: a running, reachable Docker engine (start dockerd as root, or add $(id -un 2>/dev/null || echo this user) to the 'docker' group)"
        return 1
    fi
    if ! _hermes_is_root; then
        _hermes_docker_log "missing: docker CLI and engine (package docker.io); also busybox-static and tini for the agent stub image"
        _hermes_docker_log "cannot install: not root (run as root: apt-get update && apt-get install -y docker.io busybox-static tini && dockerd &)"
        return 1
    fi
    if ! _hermes_is_debian; then
        _hermes_docker_log "missing: a working Docker engine ('docker info' fails), and this is not a Debian system with apt-get"
        _hermes_docker_log "install Docker (dockerd + docker CLI), busybox (static) and tini (static) by hand, start dockerd, then retry"
        return 1
    fi

    _hermes_apt_install docker.io busybox-static tini || return 1
    if ! command -v dockerd >/dev/null 2>&1; then
        _hermes_docker_log "missing: dockerd binary even after installing docker.io"
        return 1
    fi
    _hermes_start_dockerd || return 1
    if _hermes_wait_docker; then
        _hermes_docker_log "docker engine is up"
        return 0
    fi
    _hermes_docker_log "docker engine did not answer within ${HERMES_DOCKER_WAIT_SECONDS:-60}s; last lines of ${HERMES_DOCKERD_LOG:-/var/log/hermes-dockerd.log}:"
    tail -n 20 "${HERMES_DOCKERD_LOG:-/var/log/hermes-dockerd.log}" >&2 2>/dev/null || true
    return 1
}

# Where the static glibc archive lives (needed for `gcc -static`).
_hermes_have_static_libc() {
    local f
    f=$(gcc -print-file-name=libc.a 2>/dev/null) || return 1
    [ -n "$f" ] && [ "$f" != "libc.a" ] && [ -f "$f" ]
}

# ensure_build_tools: static busybox at /bin/busybox, /usr/bin/tini-static, gcc able to link statically.
ensure_build_tools() {
    local pkgs=() missing=()
    if [ ! -x /bin/busybox ] || ! _hermes_is_debian || ! _hermes_pkg_installed busybox-static; then
        # busybox (dynamic) also installs /bin/busybox; we need the static one.
        if _hermes_is_debian; then pkgs+=(busybox-static); else [ -x /bin/busybox ] || missing+=("/bin/busybox (static busybox)"); fi
    fi
    if [ ! -x /usr/bin/tini-static ]; then
        if _hermes_is_debian; then pkgs+=(tini); else missing+=("/usr/bin/tini-static (tini)"); fi
    fi
    if ! command -v gcc >/dev/null 2>&1 || ! _hermes_have_static_libc; then
        if _hermes_is_debian; then pkgs+=(gcc libc6-dev); else missing+=("gcc with static glibc (libc.a)"); fi
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        _hermes_docker_log "missing build tools (not a Debian system, install by hand): ${missing[*]}"
        return 1
    fi
    if [ "${#pkgs[@]}" -gt 0 ]; then
        _hermes_apt_install "${pkgs[@]}" || return 1
    fi
    # Final sanity checks.
    [ -x /bin/busybox ] || { _hermes_docker_log "missing: /bin/busybox"; return 1; }
    [ -x /usr/bin/tini-static ] || { _hermes_docker_log "missing: /usr/bin/tini-static"; return 1; }
    command -v gcc >/dev/null 2>&1 || { _hermes_docker_log "missing: gcc"; return 1; }
    _hermes_have_static_libc || { _hermes_docker_log "missing: static libc.a for gcc -static (libc6-dev)"; return 1; }
    return 0
}

# The second engine's paths (overridable, see the knobs above).
_hermes_b_dir() { echo "${HERMES_DOCKER_B_DIR:-/run/hermes-docker-b}"; }
_hermes_b_host() { echo "unix://$(_hermes_b_dir)/docker.sock"; }

# 0 if the second engine's dockerd (from its own pidfile) is alive.
_hermes_b_running() {
    local pid
    pid=$(cat "$(_hermes_b_dir)/docker.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# second_engine_up [IMAGE...]: start the second dockerd unless it runs, wait for it, load the images it lacks.
# Root only. It shares nothing with the first engine but the kernel: its own socket, data root, exec root,
# pidfile, its own default bridge interface (hermes-b0) and no iptables rules (published ports go through
# docker-proxy), so the first engine's networking is not touched. Two dockerd options must NOT be used here,
# as each makes this dockerd delete the host's docker0 interface (the first engine's default bridge; moby 20.10
# removeDefaultBridgeInterface): --bridge none (at every start), and --default-address-pool (at every restart,
# when its stored default bridge network is cleared). Its user networks come from Docker's default pools, which
# skip every subnet a host route (the first engine's networks) already covers.
second_engine_up() {
    local dir data host log limit start image
    dir=$(_hermes_b_dir); data="${HERMES_DOCKER_B_DATA:-/var/lib/hermes-docker-b}"; host=$(_hermes_b_host)
    log="${HERMES_DOCKERD_B_LOG:-/var/log/hermes-dockerd-b.log}"
    _hermes_is_root || { _hermes_docker_log "second_engine_up: needs root"; return 1; }
    command -v dockerd >/dev/null 2>&1 || { _hermes_docker_log "second_engine_up: no dockerd"; return 1; }
    mkdir -p "$dir/exec" "$data"
    if ! _hermes_b_running; then
        if ! ip link show hermes-b0 >/dev/null 2>&1; then
            ip link add hermes-b0 type bridge && ip addr add "${HERMES_DOCKER_B_BRIDGE_IP:-10.214.0.1/24}" dev hermes-b0 \
                && ip link set hermes-b0 up || { _hermes_docker_log "second_engine_up: cannot create bridge hermes-b0"; return 1; }
        fi
        _hermes_docker_log "starting the second dockerd on $host (log: $log)"
        setsid nohup dockerd --host "$host" --data-root "$data" --exec-root "$dir/exec" \
            --pidfile "$dir/docker.pid" --bridge hermes-b0 --iptables=false --ip-masq=false \
            >>"$log" 2>&1 </dev/null &
        disown 2>/dev/null || true
    fi
    limit="${HERMES_DOCKER_WAIT_SECONDS:-60}"; start=$(date +%s)
    until docker --host "$host" info >/dev/null 2>&1; do
        if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
            _hermes_docker_log "the second dockerd did not answer within ${limit}s; last lines of $log:"
            tail -n 20 "$log" >&2 2>/dev/null || true
            return 1
        fi
        sleep 0.3
    done
    for image in "$@"; do
        if [ "$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" != \
             "$(docker --host "$host" image inspect --format '{{.Id}}' "$image" 2>/dev/null)" ]; then
            _hermes_docker_log "loading $image into the second engine"
            docker save "$image" | docker --host "$host" load >/dev/null || return 1
        fi
    done
    echo "$host"
}

# second_engine_down: stop the second dockerd (SIGTERM by its pidfile, then wait for it to exit).
second_engine_down() {
    local pid i
    pid=$(cat "$(_hermes_b_dir)/docker.pid" 2>/dev/null) || return 0
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid"
    for i in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    _hermes_docker_log "the second dockerd ($pid) did not stop within 30 s"
    return 1
}

# A network that no container is attached to but that dockerd refuses to remove ("has active endpoints") holds an
# endpoint dockerd leaked (seen after dockerd restarts under load): only restarting dockerd drops it.
_hermes_stale_endpoint_hint() {
    local id attached
    for id in "$@"; do
        attached=$(docker network inspect --format '{{len .Containers}}' "$id" 2>/dev/null) || continue
        if [ "$attached" = "0" ]; then
            _hermes_docker_log "network $id has no container attached, but dockerd keeps an endpoint on it (a leak" \
                "inside dockerd); restarting dockerd clears it (ops/local up reuses the network meanwhile)"
        fi
    done
}

docker_rm_labelled() {
    local kind="$1" label="$2" min_age="${3:-}" ids=() aged=() id created now rc=0
    case "$kind" in
        containers) mapfile -t ids < <(docker ps -aq --filter "label=$label") ;;
        volumes) mapfile -t ids < <(docker volume ls -q --filter "label=$label") ;;
        networks) mapfile -t ids < <(docker network ls -q --no-trunc --filter "label=$label") ;;
        *) _hermes_docker_log "docker_rm_labelled: containers, volumes or networks, not $kind"; return 2 ;;
    esac
    if [ -n "$min_age" ] && [ "${#ids[@]}" -gt 0 ]; then
        now=$(date +%s)
        while read -r id created; do
            [ $(( now - $(date -d "$created" +%s 2>/dev/null || echo 0) )) -ge "$min_age" ] && aged+=("$id")
        done < <(case "$kind" in
                     containers) docker inspect --format '{{.Id}} {{.Created}}' "${ids[@]}" ;;
                     networks) docker network inspect --format '{{.Id}} {{.Created}}' "${ids[@]}" ;;
                     *) docker volume inspect --format '{{.Name}} {{.CreatedAt}}' "${ids[@]}" ;;
                 esac 2>/dev/null)
        ids=("${aged[@]+"${aged[@]}"}")
    fi
    if [ "${#ids[@]}" -gt 0 ]; then
        case "$kind" in
            containers) docker rm -f "${ids[@]}" >/dev/null || rc=$? ;;
            networks) docker network rm "${ids[@]}" >/dev/null || { rc=$?; _hermes_stale_endpoint_hint "${ids[@]}"; } ;;
            *) docker volume rm "${ids[@]}" >/dev/null || rc=$? ;;
        esac
    fi
    echo "${#ids[@]}"
    return "$rc"
}

# Executed (not sourced): dispatch a sub-command.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-ensure}" in
        ensure)             ensure_docker && ensure_build_tools ;;
        ensure-docker)      ensure_docker ;;
        ensure-build-tools) ensure_build_tools ;;
        second-up)          shift; second_engine_up "$@" ;;
        second-down)        second_engine_down ;;
        -h|--help|help)
            sed -n '2,35p' "$0" | sed 's/^# \{0,1\}//'
            ;;
        *)
            echo "usage: $0 {ensure|ensure-docker|ensure-build-tools|second-up [IMAGE...]|second-down}" >&2
            exit 2 ;;
    esac
fi
