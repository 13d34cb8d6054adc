#!/usr/bin/env bash
# Starts the Dealer Radar local stack: an embedded Kafka broker, an embedded MongoDB-wire store that
# persists under the data directory, and the five services from the same jars production runs.
# Ctrl-C stops everything it started.
set -uo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
LOCAL_JAR="$REPO_DIR/deploy/local/target/radar-local.jar"
# A busy machine may need longer: RADAR_READY_TIMEOUT_SECONDS overrides the wait for each process.
READY_TIMEOUT_SECONDS=${RADAR_READY_TIMEOUT_SECONDS:-180}

# Started in this order, stopped in reverse; the gateway goes last so it only routes to running services.
SERVICES=(lead-service followup-service defeat-service analytics-service gateway)
declare -A PORT=(
  [gateway]=8080 [lead-service]=8081 [followup-service]=8082 [defeat-service]=8083 [analytics-service]=8084
  [kafka]=9092 [kafka-controller]=9093 [store]=27017
)
DATA_DIR="$REPO_DIR/.radar-data"
DEMO=false
DEMO_PID=""
WATCHER_PID=""

usage() {
  cat <<EOF
Usage: deploy/local/run.sh [options]

Starts Kafka, the store and the five Dealer Radar services on 127.0.0.1; Ctrl-C stops them.

  --port N             gateway port (default ${PORT[gateway]})
  --data-dir DIR       where data, logs and local secrets live (default <repo>/.radar-data)
  --kafka-port N       Kafka broker port (default ${PORT[kafka]}; the controller uses the next port)
  --store-port N       MongoDB-wire store port (default ${PORT[store]})
  --lead-port N        lead-service port (default ${PORT[lead-service]})
  --followup-port N    followup-service port (default ${PORT[followup-service]})
  --defeat-port N      defeat-service port (default ${PORT[defeat-service]})
  --analytics-port N   analytics-service port (default ${PORT[analytics-service]})
  --demo               load the generated demo group (12 regions × 5 dealers, twelve months) through
                       the API and print ready-made keys for HQ, a regional manager and a dealer
  --help               show this help

RADAR_ADMIN_KEY, RADAR_INTERNAL_TOKEN_SECRET and RADAR_PHONE_HASH_KEY are taken from the environment
when set; otherwise they are generated once and kept in the data directory.
EOF
}

fail() {
  echo "run.sh: $*" >&2
  exit 2
}

parse_args() {
  local kafka_port_given=false
  while (($#)); do
    case "$1" in
      --help | -h) usage; exit 0 ;;
      --demo) DEMO=true; shift; continue ;;
      --port | --data-dir | --kafka-port | --store-port | --lead-port | --followup-port | --defeat-port | --analytics-port)
        (($# >= 2)) || fail "$1 needs a value"
        if [[ $1 != --data-dir && ! $2 =~ ^[0-9]+$ ]]; then fail "$1 needs a port number, got '$2'"; fi ;;
      *) usage >&2; fail "unknown option: $1" ;;
    esac
    case "$1" in
      --port) PORT[gateway]=$2 ;;
      --data-dir) DATA_DIR=$2 ;;
      --kafka-port) PORT[kafka]=$2; kafka_port_given=true ;;
      --store-port) PORT[store]=$2 ;;
      --lead-port) PORT[lead-service]=$2 ;;
      --followup-port) PORT[followup-service]=$2 ;;
      --defeat-port) PORT[defeat-service]=$2 ;;
      --analytics-port) PORT[analytics-service]=$2 ;;
    esac
    shift 2
  done
  if $kafka_port_given; then PORT[kafka-controller]=$((PORT[kafka] + 1)); fi
  mkdir -p "$DATA_DIR" || fail "cannot create data directory $DATA_DIR"
  DATA_DIR="$(cd "$DATA_DIR" && pwd)"
}

service_jar() {
  echo "$REPO_DIR/$1/target/$1-$VERSION.jar"
}

# The service's jar extracted under the data directory (Spring Boot's layout for production: the application jar
# with its libraries beside it in lib/), again whenever the jar is newer; loading classes from the nested jars
# took about two fifths of a service's start.
extracted_service_jar() {
  local jar dir app
  jar="$(service_jar "$1")"
  dir="$DATA_DIR/apps/$1"
  app="$dir/$(basename "$jar")"
  if [[ ! -f $app || $jar -nt $app ]]; then
    rm -rf "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null || fail "cannot extract $jar"
  fi
  echo "$app"
}

# A jar is stale when any source file or pom.xml of the build is newer than it.
jar_is_stale() {
  local jar=$1
  [[ -f $jar ]] || return 0
  [[ -n "$(find "$REPO_DIR" \( -name target -o -name .git -o -name node_modules -o -path "$DATA_DIR" \) -prune \
    -o -type f \( -name pom.xml -o -path '*/src/*' \) -newer "$jar" -print -quit)" ]]
}

all_jars() {
  local name
  echo "$LOCAL_JAR"
  for name in "${SERVICES[@]}"; do service_jar "$name"; done
}

build_if_needed() {
  local jar jars
  mapfile -t jars < <(all_jars)
  for jar in "${jars[@]}"; do
    if jar_is_stale "$jar"; then
      echo "Building (${jar#"$REPO_DIR"/} is missing or older than the sources)..."
      (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package) || fail "build failed"
      # Maven leaves a jar untouched when only tests or unrelated files changed; mark them all current
      # so that the next run does not build again.
      touch "${jars[@]}"
      return
    fi
  done
}

random_hex() {
  od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# Prints the secret kept in $1, creating it with $2 the first time.
kept_secret() {
  local file=$1 generate=$2
  if [[ ! -s $file ]]; then
    (umask 077 && $generate >"$file")
  fi
  cat "$file"
}

new_admin_key() { echo "radar_admin_$(random_hex 16)"; }
new_internal_token_secret() { random_hex 32; }
new_phone_hash_key() { random_hex 32; }

prepare_secrets() {
  ADMIN_KEY_SOURCE="environment variable RADAR_ADMIN_KEY"
  if [[ -z ${RADAR_ADMIN_KEY:-} ]]; then
    RADAR_ADMIN_KEY=$(kept_secret "$DATA_DIR/admin-key" new_admin_key)
    ADMIN_KEY_SOURCE="$DATA_DIR/admin-key"
  fi
  if [[ -z ${RADAR_INTERNAL_TOKEN_SECRET:-} ]]; then
    RADAR_INTERNAL_TOKEN_SECRET=$(kept_secret "$DATA_DIR/internal-token-secret" new_internal_token_secret)
  fi
  ((${#RADAR_INTERNAL_TOKEN_SECRET} >= 48)) || fail "RADAR_INTERNAL_TOKEN_SECRET must be at least 48 characters"
  # Kept apart from the token secret, so that rotating that secret leaves the phone hashes as they are.
  if [[ -z ${RADAR_PHONE_HASH_KEY:-} ]]; then
    RADAR_PHONE_HASH_KEY=$(kept_secret "$DATA_DIR/phone-hash-key" new_phone_hash_key)
  fi
  ((${#RADAR_PHONE_HASH_KEY} >= 16)) || fail "RADAR_PHONE_HASH_KEY must be at least 16 characters"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_ports_free() {
  local name
  for name in "${!PORT[@]}"; do
    if port_in_use "${PORT[$name]}"; then fail "port ${PORT[$name]} ($name) is already in use"; fi
  done
}

STARTED_NAMES=()
STARTED_PIDS=()

prefix_lines() {
  local line
  while IFS= read -r line; do printf '[%s] %s\n' "$1" "$line"; done
}

# Starts "$@" in the background as process $1, its output in $DATA_DIR/logs/$1.log and on the console.
start_process() {
  local name=$1 log="$DATA_DIR/logs/$1.log"
  shift
  : >"$log"
  # Ctrl-C reaches the whole process group; only this script acts on it, so that it can stop the
  # services before the infrastructure and keep their last output.
  (trap '' INT; exec "$@") > >(trap '' INT; tee -a "$log" | prefix_lines "$name") 2>&1 &
  STARTED_NAMES+=("$name")
  STARTED_PIDS+=($!)
  echo "$name $!" >>"$STARTED_FILE"
}

# A script killed with SIGKILL runs no trap, and what it started would run on without it: a watcher
# that outlives it notices within a second and stops the processes listed in $STARTED_FILE.
start_watcher() {
  local script=$$ name pid
  STARTED_FILE="$DATA_DIR/started.pids"
  : >"$STARTED_FILE"
  (
    trap '' INT
    while kill -0 "$script" 2>/dev/null; do sleep 1; done
    STARTED_NAMES=()
    STARTED_PIDS=()
    while read -r name pid; do
      STARTED_NAMES+=("$name")
      STARTED_PIDS+=("$pid")
    done <"$STARTED_FILE"
    echo "run.sh is gone; its watcher stops what it started." >&2
    stop_all
  ) &
  WATCHER_PID=$!
  # Its end (killed by stop_all) is no news worth a "Killed" line from bash.
  disown "$WATCHER_PID"
}

is_alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $state != Z* ]]
}

# Sends SIGTERM to every process of the group at once ("name pid" pairs), waits until all are gone
# (30 s at most, then SIGKILL for the ones left): the stack stops in the time of its slowest member.
stop_group() {
  local names=() pids=() waited=0 i any_alive
  while (($# >= 2)); do
    names+=("$1")
    pids+=("$2")
    shift 2
  done
  for i in "${!pids[@]}"; do kill -TERM "${pids[i]}" 2>/dev/null; done
  while ((waited < 300)); do
    any_alive=false
    for i in "${!pids[@]}"; do is_alive "${pids[i]}" && any_alive=true; done
    $any_alive || break
    sleep 0.1
    waited=$((waited + 1))
  done
  for i in "${!pids[@]}"; do
    if is_alive "${pids[i]}"; then
      echo "${names[i]} did not stop within 30 s; killing it"
      kill -KILL "${pids[i]}" 2>/dev/null
    fi
    wait "${pids[i]}" 2>/dev/null
  done
}

# The services first, all at once, then the broker and the store (also at once): a service stopping
# may still flush to them. Signals are ignored meanwhile, so a second Ctrl-C cannot leave processes behind.
stop_all() {
  local i services=() infrastructure=()
  trap '' INT TERM
  if [[ -n $WATCHER_PID ]]; then
    kill -KILL "$WATCHER_PID" 2>/dev/null
  fi
  echo "Stopping the local stack..."
  if [[ -n $DEMO_PID ]]; then
    stop_group demo "$DEMO_PID"
  fi
  for i in "${!STARTED_PIDS[@]}"; do
    case ${STARTED_NAMES[i]} in
      kafka | store) infrastructure+=("${STARTED_NAMES[i]}" "${STARTED_PIDS[i]}") ;;
      *) services+=("${STARTED_NAMES[i]}" "${STARTED_PIDS[i]}") ;;
    esac
  done
  stop_group "${services[@]}"
  stop_group "${infrastructure[@]}"
  echo "Stopped."
}

report_death_and_exit() {
  echo "run.sh: $1 exited unexpectedly; last lines of $DATA_DIR/logs/$1.log:" >&2
  tail -n 40 "$DATA_DIR/logs/$1.log" >&2
  stop_all
  exit 1
}

check_all_alive() {
  local i
  for i in "${!STARTED_PIDS[@]}"; do
    is_alive "${STARTED_PIDS[i]}" || report_death_and_exit "${STARTED_NAMES[i]}"
  done
}

# Waits until $2 succeeds for process $1, watching that nothing started so far has died.
wait_until() {
  local name=$1 check=$2 deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until $check; do
    check_all_alive
    if ((SECONDS >= deadline)); then
      echo "run.sh: $name was not ready within $READY_TIMEOUT_SECONDS s; last lines of $DATA_DIR/logs/$name.log:" >&2
      tail -n 40 "$DATA_DIR/logs/$name.log" >&2
      stop_all
      exit 1
    fi
    sleep 1
  done
}

start_infrastructure() {
  start_process kafka java -Xmx512m -XX:+UseSerialGC -jar "$LOCAL_JAR" kafka \
    --port "${PORT[kafka]}" --controller-port "${PORT[kafka-controller]}" --data-dir "$DATA_DIR/kafka"
  start_process store java -Xmx1536m -XX:+UseSerialGC -jar "$LOCAL_JAR" store \
    --port "${PORT[store]}" --file "$DATA_DIR/store/store.mv.db"
  wait_until kafka "port_in_use ${PORT[kafka]}"
  wait_until store "port_in_use ${PORT[store]}"
}

service_env() {
  local name=$1
  echo "SERVER_PORT=${PORT[$name]}"
  echo "MONGODB_URI=mongodb://127.0.0.1:${PORT[store]}"
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${PORT[kafka]}"
  echo "RADAR_ADMIN_KEY=$RADAR_ADMIN_KEY"
  echo "RADAR_INTERNAL_TOKEN_SECRET=$RADAR_INTERNAL_TOKEN_SECRET"
  if [[ $name == lead-service ]]; then
    echo "RADAR_PHONE_HASH_KEY=$RADAR_PHONE_HASH_KEY"
  fi
  echo "RADAR_LOCAL_STACK=true"
  if [[ $name == gateway ]]; then
    echo "LEAD_SERVICE_URI=http://127.0.0.1:${PORT[lead-service]}"
    echo "FOLLOWUP_SERVICE_URI=http://127.0.0.1:${PORT[followup-service]}"
    echo "DEFEAT_SERVICE_URI=http://127.0.0.1:${PORT[defeat-service]}"
    echo "ANALYTICS_SERVICE_URI=http://127.0.0.1:${PORT[analytics-service]}"
  fi
}

service_ready() {
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORT[$1]}/actuator/health/readiness" 2>/dev/null
}

start_services() {
  local name app env=()
  for name in "${SERVICES[@]}"; do
    mapfile -t env < <(service_env "$name")
    app="$(extracted_service_jar "$name")" || exit 1
    start_process "$name" env "${env[@]}" java -Xmx256m -XX:+UseSerialGC -jar "$app"
  done
  for name in "${SERVICES[@]}"; do
    wait_until "$name" "service_ready $name"
  done
}

# Loads the demo group through the gateway; it prints its own keys. The demo's data stays in the data
# directory like any other, and loading it again adds nothing twice.
load_demo() {
  echo "Loading the demo group through the API..."
  java -Xmx256m -XX:+UseSerialGC -jar "$LOCAL_JAR" demo \
    --gateway "http://127.0.0.1:${PORT[gateway]}" --admin-key "$RADAR_ADMIN_KEY" &
  DEMO_PID=$!
  echo "demo $DEMO_PID" >>"$STARTED_FILE"
  # In the background, so that Ctrl-C and SIGTERM are acted on at once (bash runs a trap only after
  # the foreground command ends); stop_all ends the loader too.
  if ! wait "$DEMO_PID"; then
    echo "run.sh: the demo data set did not load completely (see above); the stack keeps running." >&2
  fi
  DEMO_PID=""
  sed -i '/^demo /d' "$STARTED_FILE"
}

print_summary() {
  cat <<EOF

Dealer Radar is running.
  Dashboard:  http://127.0.0.1:${PORT[gateway]}/  (sign in with an API key; API reference at /swagger.html)
  Gateway:    http://127.0.0.1:${PORT[gateway]}
  Data:       $DATA_DIR (logs in $DATA_DIR/logs)
  Admin key:  $RADAR_ADMIN_KEY (from $ADMIN_KEY_SOURCE)
Press Ctrl-C to stop.
EOF
}

# Keeps watching the stack; the short sleeps let Ctrl-C be handled at once.
watch_stack() {
  while true; do
    check_all_alive
    sleep 1 &
    wait $!
  done
}

main() {
  parse_args "$@"
  command -v java >/dev/null || fail "java (17 or later) is needed on the PATH"
  check_ports_free
  build_if_needed
  prepare_secrets
  mkdir -p "$DATA_DIR/logs" "$DATA_DIR/store"
  trap 'stop_all; exit 0' INT TERM
  start_watcher
  start_infrastructure
  start_services
  if $DEMO; then load_demo; fi
  print_summary
  watch_stack
}

main "$@"
