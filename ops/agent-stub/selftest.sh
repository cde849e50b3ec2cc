#!/usr/bin/env bash
# ops/agent-stub/selftest.sh [--image TAG] [--runs N]
#
# Builds the stub image if needed, runs containers from it and checks the contract with curl
# on 127.0.0.1-published ports. Every container is labelled hermes.test=agent-stub and removed
# at the end (also on failure / Ctrl-C). Exits non-zero if any check failed.
# Also measures `docker run -d` -> first /health 200 and `docker stop` durations.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGE="hermes-agent-stub:local"
RUNS=5
while [ $# -gt 0 ]; do
    case "$1" in
        --image) IMAGE="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "selftest.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

LABEL="hermes.test=agent-stub"
KEY="k"
FAILS=0
FAILED=()
TMP="$(mktemp -d)"

cleanup() {
    local ids
    ids="$(docker ps -aq --filter "label=$LABEL" 2>/dev/null || true)"
    if [ -n "$ids" ]; then
        # shellcheck disable=SC2086
        docker rm -f $ids >/dev/null 2>&1 || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { printf '  ok   %s\n' "$*"; }
fail() { printf '  FAIL %s\n' "$*"; FAILS=$((FAILS + 1)); FAILED+=("$*"); }
check() { # check DESCRIPTION COMMAND...
    local d="$1"; shift
    if "$@"; then pass "$d"; else fail "$d"; fi
}
section() { printf '\n== %s\n' "$*"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---------------------------------------------------------------- helpers
# run_stub [--no-init] [docker run args...] -> prints container id
run_stub() {
    local init=(--init)
    if [ "${1:-}" = "--no-init" ]; then init=(); shift; fi
    docker run -d --label "$LABEL" "${init[@]}" -p 127.0.0.1::8642 \
        -e API_SERVER_HOST=0.0.0.0 "$@"
}
# host port published for 8642/tcp
port_of() {
    docker port "$1" 8642/tcp 2>/dev/null | grep -m1 '^127\.0\.0\.1:' | sed 's/.*://'
}
# http PORT PATH [curl args...] -> sets CODE, BODY (file $TMP/body), HDRS ($TMP/hdrs)
http() {
    local port="$1" path="$2"; shift 2
    CODE="$(curl -s --max-time 3 -o "$TMP/body" -D "$TMP/hdrs" -w '%{http_code}' "$@" \
        "http://127.0.0.1:${port}${path}" 2>/dev/null)" || true
    BODY="$(cat "$TMP/body" 2>/dev/null || true)"
}
# wait_code PORT PATH CODE TIMEOUT_MS -> 0 when the path answered CODE; sets WAITED_MS
wait_code() {
    local port="$1" path="$2" want="$3" limit="$4" start c
    start="$(now_ms)"
    while :; do
        c="$(curl -s --max-time 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}${path}" 2>/dev/null)" || true
        if [ "$c" = "$want" ]; then WAITED_MS=$(( $(now_ms) - start )); return 0; fi
        if [ $(( $(now_ms) - start )) -ge "$limit" ]; then WAITED_MS=$(( $(now_ms) - start )); return 1; fi
        sleep 0.01
    done
}
# time_stop ID -> prints ms taken by `docker stop`
time_stop() {
    local s
    s="$(now_ms)"
    docker stop -t 10 "$1" >/dev/null 2>&1
    echo $(( $(now_ms) - s ))
}
contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

# ---------------------------------------------------------------- build
section "build"
if ! "$HERE/build.sh" "$IMAGE" >/dev/null; then
    echo "build failed" >&2
    exit 1
fi
pass "image $IMAGE present ($(docker image inspect --format '{{.Size}}' "$IMAGE") bytes)"
cleanup_stale="$(docker ps -aq --filter "label=$LABEL")"
# shellcheck disable=SC2086
[ -z "$cleanup_stale" ] || docker rm -f $cleanup_stale >/dev/null 2>&1

cfg="$(docker image inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{index .Config.Labels "hermes.managed-image"}}' "$IMAGE")"
check "image config (entrypoint/cmd/workdir/label): $cfg" \
    test "$cfg" = '["/usr/bin/tini","-g","--","/opt/hermes/docker/entrypoint.sh"] ["gateway","run"] /opt/data stub'

# ---------------------------------------------------------------- main contract (with --init)
for mode in init no-init; do
    section "contract ($mode)"
    if [ "$mode" = init ]; then
        id="$(run_stub -e API_SERVER_KEY="$KEY" "$IMAGE")"
    else
        id="$(run_stub --no-init -e API_SERVER_KEY="$KEY" "$IMAGE")"
    fi
    port="$(port_of "$id")"
    if [ -z "$port" ]; then fail "[$mode] no published port"; continue; fi
    if wait_code "$port" /health 200 10000; then pass "[$mode] /health 200 after ${WAITED_MS} ms"; else fail "[$mode] /health never 200"; docker logs "$id" 2>&1 | tail -5; continue; fi

    http "$port" /health
    check "[$mode] /health body mentions hermes-agent" contains "$BODY" '"platform":"hermes-agent"'
    check "[$mode] /health is application/json" grep -qi '^content-type: application/json' "$TMP/hdrs"
    check "[$mode] /health has Connection: close" grep -qi '^connection: close' "$TMP/hdrs"
    http "$port" /v1/models
    check "[$mode] /v1/models without key -> 401 (got $CODE)" test "$CODE" = 401
    check "[$mode] 401 body" test "$BODY" = '{"error":"unauthorized"}'
    http "$port" /v1/models -H "Authorization: Bearer wrong"
    check "[$mode] /v1/models wrong key -> 401 (got $CODE)" test "$CODE" = 401
    http "$port" /v1/models -H "Authorization: Bearer ${KEY}x"
    check "[$mode] /v1/models key prefix match -> 401 (got $CODE)" test "$CODE" = 401
    http "$port" /v1/models -H "Authorization: $KEY"
    check "[$mode] /v1/models without Bearer scheme -> 401 (got $CODE)" test "$CODE" = 401
    http "$port" /v1/models -H "Authorization: Bearer $KEY"
    check "[$mode] /v1/models right key -> 200 (got $CODE)" test "$CODE" = 200
    check "[$mode] /v1/models body (no config -> hermes-agent): $BODY" \
        test "$BODY" = '{"object":"list","data":[{"id":"hermes-agent","object":"model"}]}'
    http "$port" /stub/boot -H "Authorization: Bearer $KEY"
    check "[$mode] /stub/boot 200 (got $CODE)" test "$CODE" = 200
    check "[$mode] /stub/boot body: $BODY" bash -c '[[ "$1" =~ ^\{\"provider\":\"\",\"model\":\"\",\"base_url\":\"\",\"bootedAt\":[0-9]{13},\"pid\":[0-9]+,\"uid\":10000,\"env\":\{\"OPENROUTER_API_KEY\":false,\"OPENAI_API_KEY\":false,\"ANTHROPIC_API_KEY\":false\}\}$ ]]' _ "$BODY"
    http "$port" /stub/boot
    check "[$mode] /stub/boot without key -> 401 (got $CODE)" test "$CODE" = 401
    http "$port" /stub/file/nope.txt -H "Authorization: Bearer $KEY"
    check "[$mode] /stub/file missing -> 404 (got $CODE)" test "$CODE" = 404
    http "$port" /stub/file/../etc/passwd --path-as-is -H "Authorization: Bearer $KEY"
    check "[$mode] /stub/file with .. -> 400 (got $CODE)" test "$CODE" = 400
    http "$port" /stub/file/%2e%2e/etc/passwd --path-as-is -H "Authorization: Bearer $KEY"
    check "[$mode] /stub/file with encoded .. -> 400 (got $CODE)" test "$CODE" = 400
    http "$port" /nope
    check "[$mode] unknown path -> 404 (got $CODE)" test "$CODE" = 404
    http "$port" /health -X POST
    check "[$mode] POST /health -> 404 (got $CODE)" test "$CODE" = 404
    head -c 300000 /dev/zero | tr '\0' 'a' > "$TMP/big"
    http "$port" /v1/chat/completions -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/big"
    check "[$mode] POST with an unread 300 KB body still gets its 404 (got $CODE)" test "$CODE" = 404

    procs="$(docker top "$id" -o pid,args 2>/dev/null | tail -n +2 | awk '{$1=""; print}' | tr '\n' ';')"
    check "[$mode] process tree has tini + hermes gateway run: $procs" \
        bash -c 'contains() { case "$1" in *"$2"*) return 0;; *) return 1;; esac; }; contains "$1" "tini -g --" && contains "$1" "/opt/hermes/bin/hermes gateway run"' _ "$procs"

    ms="$(time_stop "$id")"
    code="$(docker inspect --format '{{.State.ExitCode}}' "$id")"
    check "[$mode] docker stop took ${ms} ms (< 1000) and exit code $code is 0 or 143" \
        bash -c '[ "$1" -lt 1000 ] && { [ "$2" = 0 ] || [ "$2" = 143 ]; }' _ "$ms" "$code"
    logs="$(docker logs "$id" 2>&1)"
    check "[$mode] request log lines present" contains "$logs" "hermes-stub: GET /v1/models 401"
    check "[$mode] logs never contain the Authorization header" bash -c '! grep -qi "bearer\|authorization" <<<"$1"' _ "$logs"
done

# ---------------------------------------------------------------- slow client must not block
section "slow client"
id="$(run_stub -e API_SERVER_KEY="$KEY" "$IMAGE")"
port="$(port_of "$id")"
if wait_code "$port" /health 200 10000; then
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /health HTTP/1.1\r\n' >&3   # never finishes the request
    t0="$(now_ms)"
    wait_code "$port" /health 200 2000
    check "other requests are served while a client stalls (${WAITED_MS} ms)" test "$WAITED_MS" -lt 1000
    # the stalled connection is closed after the ~5 s read timeout (400 or plain EOF)
    timeout 10 cat <&3 >/dev/null 2>&1
    t1="$(now_ms)"
    exec 3<&-
    check "stalled connection closed by the server after $((t1 - t0)) ms (~5000)" \
        bash -c '[ "$1" -ge 4000 ] && [ "$1" -lt 8000 ]' _ "$((t1 - t0))"
else
    fail "slow client: container not healthy"
fi
docker rm -f "$id" >/dev/null 2>&1

# ---------------------------------------------------------------- API_SERVER_KEY required
section "API_SERVER_KEY required"
id="$(run_stub "$IMAGE")"
code="$(timeout 20 docker wait "$id" 2>/dev/null || echo timeout)"
check "container without API_SERVER_KEY exits non-zero (exit $code)" bash -c '[ "$1" != timeout ] && [ "$1" != 0 ]' _ "$code"
check "it says API_SERVER_KEY is required" bash -c 'docker logs "$1" 2>&1 | grep -q "API_SERVER_KEY is required"' _ "$id"
id="$(run_stub -e API_SERVER_KEY= "$IMAGE")"
code="$(timeout 20 docker wait "$id" 2>/dev/null || echo timeout)"
check "container with empty API_SERVER_KEY exits non-zero (exit $code)" bash -c '[ "$1" != timeout ] && [ "$1" != 0 ]' _ "$code"
id="$(run_stub -e API_SERVER_KEY="$KEY" "$IMAGE" version)"
code="$(timeout 20 docker wait "$id" 2>/dev/null || echo timeout)"
check "wrong command (hermes version) exits 2 (exit $code)" test "$code" = 2

# ---------------------------------------------------------------- slow boot
section "slow boot"
id="$(run_stub -e API_SERVER_KEY="$KEY" -e STUB_BOOT_DELAY_MS=2000 "$IMAGE")"
port="$(port_of "$id")"
started="$(docker inspect --format '{{.State.StartedAt}}' "$id")"
sleep 1
http "$port" /health
check "STUB_BOOT_DELAY_MS=2000: no /health 200 after ~1 s (got '$CODE')" test "$CODE" != 200
if wait_code "$port" /health 200 10000; then
    check "STUB_BOOT_DELAY_MS=2000: healthy after ~$((WAITED_MS + 1000)) ms total" test "$((WAITED_MS + 1000))" -ge 1800
else
    fail "STUB_BOOT_DELAY_MS=2000: never healthy"
fi
ms="$(time_stop "$id")"
check "docker stop of a fresh slow-boot container took ${ms} ms (< 1000)" test "$ms" -lt 1000

# stop during the boot delay must also be prompt
id="$(run_stub -e API_SERVER_KEY="$KEY" -e STUB_BOOT_DELAY_MS=60000 "$IMAGE")"
sleep 0.5
ms="$(time_stop "$id")"
check "docker stop during a 60 s boot delay took ${ms} ms (< 1000)" test "$ms" -lt 1000

# the per-volume switch file
id="$(docker run -d --label "$LABEL" -p 127.0.0.1::8642 -e API_SERVER_HOST=0.0.0.0 -e API_SERVER_KEY="$KEY" \
    --entrypoint /bin/sh "$IMAGE" -c 'mkdir -p /opt/data/.stub && echo 2000 > /opt/data/.stub/boot-delay-ms && exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run')"
port="$(port_of "$id")"
sleep 1
http "$port" /health
check "\$HERMES_HOME/.stub/boot-delay-ms=2000: no /health 200 after ~1 s (got '$CODE')" test "$CODE" != 200
if wait_code "$port" /health 200 10000; then
    check "\$HERMES_HOME/.stub/boot-delay-ms=2000: healthy after ~$((WAITED_MS + 1000)) ms total" test "$((WAITED_MS + 1000))" -ge 1800
else
    fail "boot-delay-ms file: never healthy"
fi
docker rm -f "$id" >/dev/null 2>&1

# ---------------------------------------------------------------- never healthy
section "never healthy"
id="$(run_stub -e API_SERVER_KEY="$KEY" -e STUB_NEVER_HEALTHY=1 "$IMAGE")"
port="$(port_of "$id")"
if wait_code "$port" /health 503 10000; then
    http "$port" /health
    check "STUB_NEVER_HEALTHY=1: /health 503 body $BODY" test "$BODY" = '{"status":"starting"}'
    sleep 1
    http "$port" /health
    check "STUB_NEVER_HEALTHY=1: still 503 a second later (got $CODE)" test "$CODE" = 503
    http "$port" /v1/models -H "Authorization: Bearer $KEY"
    check "STUB_NEVER_HEALTHY=1: authenticated routes still answer (got $CODE)" test "$CODE" = 200
else
    fail "STUB_NEVER_HEALTHY=1: /health never answered 503"
fi
ms="$(time_stop "$id")"
check "docker stop of a never-healthy container took ${ms} ms (< 1000)" test "$ms" -lt 1000

id="$(docker run -d --label "$LABEL" -p 127.0.0.1::8642 -e API_SERVER_HOST=0.0.0.0 -e API_SERVER_KEY="$KEY" \
    --entrypoint /bin/sh "$IMAGE" -c 'mkdir -p /opt/data/.stub && touch /opt/data/.stub/never-healthy && exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run')"
port="$(port_of "$id")"
if wait_code "$port" /health 503 10000; then
    pass "\$HERMES_HOME/.stub/never-healthy: /health 503"
else
    fail "\$HERMES_HOME/.stub/never-healthy: /health never answered 503"
fi
docker rm -f "$id" >/dev/null 2>&1

# ---------------------------------------------------------------- hang after ready
section "hang after ready"
id="$(run_stub -e API_SERVER_KEY="$KEY" -e STUB_HANG_AFTER_MS=1500 "$IMAGE")"
port="$(port_of "$id")"
if wait_code "$port" /health 200 10000; then
    pass "STUB_HANG_AFTER_MS=1500: /health 200 first"
    sleep 2
    http "$port" /health
    check "STUB_HANG_AFTER_MS=1500: /health no longer answers 2 s after the first 200 (got '$CODE')" test "$CODE" = 000
    check "STUB_HANG_AFTER_MS=1500: the container still runs" \
        test "$(docker inspect --format '{{.State.Running}}' "$id" 2>/dev/null)" = true
else
    fail "STUB_HANG_AFTER_MS=1500: never healthy"
fi
docker rm -f "$id" >/dev/null 2>&1

id="$(docker run -d --label "$LABEL" -p 127.0.0.1::8642 -e API_SERVER_HOST=0.0.0.0 -e API_SERVER_KEY="$KEY" \
    --entrypoint /bin/sh "$IMAGE" -c 'mkdir -p /opt/data/.stub && echo 0 > /opt/data/.stub/hang-after-ms && exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run')"
port="$(port_of "$id")"
if wait_code "$port" /health 200 10000; then
    http "$port" /health
    check "\$HERMES_HOME/.stub/hang-after-ms=0: only the first /health answers (then got '$CODE')" test "$CODE" = 000
else
    fail "\$HERMES_HOME/.stub/hang-after-ms=0: never healthy"
fi
docker rm -f "$id" >/dev/null 2>&1

# ---------------------------------------------------------------- die after
section "die after"
id="$(run_stub -e API_SERVER_KEY="$KEY" -e STUB_DIE_AFTER_MS=1500 "$IMAGE")"
port="$(port_of "$id")"
if wait_code "$port" /health 200 10000; then pass "STUB_DIE_AFTER_MS=1500: healthy first"; else fail "STUB_DIE_AFTER_MS=1500: never healthy"; fi
code="$(timeout 10 docker wait "$id" 2>/dev/null || echo timeout)"
check "STUB_DIE_AFTER_MS=1500: the container exits with status 3 (got $code)" test "$code" = 3
docker rm -f "$id" >/dev/null 2>&1

id="$(docker run -d --label "$LABEL" -e API_SERVER_KEY="$KEY" --entrypoint /bin/sh "$IMAGE" \
    -c 'mkdir -p /opt/data/.stub && echo 500 > /opt/data/.stub/die-after-ms && exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run')"
code="$(timeout 10 docker wait "$id" 2>/dev/null || echo timeout)"
check "\$HERMES_HOME/.stub/die-after-ms=500: the container exits with status 3 (got $code)" test "$code" = 3
docker rm -f "$id" >/dev/null 2>&1

# ---------------------------------------------------------------- seeded volume via entrypoint override
section "seed script (entrypoint override) + config.yaml + secrets"
SECRET_KEY="sk-selftest-api-key-9f3a"
SECRET_OR="or-selftest-provider-key-77c1"
id="$(docker run -d --label "$LABEL" -p 127.0.0.1::8642 -e API_SERVER_HOST=0.0.0.0 -e API_SERVER_KEY="$SECRET_KEY" \
    -e OPENROUTER_API_KEY="$SECRET_OR" -e OPENAI_API_KEY= \
    --entrypoint /bin/sh "$IMAGE" -c '
mkdir -p /opt/data/memories && echo hi > /opt/data/memories/MEMORY.md
cat > /opt/data/config.yaml <<EOF
# seeded by selftest
model:
  provider: "openrouter"
  default: "anthropic/claude-sonnet-4 \"q\""
  base_url: https://openrouter.ai/api/v1   # trailing comment
  extra:
    default: not-this
terminal:
  backend: local
EOF
chown -R 10000:10000 /opt/data
exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run')"
port="$(port_of "$id")"
if wait_code "$port" /health 200 10000; then
    pass "seeded container healthy after ${WAITED_MS} ms"
    http "$port" /stub/file/memories/MEMORY.md -H "Authorization: Bearer $SECRET_KEY"
    check "/stub/file/memories/MEMORY.md -> 200 'hi' (got $CODE '$BODY')" test "$CODE:$BODY" = "200:hi"
    http "$port" /stub/file/memories/MEMORY.md -H "Authorization: Bearer $KEY"
    check "/stub/file with the wrong key -> 401 (got $CODE)" test "$CODE" = 401
    http "$port" /stub/file/config.yaml -H "Authorization: Bearer $SECRET_KEY"
    check "/stub/file/config.yaml returns the file" contains "$BODY" "# seeded by selftest"
    http "$port" /stub/boot -H "Authorization: Bearer $SECRET_KEY"
    check "/stub/boot reflects config.yaml + env: $BODY" bash -c '[[ "$1" =~ ^\{\"provider\":\"openrouter\",\"model\":\"anthropic/claude-sonnet-4\ \\\"q\\\"\",\"base_url\":\"https://openrouter.ai/api/v1\",\"bootedAt\":[0-9]+,\"pid\":[0-9]+,\"uid\":10000,\"env\":\{\"OPENROUTER_API_KEY\":true,\"OPENAI_API_KEY\":false,\"ANTHROPIC_API_KEY\":false\}\}$ ]]' _ "$BODY"
    http "$port" /v1/models -H "Authorization: Bearer $SECRET_KEY"
    check "/v1/models id is model.default: $BODY" \
        test "$BODY" = '{"object":"list","data":[{"id":"anthropic/claude-sonnet-4 \"q\"","object":"model"}]}'
    layout="$(docker exec "$id" /bin/sh -c 'cd /opt/data && for d in cron sessions logs hooks memories skills; do stat -c "%n:%u" $d; done | tr "\n" " "')"
    check "entrypoint created the standard layout owned by 10000: $layout" \
        test "$layout" = "cron:10000 sessions:10000 logs:10000 hooks:10000 memories:10000 skills:10000 "
    logs="$(docker logs "$id" 2>&1)"
    check "logs contain neither API_SERVER_KEY nor provider key values" \
        bash -c '! grep -qF -e "$2" -e "$3" <<<"$1"' _ "$logs" "$SECRET_KEY" "$SECRET_OR"
else
    fail "seeded container never healthy"
    docker logs "$id" 2>&1 | tail -5
fi
ms="$(time_stop "$id")"
check "docker stop of the seeded container took ${ms} ms (< 1000)" test "$ms" -lt 1000

# ---------------------------------------------------------------- gosu (privilege drop like the real image)
section "gosu"
out="$(docker run --rm --label "$LABEL" --entrypoint /usr/sbin/gosu "$IMAGE" hermes /bin/sh -c 'echo "$(id -u):$(id -g):$(id -G):$HOME"' 2>&1)"
check "gosu hermes runs as 10000:10000 with groups 10000 and HOME /opt/data (got '$out')" test "$out" = "10000:10000:10000:/opt/data"
out="$(docker run --rm --label "$LABEL" --entrypoint /usr/sbin/gosu "$IMAGE" 10000:65534 /bin/sh -c 'echo "$(id -u):$(id -g):$(id -G)"' 2>&1)"
check "gosu 10000:65534 sets uid and gid (got '$out')" test "$out" = "10000:65534:65534"
out="$(docker run --rm --label "$LABEL" --entrypoint /usr/sbin/gosu "$IMAGE" no-such-user true 2>&1)"; code=$?
check "gosu with an unknown user exits 1 and says so (exit $code: $out)" \
    bash -c '[ "$1" = 1 ] && [[ "$2" == *"unknown user"* ]]' _ "$code" "$out"
out="$(docker run --rm --label "$LABEL" --cap-drop SETUID --cap-drop SETGID --entrypoint /usr/sbin/gosu "$IMAGE" hermes true 2>&1)"; code=$?
check "gosu without SETUID/SETGID fails loudly (exit $code: $out)" \
    bash -c '[ "$1" = 1 ] && [[ "$2" == *"Operation not permitted"* ]]' _ "$code" "$out"

# ---------------------------------------------------------------- timings
section "timings: docker run -d -> first /health 200 ($RUNS runs each)"
for mode in init no-init; do
    all=()
    stops=()
    for _ in $(seq 1 "$RUNS"); do
        t0="$(now_ms)"
        if [ "$mode" = init ]; then
            id="$(run_stub -e API_SERVER_KEY="$KEY" "$IMAGE")"
        else
            id="$(run_stub --no-init -e API_SERVER_KEY="$KEY" "$IMAGE")"
        fi
        t_run="$(( $(now_ms) - t0 ))"
        port="$(port_of "$id")"
        if wait_code "$port" /health 200 10000; then
            all+=("$(( $(now_ms) - t0 ))ms(run -d ${t_run}ms)")
        else
            fail "[$mode] timing run never healthy"
        fi
        stops+=("$(time_stop "$id")ms")
        docker rm -f "$id" >/dev/null 2>&1
    done
    printf '  [%s] run->healthy: %s\n' "$mode" "${all[*]}"
    printf '  [%s] docker stop:   %s\n' "$mode" "${stops[*]}"
done

# ---------------------------------------------------------------- result
section "result"
left="$(docker ps -aq --filter "label=$LABEL" | wc -l)"
cleanup
trap - EXIT
left_after="$(docker ps -aq --filter "label=$LABEL" | wc -l)"
check "cleanup removed all labelled containers ($left -> $left_after)" test "$left_after" = 0
if [ "$FAILS" -gt 0 ]; then
    printf '\n%d check(s) FAILED:\n' "$FAILS"
    printf '  - %s\n' "${FAILED[@]}"
    exit 1
fi
printf '\nall checks passed\n'
