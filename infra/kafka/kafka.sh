#!/usr/bin/env bash
# Local Apache Kafka broker (KRaft, combined broker+controller, single node) from the official jars on
# Maven Central. No Docker needed: Java 17+ and Maven 3 are enough. See infra/kafka/README.md.
#
#   bash infra/kafka/kafka.sh start|stop|restart|status|wait|logs [-f] [N]|reset|env
#
# Environment (all optional):
#   KAFKA_INSTANCE         instance name (default "default"); each instance has its own data, pid and log
#   KAFKA_PORT             PLAINTEXT client port (default 9092, or the port the instance was created with)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default KAFKA_PORT+1)
#   KAFKA_SASL_PORT        partner listener, SASL/SCRAM-SHA-512 with ACLs (default KAFKA_PORT+2); see add-partner.mjs
#   KAFKA_HOST             listen/advertised address (default 127.0.0.1)
#   KAFKA_HEAP             max JVM heap (default 512m)
#   KAFKA_JVM_OPTS         extra JVM options, appended last (e.g. "-XX:+UseG1GC")
#   KAFKA_START_TIMEOUT    seconds to wait for readiness while the broker shows no progress (default 90);
#                          a broker still loading its partitions' logs (its log keeps growing) is given
#                          more time, up to KAFKA_START_LIMIT
#   KAFKA_START_LIMIT      seconds to wait for readiness at most, progress or not (default 1800)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 30)
#   KAFKA_VERSION          Kafka version to fetch (default: <kafka.version> in infra/kafka/pom.xml)
#   KAFKA_LIBS             use this folder of jars instead of fetching (e.g. libs/ of the official tarball)
#   KAFKA_LOG4J_CONFIG     log4j2 configuration file (default infra/kafka/log4j2.xml)
#   COGOV_CACHE            jar cache root (default $HOME/.cache/cogov) -> kafka-<version>/libs
#   COGOV_DATA             data root (default $HOME/.local/share/cogov) -> kafka/<instance>/
#   JAVA_HOME              Java 17+ to use (default: java on PATH)
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
readonly SCRIPT_DIR
readonly POM="$SCRIPT_DIR/pom.xml"

# ---------------------------------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------------------------------
INSTANCE="${KAFKA_INSTANCE:-default}"
say() { printf 'kafka[%s]: %s\n' "$INSTANCE" "$*"; }
warn() { printf 'kafka[%s]: warning: %s\n' "$INSTANCE" "$*" >&2; }
die() {
  printf 'kafka[%s]: error: %s\n' "$INSTANCE" "$*" >&2
  exit 1
}

# Microseconds since the epoch (EPOCHREALTIME may use ',' as decimal separator in some locales).
now_us() {
  local t="${EPOCHREALTIME//[.,]/}"
  printf '%s' "$t"
}
# Seconds with one decimal between a start timestamp (µs) and now.
elapsed() {
  local d=$(($(now_us) - $1))
  printf '%d.%d s' $((d / 1000000)) $(((d % 1000000) / 100000))
}

usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"
}

# ---------------------------------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------------------------------
[[ "$INSTANCE" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] ||
  die "KAFKA_INSTANCE='$INSTANCE' is not a valid name (letters, digits, '.', '_', '-')"

pom_version() {
  sed -n 's:.*<kafka\.version>\([^<]*\)</kafka\.version>.*:\1:p' "$POM" | head -n 1
}
KAFKA_VERSION="${KAFKA_VERSION:-$(pom_version)}"
[[ -n "$KAFKA_VERSION" ]] || die "cannot read <kafka.version> from $POM"

CACHE_ROOT="${COGOV_CACHE:-$HOME/.cache/cogov}"
DATA_ROOT="${COGOV_DATA:-$HOME/.local/share/cogov}"
INSTANCE_DIR="$DATA_ROOT/kafka/$INSTANCE"
DATA_DIR="$INSTANCE_DIR/data"
PID_FILE="$INSTANCE_DIR/kafka.pid"
LOG_FILE="$INSTANCE_DIR/kafka.log"
PROPS_FILE="$INSTANCE_DIR/server.properties"
PORTS_FILE="$INSTANCE_DIR/ports"
LIBS_DIR="${KAFKA_LIBS:-$CACHE_ROOT/kafka-$KAFKA_VERSION/libs}"
LOG4J_CONFIG="${KAFKA_LOG4J_CONFIG:-$SCRIPT_DIR/log4j2.xml}"
HOST="${KAFKA_HOST:-127.0.0.1}"
HEAP="${KAFKA_HEAP:-512m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
START_LIMIT="${KAFKA_START_LIMIT:-1800}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
# Marker on the java command line: identifies the broker of this instance (stale pid files, reuse of pids).
MARKER="-Dcogov.kafka.instance=$INSTANCE_DIR"

# Ports: explicit env wins; otherwise the ports the instance was created with; otherwise 9092/9093.
RECORDED_PORT=""
RECORDED_CONTROLLER_PORT=""
if [[ -f "$PORTS_FILE" ]]; then
  read -r RECORDED_PORT RECORDED_CONTROLLER_PORT <"$PORTS_FILE" || true
fi
PORT="${KAFKA_PORT:-${RECORDED_PORT:-9092}}"
if [[ -n "${KAFKA_CONTROLLER_PORT:-}" ]]; then
  CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT"
elif [[ -z "${KAFKA_PORT:-}" && -n "$RECORDED_CONTROLLER_PORT" ]]; then
  CONTROLLER_PORT="$RECORDED_CONTROLLER_PORT"
else
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "KAFKA_PORT='$PORT' is not a port number"
  CONTROLLER_PORT=$((PORT + 1))
fi
for p in "$PORT" "$CONTROLLER_PORT"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then die "invalid port '$p' (KAFKA_PORT / KAFKA_CONTROLLER_PORT)"; fi
done
[[ "$PORT" != "$CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both $PORT)"
SASL_PORT="${KAFKA_SASL_PORT:-$((PORT + 2))}"
if ! [[ "$SASL_PORT" =~ ^[0-9]+$ ]] || ((SASL_PORT < 1 || SASL_PORT > 65535)) || [[ "$SASL_PORT" == "$PORT" || "$SASL_PORT" == "$CONTROLLER_PORT" ]]; then
  die "invalid KAFKA_SASL_PORT '$SASL_PORT' (a free port other than $PORT and $CONTROLLER_PORT)"
fi
for n in "$START_TIMEOUT" "$START_LIMIT" "$STOP_TIMEOUT"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "KAFKA_START_TIMEOUT / KAFKA_START_LIMIT / KAFKA_STOP_TIMEOUT must be whole seconds (got '$n')"
done

if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

# ---------------------------------------------------------------------------------------------------
# Probes
# ---------------------------------------------------------------------------------------------------
# True when something accepts TCP connections on HOST:$1.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# Metadata round-trip (Metadata v4, the oldest version Kafka 4.x accepts): true when a Kafka broker answers
# on HOST:$1 and lists at least one live (registered, unfenced) broker. Pure bash: no client needed.
#   request  = size(20) | api_key 3 | api_version 4 | correlation_id 0x636f6776 | client_id "cogov"
#              | topics null (-1 = all) | allow_auto_topic_creation false
#   response = size | correlation_id | throttle_time_ms | brokers count | ...
metadata_probe() {
  local hex
  # shellcheck disable=SC2016 # expanded by the inner bash
  hex="$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/$1/$2" || exit 1
      printf "\x00\x00\x00\x14\x00\x03\x00\x04\x63\x6f\x67\x76\x00\x05cogov\xff\xff\xff\xff\x00" >&3
      dd bs=1 count=16 <&3 2>/dev/null | od -An -v -tx1
    ' _ "$HOST" "$1" 2>/dev/null)" || return 1
  hex="${hex//[[:space:]]/}"
  [[ ${#hex} -eq 32 && "${hex:8:8}" == "636f6776" ]] || return 1
  ((16#${hex:24:8} >= 1))
}

# Pid of this instance's broker if it is alive (checked against the command-line marker), else empty.
instance_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 0
  read -r pid <"$PID_FILE" || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$MARKER"; then
    printf '%s' "$pid"
  fi
}

pid_alive() { kill -0 "$1" 2>/dev/null; }

print_log_tail() {
  local n="${1:-40}"
  if [[ -s "$LOG_FILE" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$LOG_FILE" >&2
    tail -n "$n" "$LOG_FILE" >&2
    printf -- '-----\n' >&2
  else
    printf 'kafka[%s]: (no log at %s)\n' "$INSTANCE" "$LOG_FILE" >&2
  fi
}

# ---------------------------------------------------------------------------------------------------
# Jars
# ---------------------------------------------------------------------------------------------------
pom_digest() {
  { sha256sum "$POM" | cut -d' ' -f1; printf '%s\n' "$KAFKA_VERSION"; } | sha256sum | cut -d' ' -f1
}

ensure_jars() {
  if [[ -n "${KAFKA_LIBS:-}" ]]; then
    compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null ||
      die "KAFKA_LIBS=$LIBS_DIR does not contain kafka_2.13-*.jar"
    return 0
  fi
  local stamp="$LIBS_DIR/.cogov-pom-sha256" digest
  digest="$(pom_digest)"
  if [[ -f "$stamp" && "$(<"$stamp")" == "$digest" ]]; then
    return 0
  fi

  command -v mvn >/dev/null 2>&1 ||
    die "Maven (mvn) is not installed; it is needed once to fetch the Kafka jars (apt-get install maven), or set KAFKA_LIBS to a folder of Kafka $KAFKA_VERSION jars"

  local parent lock_fd
  parent="$(dirname -- "$LIBS_DIR")"
  mkdir -p -- "$parent" || die "cannot create jar cache $parent"
  # One fetch at a time per version (parallel starts of several instances).
  exec {lock_fd}>"$parent/.fetch.lock"
  flock -w 600 "$lock_fd" || die "timed out waiting for another fetch into $parent"
  if [[ -f "$stamp" && "$(<"$stamp")" == "$digest" ]]; then
    exec {lock_fd}>&-
    return 0
  fi

  local t0 tmp mvn_log
  t0="$(now_us)"
  tmp="$(mktemp -d "$parent/libs.tmp.XXXXXX")"
  mvn_log="$parent/fetch.log"
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS_DIR …"
  local mvn_args=(-q -B -Dstyle.color=never -f "$POM" "-Dkafka.version=$KAFKA_VERSION"
    dependency:copy-dependencies "-DoutputDirectory=$tmp")
  if ! mvn "${mvn_args[@]}" >"$mvn_log" 2>&1; then
    rm -rf -- "$tmp"
    tail -n 40 "$mvn_log" >&2 || true
    die "fetching the Kafka jars failed (full output: $mvn_log). Is Maven Central reachable (proxy settings in ~/.m2/settings.xml)?"
  fi
  compgen -G "$tmp/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null || {
    rm -rf -- "$tmp"
    die "Maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing (see $mvn_log)"
  }
  printf '%s\n' "$digest" >"$tmp/.cogov-pom-sha256"
  rm -rf -- "$LIBS_DIR"
  mv -T -- "$tmp" "$LIBS_DIR"
  exec {lock_fd}>&-
  local count size
  count="$(find "$LIBS_DIR" -maxdepth 1 -name '*.jar' | wc -l)"
  size="$(du -sh -- "$LIBS_DIR" | cut -f1)"
  say "fetched $count jars ($size) in $(elapsed "$t0")"
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+; set JAVA_HOME or install openjdk-17-jre-headless)"
  local v
  v="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  if ! [[ "$v" =~ ^[0-9]+$ ]] || ((v < 17)); then
    die "Kafka $KAFKA_VERSION needs Java 17+, $JAVA is '${v:-unknown}'"
  fi
}

# ---------------------------------------------------------------------------------------------------
# Instance setup
# ---------------------------------------------------------------------------------------------------
write_properties() {
  local tmp="$PROPS_FILE.tmp"
  cat >"$tmp" <<EOF
# Generated by infra/kafka/kafka.sh on every start — edits are overwritten.
# Instance '$INSTANCE': single-node KRaft, combined broker + controller.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT,PARTNER://$HOST:$SASL_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT,PARTNER://$HOST:$SASL_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PARTNER:SASL_PLAINTEXT
log.dirs=$DATA_DIR

# Partners (ADR 0009): SASL/SCRAM-SHA-512 on the PARTNER listener, each a user with ACLs that let it read the
# public topics in its own consumer groups only (infra/kafka/add-partner.mjs). The services' PLAINTEXT listener
# and the controller are the local, trusted side: their principal (ANONYMOUS) is a super user. Development only:
# a deployment puts partners on SASL_SSL.
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.partner.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
allow.everyone.if.no.acl.found=false

# Single node: every internal topic has replication factor 1.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# Topics are created explicitly by the services (no typo topics).
auto.create.topics.enable=false
num.partitions=3
group.initial.rebalance.delay.ms=0

# Lean for a 2-core development / CI machine.
num.network.threads=2
num.io.threads=4
# Loading many partitions' logs at start (a data folder that has seen many test runs) uses both cores.
num.recovery.threads.per.data.dir=2
background.threads=4
log.retention.hours=168
log.segment.bytes=104857600
log.cleaner.threads=1
EOF
  mv -f -- "$tmp" "$PROPS_FILE"
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local t0 uuid out
  t0="$(now_us)"
  say "formatting storage in $DATA_DIR …"
  mkdir -p -- "$DATA_DIR"
  uuid="$("$JAVA" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$LIBS_DIR/*" kafka.tools.StorageTool random-uuid 2>"$INSTANCE_DIR/format.log")" ||
    { cat "$INSTANCE_DIR/format.log" >&2; die "kafka.tools.StorageTool random-uuid failed"; }
  uuid="$(printf '%s' "$uuid" | tail -n 1 | tr -d '[:space:]')"
  [[ "$uuid" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "unexpected cluster id from StorageTool: '$uuid'"
  if ! out="$("$JAVA" -Xshare:auto -XX:TieredStopAtLevel=1 "-Dlog4j2.configurationFile=$LOG4J_CONFIG" \
    -cp "$LIBS_DIR/*" kafka.tools.StorageTool format --standalone -t "$uuid" -c "$PROPS_FILE" 2>&1)"; then
    printf '%s\n' "$out" >>"$INSTANCE_DIR/format.log"
    printf '%s\n' "$out" >&2
    rm -rf -- "$DATA_DIR"
    die "formatting storage failed (see $INSTANCE_DIR/format.log)"
  fi
  printf '%s\n' "$out" >>"$INSTANCE_DIR/format.log"
  say "formatted storage (cluster id $uuid) in $(elapsed "$t0")"
}

# ---------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------
# Serialise start/stop/reset of one instance (several test workers may call start at once).
LOCK_FD=""
take_lock() {
  [[ -n "$LOCK_FD" ]] && return 0
  mkdir -p -- "$INSTANCE_DIR" || die "cannot create $INSTANCE_DIR"
  exec {LOCK_FD}>"$INSTANCE_DIR/.lock"
  flock -n "$LOCK_FD" && return 0
  say "waiting for another 'kafka.sh' run on this instance to finish …"
  flock -w "$1" "$LOCK_FD" || die "timed out after $1 s waiting for another 'kafka.sh' on instance '$INSTANCE' ($INSTANCE_DIR/.lock)"
}

# Size of the broker's log in bytes (0 when there is none).
log_size() {
  local size
  size="$(stat -c %s -- "$LOG_FILE" 2>/dev/null)" || size=0
  printf '%s' "$size"
}

# Wait until the broker answers a metadata request. $1 = pid to watch (may be empty), $2 = start time (µs).
# The wait ends in failure after START_TIMEOUT seconds without progress — progress being the broker's log
# growing, as it does while it loads thousands of partitions after many test runs — or after START_LIMIT
# seconds in all. Every 15 s it says how far the broker got.
wait_ready() {
  local pid="$1" t0="$2" stall_deadline limit_deadline next_report size last_size loaded
  stall_deadline=$(($(now_us) + START_TIMEOUT * 1000000))
  limit_deadline=$((t0 + START_LIMIT * 1000000))
  next_report=$(($(now_us) + 15000000))
  last_size="$(log_size)"
  while :; do
    if metadata_probe "$PORT"; then
      say "broker ready on $HOST:$PORT ($(elapsed "$t0"))"
      return 0
    fi
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      print_log_tail 40
      rm -f -- "$PID_FILE"
      die "the broker process (pid $pid) exited during start-up; see the log above ($LOG_FILE)"
    fi
    if [[ -n "$pid" ]]; then
      size="$(log_size)"
      if ((size != last_size)); then
        last_size="$size"
        stall_deadline=$(($(now_us) + START_TIMEOUT * 1000000))
      fi
      if (($(now_us) > next_report)); then
        next_report=$(($(now_us) + 15000000))
        loaded="$(grep -c 'Log loaded for partition' -- "$LOG_FILE" 2>/dev/null || true)"
        say "still starting after $(elapsed "$t0"): ${loaded:-0} partition logs loaded so far (log: $LOG_FILE)"
      fi
    fi
    if (($(now_us) > stall_deadline || $(now_us) > limit_deadline)); then
      print_log_tail 40
      if [[ -n "$pid" ]]; then
        if (($(now_us) > limit_deadline)); then
          die "broker not ready on $HOST:$PORT after ${START_LIMIT} s (KAFKA_START_LIMIT); pid $pid is still running — 'kafka.sh stop' to stop it"
        fi
        die "broker not ready on $HOST:$PORT: no progress for ${START_TIMEOUT} s (KAFKA_START_TIMEOUT); pid $pid is still running — 'kafka.sh stop' to stop it"
      fi
      die "no Kafka broker answers on $HOST:$PORT after ${START_TIMEOUT} s (KAFKA_START_TIMEOUT); start one with 'kafka.sh start'"
    fi
    sleep 0.2
  done
}

cmd_start() {
  local t0 pid
  t0="$(now_us)"
  take_lock "$((START_LIMIT + STOP_TIMEOUT + 30))"

  pid="$(instance_pid)"
  if metadata_probe "$PORT"; then
    if [[ -n "$pid" ]]; then
      say "already running (pid $pid) on $HOST:$PORT — reusing it"
    else
      say "a Kafka broker already answers on $HOST:$PORT (not started as instance '$INSTANCE') — reusing it"
    fi
    port_open "$SASL_PORT" ||
      warn "the running broker has no partner listener on $HOST:$SASL_PORT (started by an older kafka.sh?): 'kafka.sh restart' adds it"
    return 0
  fi
  if [[ -n "$pid" ]]; then
    say "broker (pid $pid) is starting — waiting for it"
    wait_ready "$pid" "$t0"
    return 0
  fi

  # Ports must match the ones the storage was formatted with (the controller endpoint is in the KRaft log).
  if [[ -n "$RECORDED_PORT" && ("$PORT" != "$RECORDED_PORT" || "$CONTROLLER_PORT" != "$RECORDED_CONTROLLER_PORT") ]]; then
    die "instance '$INSTANCE' was created for ports $RECORDED_PORT/$RECORDED_CONTROLLER_PORT, not $PORT/$CONTROLLER_PORT; use another KAFKA_INSTANCE or 'kafka.sh reset' it first"
  fi
  local p
  for p in "$PORT" "$CONTROLLER_PORT" "$SASL_PORT"; do
    if port_open "$p"; then
      die "port $HOST:$p is in use by another process (not a ready Kafka broker); free it or choose KAFKA_PORT / KAFKA_CONTROLLER_PORT / KAFKA_SASL_PORT / KAFKA_INSTANCE"
    fi
  done
  [[ -r "$LOG4J_CONFIG" ]] || die "log4j2 configuration $LOG4J_CONFIG not found"

  check_java
  ensure_jars
  write_properties
  format_storage
  [[ -f "$PORTS_FILE" ]] || printf '%s %s\n' "$PORT" "$CONTROLLER_PORT" >"$PORTS_FILE"

  # Keep the previous log for post-mortems.
  [[ -f "$LOG_FILE" ]] && mv -f -- "$LOG_FILE" "$LOG_FILE.1"
  local jvm_opts=(
    "-Xmx$HEAP"
    -Xms64m
    -XX:+UseSerialGC
    -XX:TieredStopAtLevel=1
    -XX:+ExitOnOutOfMemoryError
    -Xshare:auto
    -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$LOG4J_CONFIG"
    "$MARKER"
  )
  if [[ -n "${KAFKA_JVM_OPTS:-}" ]]; then
    local extra
    read -r -a extra <<<"$KAFKA_JVM_OPTS"
    jvm_opts+=("${extra[@]}")
  fi
  say "starting broker on $HOST:$PORT (controller $CONTROLLER_PORT, heap $HEAP, data $DATA_DIR)"
  # setsid: own session, so the broker outlives the shell / CI step that started it.
  # The lock fd must not leak into the broker, or the lock would be held for the broker's lifetime.
  (exec {LOCK_FD}>&- && cd -- "$INSTANCE_DIR" && exec setsid nohup "$JAVA" "${jvm_opts[@]}" -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS_FILE" \
    </dev/null >"$LOG_FILE" 2>&1) &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  # setsid forks when the caller is a process-group leader; find the real java pid by its marker then.
  local i real=""
  for ((i = 0; i < 25; i++)); do
    real="$(instance_pid)"
    [[ -n "$real" ]] && break
    real="$(pgrep -f -- "$MARKER" | head -n 1 || true)"
    if [[ -n "$real" ]]; then
      printf '%s\n' "$real" >"$PID_FILE"
      break
    fi
    pid_alive "$pid" || break
    sleep 0.1
  done
  [[ -n "$real" ]] || {
    print_log_tail 40
    rm -f -- "$PID_FILE"
    die "the broker JVM did not start (see $LOG_FILE)"
  }
  wait_ready "$real" "$t0"
}

cmd_stop() {
  local pid t0
  t0="$(now_us)"
  [[ -d "$INSTANCE_DIR" ]] && take_lock "$((START_LIMIT + STOP_TIMEOUT + 30))"
  pid="$(instance_pid)"
  if [[ -z "$pid" ]]; then
    rm -f -- "$PID_FILE"
    if metadata_probe "$PORT"; then
      say "not running as instance '$INSTANCE', but a Kafka broker answers on $HOST:$PORT (started elsewhere) — left alone"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping broker (pid $pid) …"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(($(now_us) + STOP_TIMEOUT * 1000000))
  while pid_alive "$pid"; do
    if (($(now_us) > deadline)); then
      warn "still running after ${STOP_TIMEOUT} s (KAFKA_STOP_TIMEOUT); sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      local i
      for ((i = 0; i < 50; i++)); do pid_alive "$pid" || break; sleep 0.1; done
      pid_alive "$pid" && die "pid $pid survived SIGKILL"
      break
    fi
    sleep 0.1
  done
  rm -f -- "$PID_FILE"
  say "stopped ($(elapsed "$t0"))"
}

cmd_status() {
  local pid
  pid="$(instance_pid)"
  if metadata_probe "$PORT"; then
    if [[ -n "$pid" ]]; then
      say "running (pid $pid) on $HOST:$PORT, data $DATA_DIR"
    else
      say "a Kafka broker answers on $HOST:$PORT (not started as instance '$INSTANCE')"
    fi
    return 0
  fi
  if [[ -n "$pid" ]]; then
    say "process $pid is alive but the broker does not answer on $HOST:$PORT (starting, or unhealthy: see 'kafka.sh logs')"
    return 1
  fi
  say "not running (port $HOST:$PORT)"
  return 3
}

cmd_wait() {
  local t0 pid
  t0="$(now_us)"
  pid="$(instance_pid)"
  wait_ready "$pid" "$t0"
}

cmd_logs() {
  local follow=0 lines=100 a
  for a in "$@"; do
    case "$a" in
      -f | --follow) follow=1 ;;
      [0-9]*) lines="$a" ;;
      *) die "usage: kafka.sh logs [-f] [LINES]" ;;
    esac
  done
  [[ -f "$LOG_FILE" ]] || die "no log yet at $LOG_FILE"
  if ((follow)); then exec tail -n "$lines" -F -- "$LOG_FILE"; fi
  tail -n "$lines" -- "$LOG_FILE"
}

cmd_reset() {
  cmd_stop
  case "$INSTANCE_DIR" in
    "$DATA_ROOT"/kafka/?*) ;;
    *) die "refusing to delete unexpected path $INSTANCE_DIR" ;;
  esac
  rm -rf -- "$INSTANCE_DIR"
  say "deleted $INSTANCE_DIR (topics, offsets and cluster id are gone; the next start formats anew)"
}

cmd_env() {
  cat <<EOF
KAFKA_INSTANCE=$INSTANCE
KAFKA_VERSION=$KAFKA_VERSION
KAFKA_BROKERS=$HOST:$PORT
KAFKA_PORT=$PORT
KAFKA_CONTROLLER_PORT=$CONTROLLER_PORT
KAFKA_SASL_PORT=$SASL_PORT
KAFKA_PARTNER_BROKERS=$HOST:$SASL_PORT
KAFKA_LIBS=$LIBS_DIR
KAFKA_INSTANCE_DIR=$INSTANCE_DIR
KAFKA_LOG_FILE=$LOG_FILE
EOF
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop && cmd_start ;;
    status) cmd_status ;;
    wait) cmd_wait ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
