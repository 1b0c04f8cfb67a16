#!/usr/bin/env bash
# services.sh — throwaway PostgreSQL + RabbitMQ instances for the test suite.
#
# Usage:
#   infra/services.sh start   # (re)create state dir, start both, print env
#   infra/services.sh stop    # stop both, remove state dir (safe if idle)
#   infra/services.sh env     # print the export lines for the test suite
#
#   eval "$(infra/services.sh start)"   # start and export in one go
#
# Everything (data, sockets, logs, pid files) lives in one state directory
# that is wiped on `start` and removed on `stop`; the system-wide clusters
# (/var/lib/postgresql, /var/lib/rabbitmq/mnesia, the default "rabbit" node)
# are never touched.  Only the export lines go to stdout; all progress
# output and errors go to stderr.
#
# Settings (environment):
#   ONETHING_SERVICES_DIR          state dir       (/tmp/onething-services)
#   ONETHING_PG_PORT               PostgreSQL port (55432)
#   ONETHING_PG_DATABASE           database created on start (onething_tests)
#   ONETHING_RABBITMQ_PORT         AMQP port       (55672)
#   ONETHING_RABBITMQ_DIST_PORT    Erlang distribution port of the node
#                                  (AMQP port + 20000 if that fits, else +1)
#   ONETHING_RABBITMQ_NODENAME     node name       (onething-test@localhost)
#   ONETHING_RABBITMQ_START_TIMEOUT  seconds to wait for the broker (60)
#
# Requirements: root (the servers are started as the `postgres` and
# `rabbitmq` OS users via runuser), packages from infra/install-test-deps.sh.
#
# How our processes are recognised: every server process is started with
# ONETHING_SERVICES_MARKER=<state dir> in its environment; children (postgres
# backends, erl_child_setup, inet_gethost, an epmd spawned by our node)
# inherit it.  `stop` uses that marker to find and kill leftovers, so it never
# touches unrelated postgres/beam/epmd processes.
set -euo pipefail

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------
readonly SCRIPT_NAME="services.sh"
STATE_DIR="$(realpath -m -- "${ONETHING_SERVICES_DIR:-/tmp/onething-services}")"
readonly STATE_DIR
readonly PG_PORT="${ONETHING_PG_PORT:-55432}"
readonly PG_DATABASE="${ONETHING_PG_DATABASE:-onething_tests}"
readonly RMQ_PORT="${ONETHING_RABBITMQ_PORT:-55672}"
readonly RMQ_NODE="${ONETHING_RABBITMQ_NODENAME:-onething-test@localhost}"
readonly RMQ_START_TIMEOUT="${ONETHING_RABBITMQ_START_TIMEOUT:-60}"
readonly RMQ_ISOLATED_VHOSTS="isolated-1 isolated-2"
# RabbitMQ's own default distribution port is AMQP port + 20000, which
# overflows 65535 for our default port, so pick port+1 in that case.
if [[ -n "${ONETHING_RABBITMQ_DIST_PORT:-}" ]]; then
  RMQ_DIST_PORT="${ONETHING_RABBITMQ_DIST_PORT}"
elif ((RMQ_PORT + 20000 <= 65535)); then
  RMQ_DIST_PORT=$((RMQ_PORT + 20000))
else
  RMQ_DIST_PORT=$((RMQ_PORT + 1))
fi
readonly RMQ_DIST_PORT

# Set to 1 after a failed start: kill instead of a graceful shutdown.
FAST_STOP=0

readonly MARKER_VAR="ONETHING_SERVICES_MARKER"
readonly MARKER="${MARKER_VAR}=${STATE_DIR}"
# File proving a directory was created by us (so we may rm -rf it).
readonly OWNERSHIP_FILE=".onething-services"

readonly PG_DIR="${STATE_DIR}/pg"
readonly PG_LOG="${STATE_DIR}/pg.log"
readonly RMQ_DIR="${STATE_DIR}/rabbitmq"
readonly RMQ_LOG_DIR="${RMQ_DIR}/log"
readonly RMQ_PID_FILE="${RMQ_DIR}/rabbitmq.pid"
readonly RMQ_STARTUP_LOG="${RMQ_DIR}/startup.log"
readonly ENV_FILE="${STATE_DIR}/env"

# Debian layout: /usr/lib/rabbitmq/bin holds the real scripts; the ones in
# /usr/sbin are wrappers that `su` to the rabbitmq user and redirect output
# to /var/log/rabbitmq, which we do not want.
readonly RMQ_BIN_DIR="/usr/lib/rabbitmq/bin"

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
log() { printf '[%s] %s\n' "$SCRIPT_NAME" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

# now_ms — wall clock in milliseconds (EPOCHREALTIME: bash >= 5).
now_ms() {
  local us="${EPOCHREALTIME//[!0-9]/}"
  printf '%s' "$((us / 1000))"
}

# since START_MS — elapsed seconds as "1.234s".
since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%03ds' "$((ms / 1000))" "$((ms % 1000))"
}

# port_open PORT — true if something accepts TCP connections on 127.0.0.1.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# describe_port PORT — best-effort "who listens here" for error messages.
describe_port() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$1" 2>/dev/null || true
  fi
}

# dump_log FILE [LINES] — print the tail of a log file to stderr.
dump_log() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" -- "$file" >&2 || true
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf -- '----- %s: missing or empty -----\n' "$file" >&2
  fi
}

# marked_pids [COMM...] — pids of live processes carrying our marker in
# their environment, plus their direct children, optionally restricted to
# the given command names.  (PostgreSQL backends overwrite their environ
# area with the process title, so they are only found as children of the
# marked postmaster.)  Zombies have an empty environ and no children, so
# they are never reported.
marked_pids() {
  local file pid comm want
  local -a found=()
  # One grep over all environ files; unreadable/vanished ones are skipped.
  while read -r file; do
    pid="${file#/proc/}"
    pid="${pid%/environ}"
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    found+=("$pid")
  done < <(grep -lzxF -- "$MARKER" /proc/[0-9]*/environ 2>/dev/null || true)
  ((${#found[@]} == 0)) && return 0
  while read -r pid; do
    [[ -n "$pid" ]] || continue
    if (($# > 0)); then
      comm="$(cat "/proc/$pid/comm" 2>/dev/null)" || continue
      for want in "$@"; do
        if [[ "$comm" == "$want" ]]; then
          printf '%s\n' "$pid"
          break
        fi
      done
    else
      printf '%s\n' "$pid"
    fi
  done < <({
    printf '%s\n' "${found[@]}"
    ps -o pid= --ppid "$(IFS=,; echo "${found[*]}")" 2>/dev/null || true
  } | tr -d ' ' | sort -un)
}

# kill_and_wait SECONDS PID... — SIGTERM, wait, then SIGKILL the survivors.
kill_and_wait() {
  local secs="$1"
  shift
  (($# == 0)) && return 0
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$(($(now_ms) + secs * 1000)) pid alive
  while :; do
    alive=()
    for pid in "$@"; do
      if kill -0 "$pid" 2>/dev/null && [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]]; then
        alive+=("$pid")
      fi
    done
    ((${#alive[@]} == 0)) && return 0
    if (($(now_ms) >= deadline)); then
      warn "sending SIGKILL to: ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
}

# wait_port_closed PORT SECONDS — true once nothing listens on PORT.
wait_port_closed() {
  local port="$1" deadline=$(($(now_ms) + $2 * 1000))
  while port_open "$port"; do
    (($(now_ms) >= deadline)) && return 1
    sleep 0.1
  done
}

# home_of USER — the user's home directory from the passwd database.
home_of() { getent passwd "$1" | cut -d: -f6; }

require_root() {
  ((EUID == 0)) && return 0
  if command -v sudo >/dev/null 2>&1; then
    log "not root; re-running via sudo"
    exec sudo --preserve-env "$0" "$@"
  fi
  die "must run as root (postgres/rabbitmq are started as their OS users via runuser)"
}

# pg_bin_dir — newest /usr/lib/postgresql/<version>/bin containing initdb.
pg_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin \
    2>/dev/null | sort -V | while read -r d; do
      [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && printf '%s\n' "$d"
    done | tail -n 1)"
  [[ -n "$dir" ]] ||
    die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (run infra/install-test-deps.sh)"
  printf '%s' "$dir"
}

# as_postgres CMD... — run a command as the postgres OS user.
as_postgres() {
  (cd "$STATE_DIR" 2>/dev/null || cd /; runuser -u postgres -- env "$MARKER" "$@")
}

# rmq_home — rabbitmq user's HOME: it holds the Erlang cookie shared by the
# server and rabbitmqctl (/usr/sbin/rabbitmqctl also runs as that user).
rmq_home() {
  local h
  h="$(home_of rabbitmq)"
  printf '%s' "${h:-/var/lib/rabbitmq}"
}

# rmqctl SECONDS ARGS... — rabbitmqctl against our node (hard time limit
# SECONDS), as the rabbitmq user with its HOME so it uses the same Erlang
# cookie as the server (/usr/sbin/rabbitmqctl does the same).
rmqctl() {
  local secs="$1" home
  shift
  home="$(rmq_home)"
  (cd "$home" 2>/dev/null || cd /
    timeout "$secs" runuser -u rabbitmq -- env HOME="$home" "$MARKER" \
      "$RMQ_BIN_DIR/rabbitmqctl" -n "$RMQ_NODE" "$@")
}

# epmd_names — `epmd -names` output, empty if no epmd is running.
epmd_names() { epmd -names 2>/dev/null || true; }

# node_registered — true if our node name is registered with epmd.
node_registered() {
  epmd_names | grep -q "^name ${RMQ_NODE%@*} at port "
}

# ensure_erlang_cookie — the rabbitmq user's cookie must exist and be
# owner-only (Erlang refuses cookies readable by group/others).
ensure_erlang_cookie() {
  local home cookie
  home="$(rmq_home)"
  cookie="$home/.erlang.cookie"
  if [[ ! -d "$home" ]]; then
    install -d -o rabbitmq -g rabbitmq -m 755 "$home"
  fi
  if [[ ! -s "$cookie" ]]; then
    log "creating Erlang cookie $cookie"
    # Same format as the Debian postinst (`openssl rand -base64 42`).
    (umask 077 && head -c 42 /dev/urandom | base64 -w 0 >"$cookie")
  fi
  chown rabbitmq:rabbitmq "$cookie"
  chmod 400 "$cookie"
}

# state_dir_is_ours — the state dir is absent, empty, or was created by us.
state_dir_is_ours() {
  [[ ! -e "$STATE_DIR" ]] && return 0
  [[ -d "$STATE_DIR" ]] || return 1
  [[ -f "$STATE_DIR/$OWNERSHIP_FILE" ]] && return 0
  [[ -z "$(ls -A -- "$STATE_DIR")" ]]
}

print_env() {
  printf 'export ONETHING_TEST_POSTGRES="Host=127.0.0.1;Port=%s;Username=postgres;Database=%s"\n' \
    "$PG_PORT" "$PG_DATABASE"
  printf 'export ONETHING_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:%s/"\n' "$RMQ_PORT"
  local vhost i=0
  for vhost in $RMQ_ISOLATED_VHOSTS; do
    i=$((i + 1))
    printf 'export ONETHING_TEST_RABBITMQ_ISOLATED_%s="amqp://guest:guest@127.0.0.1:%s/%s"\n' "$i" "$RMQ_PORT" "$vhost"
  done
}

validate_settings() {
  local p
  for p in "$PG_PORT" "$RMQ_PORT" "$RMQ_DIST_PORT"; do
    if ! [[ "$p" =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
      die "invalid port: '$p'"
    fi
  done
  [[ "$PG_PORT" != "$RMQ_PORT" && "$PG_PORT" != "$RMQ_DIST_PORT" && "$RMQ_PORT" != "$RMQ_DIST_PORT" ]] ||
    die "ports must differ: pg=$PG_PORT amqp=$RMQ_PORT dist=$RMQ_DIST_PORT"
  # The path ends up inside pg_ctl's -o string and Erlang/RabbitMQ env vars.
  [[ "$STATE_DIR" =~ ^/[A-Za-z0-9._/@+-]+$ ]] ||
    die "ONETHING_SERVICES_DIR must be an absolute path without spaces/quotes: '$STATE_DIR'"
  [[ "$STATE_DIR" != "/" ]] || die "refusing to use / as state dir"
  [[ "$PG_DATABASE" =~ ^[a-z_][a-z0-9_]*$ ]] || die "invalid database name: '$PG_DATABASE'"
}

# ---------------------------------------------------------------------------
# stop
# ---------------------------------------------------------------------------
stop_rabbitmq() {
  local t0
  local -a pids
  t0="$(now_ms)"
  mapfile -t pids < <(marked_pids beam.smp)
  if ((${#pids[@]} == 0)) && ! node_registered; then
    return 0
  fi
  log "stopping RabbitMQ node $RMQ_NODE ..."
  # `shutdown` (unlike `stop` without a pid file) waits until the VM exited.
  # After a failed start, skip it: a node still booting only acts on it once
  # boot finished, and its data is throwaway anyway.
  if ((FAST_STOP)); then
    :
  elif [[ ! -x "$RMQ_BIN_DIR/rabbitmqctl" ]] || ! rmqctl 60 -q shutdown >/dev/null 2>&1; then
    warn "rabbitmqctl shutdown failed; killing the VM"
  fi
  # Leftovers: the VM itself if shutdown failed, plus erl_child_setup,
  # inet_gethost, ... (epmd is handled separately, it may be shared).
  mapfile -t pids < <(marked_pids beam.smp erl_child_setup inet_gethost heart)
  kill_and_wait 15 "${pids[@]}"
  log "RabbitMQ stopped in $(since "$t0")"
}

stop_postgres() {
  local t0 bindir pid acted=0
  local -a pids
  t0="$(now_ms)"
  if [[ -f "$PG_DIR/postmaster.pid" ]]; then
    acted=1
    log "stopping PostgreSQL on port $PG_PORT ..."
    if ! bindir="$(pg_bin_dir 2>/dev/null)" ||
      ! as_postgres "$bindir/pg_ctl" -D "$PG_DIR" -m fast -w -t 30 stop >/dev/null 2>&1; then
      warn "pg_ctl stop failed; signalling the postmaster directly"
      pid="$(head -n 1 "$PG_DIR/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qzxF -- "$MARKER" "/proc/$pid/environ" 2>/dev/null; then
        kill_and_wait 15 "$pid"
      fi
    fi
  fi
  mapfile -t pids < <(marked_pids postgres postmaster)
  if ((${#pids[@]} > 0)); then
    acted=1
    warn "killing leftover postgres processes: ${pids[*]}"
    kill_and_wait 10 "${pids[@]}"
  fi
  ((acted == 0)) || log "PostgreSQL stopped in $(since "$t0")"
}

# stop_epmd — kill epmd only if it was spawned by our node (carries our
# marker) and no Erlang node at all is still registered with it.
stop_epmd() {
  local -a pids
  mapfile -t pids < <(marked_pids epmd)
  ((${#pids[@]} == 0)) && return 0
  local names deadline
  # A node deregisters when its VM exits; allow a moment for that.
  deadline=$(($(now_ms) + 5000))
  while names="$(epmd_names | grep '^name ' || true)"; [[ -n "$names" ]]; do
    (($(now_ms) >= deadline)) && break
    sleep 0.1
  done
  if [[ -n "$names" ]]; then
    log "leaving epmd running: other Erlang nodes are registered:"
    printf '  %s\n' "$names" >&2
    return 0
  fi
  epmd -kill >/dev/null 2>&1 || true
  kill_and_wait 5 "${pids[@]}"
}

# stop_processes — stop everything started from STATE_DIR, keep the files.
stop_processes() {
  local -a before
  mapfile -t before < <(marked_pids)
  stop_rabbitmq
  stop_postgres
  # Anything else with our marker (should be nothing).
  local -a pids
  mapfile -t pids < <(marked_pids | while read -r p; do
    [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == epmd ]] || printf '%s\n' "$p"
  done)
  if ((${#pids[@]} > 0)); then
    warn "killing leftover processes: ${pids[*]}"
    kill_and_wait 10 "${pids[@]}"
  fi
  stop_epmd
  wait_reaped "${before[@]}"
}

# wait_reaped PID... — wait (up to 10 s) until the given processes have
# fully disappeared.  Daemons (postmaster, beam) are re-parented to PID 1
# once pg_ctl / rabbitmq-server exit, and a slow init leaves them as
# zombies for a moment, which would still show up in `pgrep`.
wait_reaped() {
  (($# == 0)) && return 0
  local deadline=$(($(now_ms) + 10000)) pid left
  while :; do
    left=()
    for pid in "$@"; do
      [[ -e "/proc/$pid" ]] && left+=("$pid")
    done
    ((${#left[@]} == 0)) && return 0
    if (($(now_ms) >= deadline)); then
      warn "processes not yet reaped (zombies waiting for init): ${left[*]}"
      return 0
    fi
    sleep 0.1
  done
}

cmd_stop() {
  validate_settings
  require_root "stop"
  local t0
  t0="$(now_ms)"
  state_dir_is_ours ||
    die "$STATE_DIR exists but was not created by $SCRIPT_NAME (no $OWNERSHIP_FILE); refusing to touch it"
  stop_processes
  local -a left
  mapfile -t left < <(marked_pids)
  if ((${#left[@]} > 0)); then
    die "processes from $STATE_DIR survived stop: $(ps -o pid=,comm= -p "$(IFS=,; echo "${left[*]}")" | tr '\n' ' ')"
  fi
  # Our processes are gone; an open port now belongs to someone else, which
  # is worth a warning but does not make `stop` fail.
  local port
  for port in "$PG_PORT" "$RMQ_PORT" "$RMQ_DIST_PORT"; do
    wait_port_closed "$port" 15 ||
      warn "port $port is still in use (not by us): $(describe_port "$port")"
  done
  rm -rf -- "$STATE_DIR"
  log "stopped; removed $STATE_DIR (total $(since "$t0"))"
}

# ---------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------
# On failure: dump logs, stop what was started, keep the state dir for
# inspection (the next start/stop removes it).
fail_start() {
  printf '[%s] ERROR: %s\n' "$SCRIPT_NAME" "$1" >&2
  shift
  local f
  for f in "$@"; do dump_log "$f"; done
  log "stopping partially started services (logs kept in $STATE_DIR)"
  FAST_STOP=1
  stop_processes || true
  exit 1
}

prepare_state_dir() {
  if [[ -e "$STATE_DIR" ]]; then
    state_dir_is_ours ||
      die "$STATE_DIR exists but was not created by $SCRIPT_NAME (no $OWNERSHIP_FILE); refusing to wipe it"
    log "previous state dir found; stopping leftovers and wiping $STATE_DIR"
    stop_processes
    rm -rf -- "$STATE_DIR"
  else
    # Leftovers whose directory was deleted by hand (e.g. a node still
    # registered under our name).
    stop_processes
  fi

  local port
  for port in "$PG_PORT" "$RMQ_PORT" "$RMQ_DIST_PORT"; do
    if ! wait_port_closed "$port" 5; then
      die "port $port is already in use: $(describe_port "$port") — set ONETHING_PG_PORT / ONETHING_RABBITMQ_PORT / ONETHING_RABBITMQ_DIST_PORT"
    fi
  done
  if node_registered; then
    die "an Erlang node named ${RMQ_NODE%@*} is already registered with epmd (not ours?): $(epmd_names)"
  fi

  # World-traversable root so the postgres and rabbitmq users can reach
  # their subdirectories; each service owns its own subdirectory.
  install -d -m 755 "$STATE_DIR"
  : >"$STATE_DIR/$OWNERSHIP_FILE"
  install -d -o postgres -g postgres -m 700 "$PG_DIR"
  install -o postgres -g postgres -m 600 /dev/null "$PG_LOG"
  install -d -o rabbitmq -g rabbitmq -m 750 "$RMQ_DIR" "$RMQ_DIR/mnesia" "$RMQ_LOG_DIR"

  # Parent directories must be traversable by the service users.
  runuser -u postgres -- test -w "$PG_DIR" ||
    die "user postgres cannot write $PG_DIR (is a parent directory private?)"
  runuser -u rabbitmq -- test -w "$RMQ_DIR" ||
    die "user rabbitmq cannot write $RMQ_DIR (is a parent directory private?)"
}

# launch_rabbitmq — start the node detached (returns immediately; the
# readiness wait happens later so PostgreSQL can start meanwhile).
launch_rabbitmq() {
  [[ -x "$RMQ_BIN_DIR/rabbitmq-server" && -x "$RMQ_BIN_DIR/rabbitmqctl" ]] ||
    die "RabbitMQ not found in $RMQ_BIN_DIR (run infra/install-test-deps.sh)"
  command -v epmd >/dev/null 2>&1 || die "epmd not found (erlang-base missing?)"
  ensure_erlang_cookie

  # No plugins (the management plugin would cost startup time and a port).
  printf '[].\n' >"$RMQ_DIR/enabled_plugins"
  cat >"$RMQ_DIR/rabbitmq.conf" <<'CONF'
# Throwaway test broker written by infra/services.sh.
# Listener address/port come from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT;
# the default guest/guest user may log in over loopback, which is all we need.
log.console = false
log.file.level = info
# Don't block publishers just because the test machine's disk is small.
disk_free_limit.absolute = 1MB
CONF
  # Empty env file: keep /etc/rabbitmq/rabbitmq-env.conf out of the picture.
  : >"$RMQ_DIR/rabbitmq-env.conf"
  chown rabbitmq:rabbitmq "$RMQ_DIR/enabled_plugins" "$RMQ_DIR/rabbitmq.conf" \
    "$RMQ_DIR/rabbitmq-env.conf"

  local home
  home="$(rmq_home)"
  log "starting RabbitMQ node $RMQ_NODE (amqp 127.0.0.1:$RMQ_PORT, dist $RMQ_DIST_PORT) ..."
  # Bypass the /usr/sbin wrapper (it su's and redirects to /var/log/rabbitmq)
  # and run the real script as the rabbitmq user with its HOME (cookie).
  if ! (cd "$RMQ_DIR" && runuser -u rabbitmq -- env \
    HOME="$home" \
    "$MARKER" \
    RABBITMQ_NODENAME="$RMQ_NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RMQ_PORT" \
    RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RMQ_LOG_DIR" \
    RABBITMQ_PID_FILE="$RMQ_PID_FILE" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf" \
    "$RMQ_BIN_DIR/rabbitmq-server" -detached >"$RMQ_STARTUP_LOG" 2>&1); then
    fail_start "rabbitmq-server -detached failed" "$RMQ_STARTUP_LOG"
  fi
}

# wait_rabbitmq T0 — wait for the AMQP port, then for the rabbit app.
# (`rabbitmqctl await_startup` alone has been seen to return before the
# node was up, so the TCP listener is the primary signal.)
wait_rabbitmq() {
  local t0="$1" node_log="$RMQ_LOG_DIR/$RMQ_NODE.log"
  local deadline=$((t0 + RMQ_START_TIMEOUT * 1000)) grace=$((t0 + 3000))
  local -a logs=("$node_log" "$RMQ_STARTUP_LOG")
  until port_open "$RMQ_PORT"; do
    if (($(now_ms) >= deadline)); then
      fail_start "RabbitMQ did not open port $RMQ_PORT within ${RMQ_START_TIMEOUT}s" "${logs[@]}"
    fi
    if (($(now_ms) >= grace)) && [[ -z "$(marked_pids beam.smp)" ]]; then
      [[ -f "$RMQ_DIR/erl_crash.dump" ]] && logs+=("$RMQ_DIR/erl_crash.dump")
      fail_start "RabbitMQ node exited during startup" "${logs[@]}"
    fi
    sleep 0.2
  done
  local remaining=$(((deadline - $(now_ms)) / 1000))
  ((remaining < 10)) && remaining=10
  if ! rmqctl $((remaining + 5)) -q -t "$remaining" await_startup >/dev/null 2>"$RMQ_DIR/await_startup.err"; then
    fail_start "rabbitmqctl await_startup failed" "$RMQ_DIR/await_startup.err" "${logs[@]}"
  fi
  log "RabbitMQ ready on 127.0.0.1:$RMQ_PORT ($(since "$t0"))"
  # Virtual hosts of their own for tests that run host processes as a separate cluster of nodes
  # (their messages must not reach the in-process test host, which shares the broker).
  local vhost
  for vhost in $RMQ_ISOLATED_VHOSTS; do
    if ! rmqctl 30 -q add_vhost "$vhost" >/dev/null 2>>"$RMQ_DIR/vhosts.err" ||
      ! rmqctl 30 -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null 2>>"$RMQ_DIR/vhosts.err"; then
      fail_start "could not create RabbitMQ virtual host $vhost" "$RMQ_DIR/vhosts.err"
    fi
  done
}

start_postgres() {
  local t0 bindir
  t0="$(now_ms)"
  bindir="$(pg_bin_dir)"
  log "starting PostgreSQL $(basename "$(dirname "$bindir")") on 127.0.0.1:$PG_PORT ..."
  if ! as_postgres "$bindir/initdb" -D "$PG_DIR" -U postgres -A trust --no-sync \
    >"$STATE_DIR/initdb.log" 2>&1; then
    fail_start "initdb failed" "$STATE_DIR/initdb.log"
  fi
  local opts="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  opts+=" -c max_connections=200"
  if ! as_postgres "$bindir/pg_ctl" -D "$PG_DIR" -o "$opts" -w -t 60 -l "$PG_LOG" start \
    >"$STATE_DIR/pg_ctl.log" 2>&1; then
    fail_start "pg_ctl start failed" "$STATE_DIR/pg_ctl.log" "$PG_LOG"
  fi
  local deadline=$(($(now_ms) + 30000))
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    (($(now_ms) >= deadline)) && fail_start "pg_isready never succeeded" "$PG_LOG"
    sleep 0.1
  done
  if ! "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -d postgres -c "CREATE DATABASE $PG_DATABASE" >"$STATE_DIR/createdb.log" 2>&1; then
    fail_start "could not create database $PG_DATABASE" "$STATE_DIR/createdb.log" "$PG_LOG"
  fi
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT, database $PG_DATABASE ($(since "$t0"))"
}

cmd_start() {
  validate_settings
  require_root "start"
  local t0 t_rmq
  t0="$(now_ms)"
  prepare_state_dir
  # RabbitMQ boots slowest, so launch it first and bring PostgreSQL up
  # while the Erlang VM starts.
  t_rmq="$(now_ms)"
  launch_rabbitmq
  start_postgres
  wait_rabbitmq "$t_rmq"
  print_env >"$ENV_FILE"
  log "all services up in $(since "$t0"); env written to $ENV_FILE"
  print_env
}

cmd_env() {
  if [[ -s "$ENV_FILE" ]]; then
    cat -- "$ENV_FILE"
  else
    print_env
  fi
}

usage() {
  cat <<EOF
usage: $0 {start|stop|env}
  start  (re)create $STATE_DIR, start PostgreSQL (port $PG_PORT) and
         RabbitMQ (port $RMQ_PORT), print export lines
  stop   stop both and remove $STATE_DIR (no-op if nothing runs)
  env    print the export lines (ONETHING_TEST_POSTGRES, ONETHING_TEST_RABBITMQ)
EOF
}

main() {
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
