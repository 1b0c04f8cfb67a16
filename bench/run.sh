#!/usr/bin/env bash
# bench/run.sh — the workflow benchmark (bench/Workflows.Bench) in Release.
#
# Starts a throwaway PostgreSQL on 127.0.0.1:56432 with its own data dir (like infra/services.sh,
# but PostgreSQL only: that script always starts RabbitMQ too, which the bench does not need and
# which would take CPU from a 2-core machine), runs the harness, and stops PostgreSQL on exit.
# Results: bench/results/latest.md (also printed). Not part of test.sh or CI.
#
# Usage:
#   bench/run.sh                      # all scenarios, defaults (2,000 instances, 8 workers, ...)
#   bench/run.sh --instances 500      # anything after the script name goes to the harness (--help)
#
# Settings (environment):
#   ONETHING_BENCH_POSTGRES   use this PostgreSQL instead of starting one (Npgsql connection string)
#   ONETHING_BENCH_PG_PORT    port of the throwaway server (56432)
#   ONETHING_BENCH_DIR        its state dir (/tmp/onething-bench-services), wiped on start and stop
#   ONETHING_BENCH_PG_DURABLE 1 = fsync/synchronous_commit on; default off, as infra/services.sh
#   ONETHING_BENCH_WAIT_QUIET before each scenario, wait up to this many seconds for an idle machine
#                             (< 15 % CPU busy over 2 s); default: don't wait. Numbers from a busy
#                             machine are not comparable (the report's CPU table shows disturbance).
#
# Requirements: root (initdb/pg_ctl run as the `postgres` OS user via runuser), the packages from
# infra/install-test-deps.sh (PostgreSQL server; pgbench comes with postgresql-contrib/-client).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly STATE_DIR="${ONETHING_BENCH_DIR:-/tmp/onething-bench-services}"
readonly PG_PORT="${ONETHING_BENCH_PG_PORT:-56432}"
readonly PG_DIR="$STATE_DIR/pg"
readonly OWNERSHIP_FILE=".onething-bench"

log() { printf '[bench/run.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"

readonly BENCH_DLL="bench/Workflows.Bench/bin/Release/net10.0/Workflows.Bench.dll"
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  dotnet build bench/Workflows.Bench -c Release --nologo -v quiet >/dev/null
  exec dotnet "$BENCH_DLL" --help
fi

pg_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] ||
    die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (run infra/install-test-deps.sh)"
  printf '%s' "$dir"
}

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

stop_pg() {
  [[ -f "$STATE_DIR/$OWNERSHIP_FILE" ]] || return 0
  if [[ -f "$PG_DIR/postmaster.pid" ]]; then
    log "stopping PostgreSQL on port $PG_PORT"
    as_postgres "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      log "pg_ctl stop failed; see $STATE_DIR/pg.log"
  fi
  rm -rf -- "$STATE_DIR"
}

start_pg() {
  ((EUID == 0)) || die "must run as root (PostgreSQL is started as the postgres OS user), or set ONETHING_BENCH_POSTGRES"
  if [[ -e "$STATE_DIR" ]]; then
    [[ -f "$STATE_DIR/$OWNERSHIP_FILE" ]] || die "$STATE_DIR exists and is not ours; refusing to wipe it"
    stop_pg
  fi
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null; then
    die "port $PG_PORT is already in use; set ONETHING_BENCH_PG_PORT"
  fi
  local bindir
  bindir="$(pg_bin_dir)"
  install -d -m 755 "$STATE_DIR"
  : >"$STATE_DIR/$OWNERSHIP_FILE"
  install -d -o postgres -g postgres -m 700 "$PG_DIR"
  install -o postgres -g postgres -m 600 /dev/null "$STATE_DIR/pg.log"
  log "initdb + start PostgreSQL $(basename "$(dirname "$bindir")") on 127.0.0.1:$PG_PORT"
  as_postgres "$bindir/initdb" -D "$PG_DIR" -U postgres -A trust --no-sync >"$STATE_DIR/initdb.log" 2>&1 ||
    { cat "$STATE_DIR/initdb.log" >&2; die "initdb failed"; }
  local opts="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [[ "${ONETHING_BENCH_PG_DURABLE:-0}" == 1 ]]; then
    opts+=" -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  else
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  as_postgres "$bindir/pg_ctl" -D "$PG_DIR" -o "$opts" -w -t 60 -l "$STATE_DIR/pg.log" start >/dev/null 2>&1 ||
    { tail -n 40 "$STATE_DIR/pg.log" >&2; die "pg_ctl start failed"; }
  local i
  for i in $(seq 1 100); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && return 0
    sleep 0.1
  done
  die "PostgreSQL did not become ready"
}

dotnet build bench/Workflows.Bench -c Release --nologo -v quiet

if [[ -z "${ONETHING_BENCH_POSTGRES:-}" ]]; then
  trap stop_pg EXIT
  start_pg
  export ONETHING_BENCH_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=onething_bench"
fi

args=(--out bench/results/latest.md)
if [[ -n "${ONETHING_BENCH_WAIT_QUIET:-}" ]]; then
  args+=(--quiet-wait "$ONETHING_BENCH_WAIT_QUIET")
fi
dotnet "$BENCH_DLL" "${args[@]}" "$@"
