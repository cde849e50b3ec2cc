#!/usr/bin/env bash
# ops/lib/postgres.sh — make the local PostgreSQL answer, and create databases.
#
# Usage, sourced:
#   . ops/lib/postgres.sh
#   ensure_postgres            # 127.0.0.1:5432 answers as user postgres (starts the cluster if it is down)
#   ensure_pg_database NAME    # CREATE DATABASE NAME unless it exists
#   pg_answers                 # 0 if PostgreSQL answers now
#
# Usage, executed:
#   ops/lib/postgres.sh ensure [DBNAME...]
#
# Environment knobs: HERMES_PG_HOST (127.0.0.1), HERMES_PG_PORT (5432), HERMES_PG_ADMIN_USER (postgres),
# HERMES_PG_WAIT_SECONDS (30).
#
# Starting needs a Debian cluster (pg_ctlcluster) and root; otherwise the functions say what is
# missing and return non-zero. When sourced, this file only defines functions.

_hermes_pg_log() { printf '[postgres.sh] %s\n' "$*" >&2; }

_hermes_psql() {
    PGCONNECT_TIMEOUT=3 psql -X -q -v ON_ERROR_STOP=1 -h "${HERMES_PG_HOST:-127.0.0.1}" -p "${HERMES_PG_PORT:-5432}" \
        -U "${HERMES_PG_ADMIN_USER:-postgres}" "$@"
}

pg_answers() {
    command -v psql >/dev/null 2>&1 || return 1
    [ "$(_hermes_psql -d postgres -Atc 'select 1' 2>/dev/null)" = "1" ]
}

# The Debian cluster (version name) that serves our port, or the first one.
_hermes_pg_cluster() {
    local port="${HERMES_PG_PORT:-5432}" line
    command -v pg_lsclusters >/dev/null 2>&1 || return 1
    line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p {print $1, $2; exit}')"
    [ -n "$line" ] || line="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $1, $2}')"
    [ -n "$line" ] && printf '%s\n' "$line"
}

ensure_postgres() {
    pg_answers && return 0
    if ! command -v psql >/dev/null 2>&1; then
        _hermes_pg_log "missing: the psql client (Debian: apt-get install -y postgresql-client)"
    fi
    local cluster version name limit start
    cluster="$(_hermes_pg_cluster || true)"
    if [ -z "$cluster" ]; then
        _hermes_pg_log "PostgreSQL does not answer on ${HERMES_PG_HOST:-127.0.0.1}:${HERMES_PG_PORT:-5432} and no cluster is installed"
        _hermes_pg_log "missing: a PostgreSQL server with trust auth for user postgres on 127.0.0.1 (Debian: apt-get install -y postgresql)"
        return 1
    fi
    read -r version name <<<"$cluster"
    if [ "$(id -u)" != 0 ]; then
        _hermes_pg_log "PostgreSQL is down; starting it needs root: pg_ctlcluster --skip-systemctl-redirect $version $name start"
        return 1
    fi
    _hermes_pg_log "PostgreSQL is down; starting cluster $version/$name"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start >&2 || true
    limit="${HERMES_PG_WAIT_SECONDS:-30}"
    start=$(date +%s)
    until pg_answers; do
        if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
            _hermes_pg_log "PostgreSQL did not answer within ${limit}s; see /var/log/postgresql/postgresql-$version-$name.log"
            tail -n 15 "/var/log/postgresql/postgresql-$version-$name.log" >&2 2>/dev/null || true
            return 1
        fi
        sleep 0.5
    done
    _hermes_pg_log "PostgreSQL is up"
}

ensure_pg_database() {
    local db="$1"
    case "$db" in *[!a-z0-9_]*|"") _hermes_pg_log "refusing database name '$db'"; return 1 ;; esac
    if [ "$(_hermes_psql -d postgres -Atc "select 1 from pg_database where datname = '$db'")" = "1" ]; then
        return 0
    fi
    _hermes_pg_log "creating database $db"
    # a concurrent creator may win the race; that is fine
    _hermes_psql -d postgres -c "CREATE DATABASE $db" >/dev/null 2>&1 \
        || [ "$(_hermes_psql -d postgres -Atc "select 1 from pg_database where datname = '$db'")" = "1" ]
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-ensure}" in
        ensure)
            ensure_postgres
            shift || true
            for db in "$@"; do ensure_pg_database "$db"; done ;;
        -h|--help|help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
        *) echo "usage: $0 ensure [DBNAME...]" >&2; exit 2 ;;
    esac
fi
