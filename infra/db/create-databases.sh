#!/usr/bin/env bash
# Creates (idempotently) the cogov service databases on a PostgreSQL server.
#
#   bash infra/db/create-databases.sh            # uses DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
#   bash infra/db/create-databases.sh --wait-only  # only make sure PostgreSQL answers (start it locally if needed)
#
# Environment:
#   DATABASE_URL      admin connection (any existing database; default postgres://postgres@127.0.0.1:5432/postgres)
#   COGOV_DATABASES   space-separated list overriding the default database names
#   PG_WAIT_TIMEOUT   seconds to wait for PostgreSQL after starting it (default 30)
#
# If PostgreSQL does not answer and pg_ctlcluster exists (Debian/Ubuntu), the local cluster is started with
#   pg_ctlcluster --skip-systemctl-redirect <version> main start
# Also used as /docker-entrypoint-initdb.d script by docker-compose.yml (there it talks to the local socket).
set -euo pipefail

readonly DEFAULT_DATABASES="cogov_residents cogov_organisations cogov_volunteers cogov_property cogov_party_building cogov_governance cogov_webhooks"

say() { printf 'db: %s\n' "$*"; }
die() {
  printf 'db: error: %s\n' "$*" >&2
  exit 1
}

# Inside the official postgres image's init phase, talk to the temporary server over its socket.
if [[ -n "${POSTGRES_USER:-}" && -d /docker-entrypoint-initdb.d && -z "${DATABASE_URL:-}" ]]; then
  DATABASE_URL="postgres:///${POSTGRES_DB:-$POSTGRES_USER}?user=$POSTGRES_USER"
fi
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
WAIT_TIMEOUT="${PG_WAIT_TIMEOUT:-30}"
[[ "$WAIT_TIMEOUT" =~ ^[0-9]+$ ]] || die "PG_WAIT_TIMEOUT must be whole seconds (got '$WAIT_TIMEOUT')"
read -r -a DATABASES <<<"${COGOV_DATABASES:-$DEFAULT_DATABASES}"

command -v psql >/dev/null 2>&1 ||
  die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"

# URL without password, for messages.
redacted_url() {
  sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#' <<<"$DATABASE_URL"
}

pg_answers() {
  PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -X -q -t -A -v ON_ERROR_STOP=1 -c 'select 1' >/dev/null 2>&1
}

# Starts the local Debian cluster(s) if the server does not answer. Returns when it answers.
ensure_postgres() {
  pg_answers && return 0
  local target
  target="$(redacted_url)"
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! compgen -G '/etc/postgresql/*/main' >/dev/null; then
    PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -X -q -c 'select 1' >/dev/null || true
    die "PostgreSQL does not answer at $target. Start it (e.g. 'pg_ctlcluster --skip-systemctl-redirect <version> main start', 'systemctl start postgresql' or 'docker compose up -d postgres') or set DATABASE_URL."
  fi
  local dir version started=0
  for dir in /etc/postgresql/*/main; do
    [[ -d "$dir" ]] || continue
    version="$(basename -- "$(dirname -- "$dir")")"
    say "PostgreSQL does not answer at $target; starting local cluster $version/main"
    if pg_ctlcluster --skip-systemctl-redirect "$version" main start; then
      started=1
    else
      printf 'db: warning: pg_ctlcluster %s main start failed (already running, or see /var/log/postgresql/)\n' "$version" >&2
    fi
  done
  local i
  for ((i = 0; i < WAIT_TIMEOUT * 5; i++)); do
    if pg_answers; then
      say "PostgreSQL answers at $target"
      return 0
    fi
    sleep 0.2
  done
  PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -X -q -c 'select 1' >/dev/null || true
  if ((started)); then
    die "started the local PostgreSQL cluster but it does not answer at $target after ${WAIT_TIMEOUT} s; see /var/log/postgresql/ and check DATABASE_URL"
  fi
  die "PostgreSQL does not answer at $target and could not be started with pg_ctlcluster; start it (see /var/log/postgresql/) or set DATABASE_URL"
}

create_databases() {
  local db created=0 existing=0 exists
  for db in "${DATABASES[@]}"; do
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name '$db'"
    # psql interpolates :'db' (safely quoted) only in stdin/file input, not in -c.
    exists="$(psql "$DATABASE_URL" -X -q -t -A -v ON_ERROR_STOP=1 -v "db=$db" 2>&1 <<'SQL'
select 1 from pg_database where datname = :'db';
SQL
    )" || die "cannot query pg_database at $(redacted_url): $exists"
    if [[ "$exists" == "1" ]]; then
      existing=$((existing + 1))
      continue
    fi
    local out
    # CREATE DATABASE cannot run in a transaction block or a DO block; a concurrent creator may win the race.
    if out="$(psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -c "create database \"$db\"" 2>&1)"; then
      say "created database $db"
      created=$((created + 1))
    elif [[ "$out" == *"already exists"* ]]; then
      existing=$((existing + 1))
    else
      die "cannot create database $db at $(redacted_url): $out"
    fi
  done
  say "databases ready on $(redacted_url): $created created, $existing already present (${DATABASES[*]})"
}

case "${1:-}" in
  --wait-only) ensure_postgres ;;
  "") ensure_postgres && create_databases ;;
  -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown argument '$1' (use --wait-only or --help)" ;;
esac
