#!/usr/bin/env bash
# ops/deploy/test-worker-image.sh [--no-build] [IMAGE]
#
# Tests the local worker image (default hermes-worker:local, built first by build-worker-image.sh
# unless --no-build) against this host, the way production runs it: --network host, the Docker
# socket mounted with its group added, secrets as files (*_FILE), read-only root filesystem with a
# tmpfs /tmp, all capabilities dropped, no-new-privileges.
#
# Always (no services needed):
#   image size and labels; runs as uid 10001; `java -version` inside; /app/lib is the worker's
#   runtime classpath only (no ops CLI, no benchmark: their jars are absent and their main classes
#   do not load); a bad configuration exits 2 with "invalid configuration".
# With PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and a Kafka broker:
#   topics created by the host's CLI (ops/hermes); the worker starts, /livez and /readyz answer 200,
#   Docker's HEALTHCHECK turns healthy, /metrics has the hermes_ meters; `ops/hermes ensure` against
#   the containerised worker spawns a stand-in agent (hermes-agent-stub:local, built if missing) via the mounted socket and
#   gets READY with a 127.0.0.1 URL whose /health answers; docker stop drains within 45 s.
#   Then compose.yaml's own worker-1 service (docker compose or docker-compose v1, --no-deps, an
#   override file pointing it at the test database and broker) must turn healthy.
#   Kafka: KAFKA_BOOTSTRAP_SERVERS if set, else a throwaway KRaft broker started here from
#   ops/tools/target/lib (on free loopback ports). If neither PostgreSQL nor a broker can be had,
#   that part is skipped and said so.
#
# Everything it starts carries the labels hermes.test=deploy and hermes.test.run=<run id> and is
# removed at exit (also the stand-in agent container and its volume, the test database, the broker).
# Prints "N passed, N failed" as its last line; exit 1 if anything failed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib/docker.sh
. "$ROOT/ops/lib/docker.sh"
# shellcheck disable=SC2034  # read by lib/proc.sh
STACK_NAME="test-worker-image"
# shellcheck source=../lib/proc.sh
. "$ROOT/ops/lib/proc.sh"
# shellcheck source=../lib/broker.sh
. "$ROOT/ops/lib/broker.sh"

NO_BUILD=0
IMAGE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) NO_BUILD=1 ;;
        -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "test-worker-image.sh: unknown option $1" >&2; exit 2 ;;
        *) IMAGE="$1" ;;
    esac
    shift
done
IMAGE="${IMAGE:-hermes-worker:local}"

say() { stack_say "$@"; }
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'PASS %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s\n' "$*"; }
check() { # check "description" command...
    local what="$1"; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

ensure_docker
if [ "$NO_BUILD" = 0 ]; then
    "$HERE/build-worker-image.sh" "$IMAGE" >/dev/null
fi
docker image inspect "$IMAGE" >/dev/null 2>&1 || { say "no image $IMAGE (run build-worker-image.sh)"; exit 1; }

RUN_ID="$(date +%s)-$$"
COMPOSE_PROJECT="hermes-deploytest-${RUN_ID//[^a-z0-9]/}"
LABELS=(--label hermes.test=deploy --label "hermes.test.run=$RUN_ID")
WORK="$(mktemp -d /tmp/hermes-deploy-test.XXXXXX)"
chmod 755 "$WORK"
TEST_DB=""
AGENT_USER=""

cleanup() {
    local ids=()
    mapfile -t ids < <(docker ps -aq --filter "label=hermes.test.run=$RUN_ID" 2>/dev/null || true)
    [ "${#ids[@]}" -eq 0 ] || docker rm -f "${ids[@]}" >/dev/null 2>&1 || true
    if [ -n "$AGENT_USER" ]; then
        local hex="${AGENT_USER//-/}"
        docker rm -f "hermes-user-$hex" >/dev/null 2>&1 || true
        docker volume rm -f "hermes-user-$hex-data" >/dev/null 2>&1 || true
    fi
    for v in $(docker volume ls -q --filter "name=$COMPOSE_PROJECT" 2>/dev/null); do docker volume rm -f "$v" >/dev/null 2>&1 || true; done
    # the fleet networks the tested workers made for their runtimes (hermes-<group id>, label hermes.fleet)
    for fleet in "deploytest-$RUN_ID" "deploytest-compose-$RUN_ID"; do
        docker_rm_labelled networks "hermes.fleet=$fleet" >/dev/null 2>&1 || true
    done
    for n in $(docker network ls -q --filter "name=$COMPOSE_PROJECT" 2>/dev/null); do docker network rm "$n" >/dev/null 2>&1 || true; done
    if stack_pid_alive "$WORK/kafka.pid" kafka.Kafka; then
        stack_stop_pids "the throwaway broker" 10 "$(stack_pid_of "$WORK/kafka.pid")"
    fi
    if [ -n "$TEST_DB" ]; then
        psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$TEST_DB\" WITH (FORCE)" \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ------------------------------------------------------------------ static checks
SIZE="$(docker image inspect --format '{{.Size}}' "$IMAGE")"
say "image $IMAGE: $((SIZE / 1024 / 1024)) MiB ($SIZE bytes)"
echo "image size: $((SIZE / 1024 / 1024)) MiB ($SIZE bytes)"
check "image user is hermes (10001:10001)" \
    test "$(docker image inspect --format '{{.Config.User}}' "$IMAGE")" = "10001:10001"
check "image has a HEALTHCHECK on /readyz" \
    bash -c "docker image inspect --format '{{json .Config.Healthcheck.Test}}' '$IMAGE' | grep -q readyz"

out="$(docker run --rm "${LABELS[@]}" --entrypoint /bin/sh "$IMAGE" -c 'id -u; java -version 2>&1' 2>&1 || true)"
check "runs as uid 10001" test "$(echo "$out" | head -n 1)" = "10001"
if echo "$out" | grep -q 'version "17'; then
    pass "java -version inside: $(echo "$out" | sed -n 2p)"
else
    fail "java -version inside: $out"
fi

# The production image is the worker and nothing else: not the ops CLI, not the benchmark.
out="$(docker run --rm "${LABELS[@]}" --entrypoint /bin/sh "$IMAGE" -c 'ls /app/lib /app/bin' 2>&1 || true)"
extra="$(grep -E '^hermes-' <<<"$out" | grep -Ev '^hermes-(worker|schemas|admin)-' || true)"
if grep -q '^hermes-worker-' <<<"$out" && [ -z "$extra" ] && ! grep -qx 'hermes' <<<"$out"; then
    pass "/app/lib holds only the worker's classpath ($(grep -E '^hermes-' <<<"$out" | tr '\n' ' '))"
else
    fail "/app/lib and /app/bin should hold the worker's classpath only; extra: ${extra:-/app/bin/hermes}"
fi
for class in dev.hermes.ops.bench.BenchMain dev.hermes.ops.cli.HermesCli; do
    out="$(docker run --rm "${LABELS[@]}" --entrypoint java "$IMAGE" -cp '/app/lib/*' "$class" --help 2>&1 || true)"
    if grep -q 'Could not find or load main class' <<<"$out"; then
        pass "$class is not on the image's classpath"
    else
        fail "$class is on the image's classpath: $(head -n 2 <<<"$out")"
    fi
done

set +e
out="$(docker run --rm "${LABELS[@]}" -e HERMES_API_KEY_SECRET=short "$IMAGE" 2>&1)"
rc=$?
set -e
if [ "$rc" = 2 ] && echo "$out" | grep -q 'invalid configuration'; then
    pass "bad configuration exits 2: $(echo "$out" | grep 'invalid configuration' | sed 's/.*invalid/invalid/')"
else
    fail "bad configuration: exit $rc, output: $(echo "$out" | tail -n 3)"
fi

# ------------------------------------------------------------------ services
have_pg=0
if command -v psql >/dev/null 2>&1 && stack_port_open 5432 \
    && psql -X -q -h 127.0.0.1 -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
    TEST_DB="hermes_deploy_test_${RUN_ID//-/_}"
    psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE \"$TEST_DB\"" >/dev/null && have_pg=1
fi

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-}"
if [ -z "$BOOTSTRAP" ] && compgen -G "$ROOT/ops/tools/target/lib/kafka_2.13-*.jar" >/dev/null; then
    # A throwaway single-node KRaft broker (ops/lib/broker.sh) from a copy of the jars: a
    # concurrent `mvn install` must not rewrite its classpath under it.
    mkdir -p "$WORK/broker-cp"
    cp "$ROOT"/ops/tools/target/lib/*.jar "$WORK/broker-cp/"
    KPORT="$(free_port)"; CPORT="$(free_port)"
    broker_configure "$WORK/kafka" 127.0.0.1 "$KPORT" "$CPORT"
    say "starting a throwaway Kafka broker on 127.0.0.1:$KPORT"
    if broker_format "$WORK/broker-cp" "$WORK/kafka" "$WORK/kafka.log"; then
        broker_launch "$WORK/broker-cp" "$WORK/kafka" "$WORK/kafka.pid" "$WORK/kafka.log" -Xmx512m -XX:+UseSerialGC
        if stack_wait_for 60 stack_port_open "$KPORT"; then BOOTSTRAP="127.0.0.1:$KPORT"; else say "broker did not start:"; tail -n 20 "$WORK/kafka.log" >&2; fi
    fi
fi

if [ "$have_pg" = 0 ] || [ -z "$BOOTSTRAP" ]; then
    say "SKIPPED the connected checks: PostgreSQL on 127.0.0.1:5432: $([ "$have_pg" = 1 ] && echo yes || echo no), Kafka: ${BOOTSTRAP:-none}"
    echo "skipped: connected checks (need PostgreSQL on 127.0.0.1:5432 and a Kafka broker)"
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ]
    exit
fi

STUB_IMAGE="$("$ROOT/ops/agent-stub/build.sh" 2>/dev/null | tail -n 1)" || STUB_IMAGE=""
SOCK_GID="$(stat -c %g /var/run/docker.sock)"
PREFIX="deploytest-${RUN_ID}."
HTTP_PORT="$(free_port)"
mkdir -p "$WORK/secrets" "$WORK/plugins"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$WORK/secrets/hermes_api_key_secret"
printf '' > "$WORK/secrets/hermes_pg_password"
chmod 0444 "$WORK/secrets/"*     # non-root user in the container; in production: owner 10001, 0400
COMMON=(--network host
        -e "KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP"
        -e "HERMES_TOPIC_PREFIX=$PREFIX")

# Topics, through the host's CLI (the ops image runs the same for the compose `topics` service).
hermes_cli() { KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" HERMES_TOPIC_PREFIX="$PREFIX" "$ROOT/ops/hermes" "$@"; }
out="$(hermes_cli topics create --partitions 3 2>&1 || true)"
if echo "$out" | grep -q 'topics ready'; then pass "topics create via ops/hermes: $(echo "$out" | grep 'topics ready')"; else fail "topics create: $out"; fi

WORKER_ENV=(
    -e "HERMES_WORKER_ID=deploytest-worker-1"
    -e "HERMES_GROUP_ID=deploytest-$RUN_ID"
    -e "HERMES_PG_URL=jdbc:postgresql://127.0.0.1:5432/$TEST_DB"
    -e "HERMES_PG_USER=postgres"
    -e "HERMES_PG_PASSWORD_FILE=/run/secrets/hermes_pg_password"
    -e "HERMES_API_KEY_SECRET_FILE=/run/secrets/hermes_api_key_secret"
    -e "HERMES_IMAGE=${STUB_IMAGE:-hermes-agent-stub:local}"
    -e "HERMES_IMAGE_PULL=never"
    -e "HERMES_PUBLISH_HOST=127.0.0.1"
    -e "HERMES_PLUGINS_DIR=$WORK/plugins"
    -e "HERMES_HTTP_HOST=127.0.0.1"
    -e "HERMES_HTTP_PORT=$HTTP_PORT"
    -e "HERMES_HEALTH_TIMEOUT_SEC=60"
    -e "HERMES_LOG_JSON=true"
)
say "starting the worker container (metrics on 127.0.0.1:$HTTP_PORT)"
CID="$(docker run -d "${LABELS[@]}" "${COMMON[@]}" "${WORKER_ENV[@]}" \
    --name "hermes-deploytest-worker-$RUN_ID" \
    -v /var/run/docker.sock:/var/run/docker.sock --group-add "$SOCK_GID" \
    -v "$WORK/secrets/hermes_api_key_secret:/run/secrets/hermes_api_key_secret:ro" \
    -v "$WORK/secrets/hermes_pg_password:/run/secrets/hermes_pg_password:ro" \
    --read-only --tmpfs /tmp:rw,exec,size=64m --cap-drop ALL --security-opt no-new-privileges \
    --health-interval 2s --health-start-period 60s \
    "$IMAGE")"
BASE="http://127.0.0.1:$HTTP_PORT"
started="$(date +%s%3N)"
if stack_wait_for 90 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 $BASE/livez)\" = 200 ]"; then
    pass "/livez 200 after $(( $(date +%s%3N) - started )) ms"
else
    fail "/livez never answered 200; worker logs:"; docker logs --tail 30 "$CID" 2>&1 | sed 's/^/    /'
fi
if stack_wait_for 90 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 $BASE/readyz)\" = 200 ]"; then
    pass "/readyz 200 after $(( $(date +%s%3N) - started )) ms"
else
    fail "/readyz never answered 200 (last: $(stack_http_code "$BASE/readyz"))"
fi
if stack_wait_for 60 bash -c "[ \"\$(docker inspect --format '{{.State.Health.Status}}' $CID)\" = healthy ]"; then
    pass "docker HEALTHCHECK (/app/bin/healthcheck in the container) reports healthy"
else
    fail "docker health status: $(docker inspect --format '{{.State.Health.Status}} {{json .State.Health.Log}}' "$CID" | cut -c1-400)"
fi
missing_meters() { # prints the hermes_ meters that /metrics does not show (yet)
    local metrics m
    metrics="$(curl -s --max-time 3 "$BASE/metrics" || true)"
    for m in hermes_runtimes_running hermes_spawns_pending hermes_partitions_paused hermes_settings_drift_runtimes \
             hermes_ensure_seconds_bucket hermes_consumer_lag hermes_partition_queue_depth; do
        grep -q "^$m" <<<"$metrics" || printf ' %s' "$m"
    done
}
# the per-partition gauges appear once the partitions are assigned and restored
for _ in $(seq 1 60); do absent="$(missing_meters)"; [ -z "$absent" ] && break; sleep 0.5; done
if [ -z "$absent" ]; then pass "/metrics has the hermes_ meters"; else fail "/metrics lacks:$absent"; fi

# One ensure through the host's CLI: the worker spawns the stand-in agent via the mounted socket.
if [ -n "$STUB_IMAGE" ]; then
    AGENT_USER="$(python3 -c 'import uuid; print(uuid.uuid4())')"
    out="$(hermes_cli ensure --timeout 90 "$AGENT_USER" 2>&1 || true)"
    line="$(echo "$out" | grep "^$AGENT_USER " || true)"
    if echo "$line" | grep -q ' READY http://127.0.0.1:'; then
        pass "ensure against the worker container: $line"
        url="$(echo "$line" | awk '{print $3}')"
        check "the agent's $url/health answers 200" test "$(stack_http_code "$url/health")" = 200
        check "agent container hermes-user-${AGENT_USER//-/} runs, labelled hermes.managed=true" \
            test "$(docker inspect --format '{{ index .Config.Labels "hermes.managed" }}' "hermes-user-${AGENT_USER//-/}" 2>/dev/null)" = true
        metrics="$(curl -s --max-time 3 "$BASE/metrics" || true)"
        if grep -Eq '^hermes_ensure_seconds_count\{.*path="cold".*\} [1-9]' <<<"$metrics"; then
            pass "hermes_ensure_seconds_count{path=\"cold\"} counted the spawn"
        else
            fail "no cold ensure in /metrics: $(grep '^hermes_ensure_seconds_count' <<<"$metrics")"
        fi
    else
        fail "ensure against the worker container: $(echo "$out" | tail -n 5)"
        docker logs --tail 20 "$CID" 2>&1 | sed 's/^/    /'
    fi
else
    say "no stand-in agent image (ops/agent-stub/build.sh failed): ensure check skipped"
fi

# SIGTERM drain: docker stop gives it up to 45 s (the production grace period).
t0="$(date +%s%3N)"
docker stop -t 45 "$CID" >/dev/null
t1="$(date +%s%3N)"
code="$(docker inspect --format '{{.State.ExitCode}}' "$CID")"
logs="$(docker logs "$CID" 2>&1 || true)"
if [ $((t1 - t0)) -lt 45000 ] && grep -q 'draining' <<<"$logs"; then
    pass "docker stop drained in $((t1 - t0)) ms (exit code $code, log says draining)"
else
    fail "docker stop took $((t1 - t0)) ms, exit $code; last logs:"; tail -n 10 <<<"$logs" | sed 's/^/    /'
fi

# compose.yaml's own worker-1 definition (host network, file secrets, group_add, read-only root,
# tmpfs, healthcheck) with this image, pointed at the test database/broker by an override file.
COMPOSE=()
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then COMPOSE=(docker-compose)
fi
if [ "${#COMPOSE[@]}" -gt 0 ]; then
    PORT2="$(free_port)"
    cat > "$WORK/compose.override.yaml" <<EOF
services:
  worker-1:
    image: $IMAGE
    labels:
      hermes.test: deploy
      hermes.test.run: "$RUN_ID"
    environment:
      KAFKA_BOOTSTRAP_SERVERS: "$BOOTSTRAP"
      HERMES_TOPIC_PREFIX: "$PREFIX"
      HERMES_GROUP_ID: "deploytest-compose-$RUN_ID"
      HERMES_PG_URL: "jdbc:postgresql://127.0.0.1:5432/$TEST_DB"
      HERMES_PG_USER: postgres
      HERMES_IMAGE: "${STUB_IMAGE:-hermes-agent-stub:local}"
      HERMES_IMAGE_PULL: never
      HERMES_PLUGINS_DIR: "$WORK/plugins"
      HERMES_HTTP_PORT: "$PORT2"
secrets:
  hermes_api_key_secret:
    file: $WORK/secrets/hermes_api_key_secret
  hermes_pg_password:
    file: $WORK/secrets/hermes_pg_password
EOF
    DC=("${COMPOSE[@]}" -p "$COMPOSE_PROJECT" -f "$HERE/compose.yaml" -f "$WORK/compose.override.yaml")
    export DOCKER_GID="$SOCK_GID"
    if out="$("${DC[@]}" up -d --no-deps --no-build worker-1 2>&1)"; then
        CID2="$("${DC[@]}" ps -q worker-1)"
        if stack_wait_for 90 bash -c "[ \"\$(docker inspect --format '{{.State.Health.Status}}' $CID2)\" = healthy ]"; then
            pass "compose.yaml worker-1 (${COMPOSE[*]}, --no-deps, test override) turns healthy; /readyz: $(stack_http_code "http://127.0.0.1:$PORT2/readyz")"
        else
            fail "compose worker-1 not healthy: $(docker inspect --format '{{.State.Status}} {{.State.Health.Status}}' "$CID2")"
            docker logs --tail 15 "$CID2" 2>&1 | sed 's/^/    /'
        fi
        mounts="$(docker inspect --format '{{range .Mounts}}{{.Destination}} {{end}}' "$CID2")"
        if [[ "$mounts" == *"/var/run/docker.sock"* && "$mounts" == *"/run/secrets/hermes_api_key_secret"* ]]; then
            pass "compose worker-1 mounts: $mounts"
        else
            fail "compose worker-1 mounts: $mounts"
        fi
    else
        fail "compose up worker-1: $out"
    fi
    "${DC[@]}" down -v --timeout 45 >/dev/null 2>&1 || true   # -v: the declared kafka-data/pg-data volumes
else
    say "no docker compose / docker-compose: compose.yaml worker check skipped"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
