#!/usr/bin/env bash
# ops/deploy/validate.sh — validate every deployment file here, offline (no cluster, no registry).
#
#   compose.yaml    `docker compose config -q` (or docker-compose v1 `config -q`, Debian's
#                   docker-compose package), and the Compose Specification JSON schema with ajv:
#                   $COMPOSE_SPEC_SCHEMA if set (e.g. schema/compose-spec.json of the
#                   compose-spec repository), else the compose_spec.json that docker-compose ships
#   k8s/            `kubectl kustomize` builds the kustomization (Debian's kubernetes-client);
#                   every manifest against the Kubernetes schemas of kubernetes-models and KEDA's
#                   CRD schema (@kubernetes-models/keda), plus a tsc excess-property check for
#                   unknown fields (validate/k8s.mjs)
#   grafana/        JSON, panels/targets/datasources, PromQL grammar, metric names against the
#                   Java meter catalogue (validate/grafana.mjs)
#   *.sh            bash -n (and shellcheck when installed)
#
# Tools: as root on Debian it installs what is missing (docker-compose, kubernetes-client, nodejs
# npm); the npm packages (validate/package.json, pinned) go to ops/deploy/target/validate-node.
# Prints "N passed, N failed" last; exit 1 if anything failed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib/docker.sh
. "$ROOT/ops/lib/docker.sh"   # for _hermes_apt_install

say() { printf '[validate] %s\n' "$*" >&2; }
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'PASS %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s\n' "$*"; }
count() { # count OUTPUT — add the PASS/FAIL lines of a sub-validator to the totals, and show them
    local out="$1"
    if ! grep -qE '^(PASS|FAIL)' <<<"$out"; then
        fail "a validator printed no result: $(tail -n 5 <<<"$out" | tr '\n' ' ')"
        return
    fi
    printf '%s\n' "$out" | grep -E '^(PASS|FAIL|SKIP)' || true
    PASSED=$((PASSED + $(grep -c '^PASS' <<<"$out" || true)))
    FAILED=$((FAILED + $(grep -c '^FAIL' <<<"$out" || true)))
}

need() { # need COMMAND DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 || _hermes_apt_install "$2" >&2 || true
    command -v "$1" >/dev/null 2>&1
}

# ------------------------------------------------------------------ node packages
NODE_DIR="$HERE/target/validate-node"
node_ready=0
if need node nodejs && need npm npm; then
    mkdir -p "$NODE_DIR"
    if ! cmp -s "$HERE/validate/package.json" "$NODE_DIR/package.json" || [ ! -d "$NODE_DIR/node_modules" ]; then
        cp "$HERE/validate/package.json" "$NODE_DIR/package.json"
        say "npm install (validate/package.json) into ${NODE_DIR#"$ROOT"/}"
        (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent >&2) || say "npm install failed"
    fi
    cp "$HERE"/validate/*.mjs "$NODE_DIR/"
    [ -d "$NODE_DIR/node_modules/kubernetes-models" ] && node_ready=1
fi
[ "$node_ready" = 1 ] || fail "node + npm packages unavailable: schema, k8s and grafana checks cannot run"

# ------------------------------------------------------------------ compose
COMPOSE=()
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
elif need docker-compose docker-compose; then COMPOSE=(docker-compose)
fi
EMPTY_ENV="$(mktemp)"
trap 'rm -f "$EMPTY_ENV"' EXIT
if [ "${#COMPOSE[@]}" -gt 0 ]; then
    # The secret files need not exist for `config`; an empty --env-file so a local .env does not
    # hide the defaults.
    if out="$(cd "$HERE" && "${COMPOSE[@]}" -f compose.yaml --env-file "$EMPTY_ENV" config -q 2>&1)"; then
        pass "compose.yaml: ${COMPOSE[*]} config -q ($("${COMPOSE[@]}" version --short 2>/dev/null || "${COMPOSE[@]}" version | head -n 1))"
    else
        fail "compose.yaml: ${COMPOSE[*]} config: $out"
    fi
    services="$(cd "$HERE" && "${COMPOSE[@]}" -f compose.yaml --env-file "$EMPTY_ENV" config --services 2>/dev/null | sort | tr '\n' ' ' || true)"
    [ "$services" = "kafka postgres topics worker-1 worker-2 worker-3 " ] \
        && pass "compose.yaml services: $services" || fail "compose.yaml services: $services"
else
    fail "compose.yaml: neither 'docker compose' nor docker-compose available"
fi
# Only the workers get the Docker socket; every worker gets it.
sock="$(python3 - "$HERE/compose.yaml" <<'EOF' 2>&1 || true
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
for name, s in sorted(d["services"].items()):
    has = any("docker.sock" in str(v) for v in s.get("volumes", []))
    print(f"{name}:{'sock' if has else '-'}")
EOF
)"
if [ "$(tr '\n' ' ' <<<"$sock")" = "kafka:- postgres:- topics:- worker-1:sock worker-2:sock worker-3:sock " ]; then
    pass "compose.yaml: the Docker socket is mounted into the worker services only"
else
    fail "compose.yaml docker.sock mounts: $(tr '\n' ' ' <<<"$sock")"
fi
SCHEMA="${COMPOSE_SPEC_SCHEMA:-}"
if [ -z "$SCHEMA" ]; then
    SCHEMA="$(python3 -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "config", "compose_spec.json"))' 2>/dev/null || true)"
    [ -f "$SCHEMA" ] || SCHEMA="$(ls /usr/lib/python3/dist-packages/compose/config/compose_spec.json 2>/dev/null || true)"
fi
if [ "$node_ready" = 1 ] && [ -n "$SCHEMA" ] && [ -f "$SCHEMA" ]; then
    count "$(cd "$NODE_DIR" && node compose-schema.mjs "$SCHEMA" "$HERE/compose.yaml" 2>&1 || true)"
else
    fail "no Compose Specification schema (set COMPOSE_SPEC_SCHEMA or apt-get install docker-compose)"
fi

# ------------------------------------------------------------------ kubernetes
if need kubectl kubernetes-client; then
    if out="$(kubectl kustomize "$HERE/k8s" 2>&1)"; then
        pass "k8s: kubectl kustomize builds $(grep -c '^kind:' <<<"$out") objects ($(grep '^kind:' <<<"$out" | awk '{print $2}' | sort | tr '\n' ' '))"
    else
        fail "k8s: kubectl kustomize: $out"
    fi
else
    fail "k8s: kubectl unavailable (apt-get install kubernetes-client)"
fi
if [ "$node_ready" = 1 ]; then
    count "$(cd "$NODE_DIR" && node k8s.mjs "$HERE"/k8s/*.yaml 2>&1 || true)"
fi

# ------------------------------------------------------------------ grafana
if [ "$node_ready" = 1 ]; then
    count "$(cd "$NODE_DIR" && node grafana.mjs "$HERE/grafana/hermes-fleet.json" \
        "$ROOT/worker/src/main/java/dev/hermes/worker/metrics/Meters.java" \
        "$ROOT/producer-client/src/main/java/dev/hermes/client/ClientMetrics.java" 2>&1 || true)"
fi

# ------------------------------------------------------------------ scripts
for f in "$HERE"/*.sh "$HERE"/secrets/generate.sh; do
    if bash -n "$f" 2>/tmp/validate-bash-n.$$; then pass "bash -n ${f#"$HERE"/}"; else fail "bash -n ${f#"$HERE"/}: $(cat /tmp/validate-bash-n.$$)"; fi
    rm -f /tmp/validate-bash-n.$$
done
if command -v shellcheck >/dev/null 2>&1; then
    if out="$(shellcheck -S warning "$HERE"/*.sh "$HERE"/secrets/generate.sh 2>&1)"; then pass "shellcheck -S warning"; else fail "shellcheck: $out"; fi
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
