#!/usr/bin/env bash
# Idle cost (issue 20 item 5): the built jar on a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust
# auth), Slack unconfigured, nothing happening. After start-up and a settle period it idles MINUTES minutes (default
# 10) and prints the CPU the process used (utime+stime of /proc/<pid>/stat, all threads) and the transactions its
# database saw (xact_commit + xact_rollback of pg_stat_database, read from the `postgres` database so the reading
# itself is not counted), per minute. The database is dropped afterwards.
# The JVM runs with FD_JVM_OPTS, by default the recommended settings (docs/PERFORMANCE.md, as bench/run.sh and the
# Dockerfile), then the extra flags; FD_JVM_OPTS= bench/idle.sh measures the JVM's own defaults (rounds 4-9 did).
#   ./mvnw -B -q package -DskipTests && bench/idle.sh [MINUTES] [extra JVM flags...]
#   JAR=/path/to/other.jar SETTLE=30 bench/idle.sh 3
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$PWD/target/flightdeck.jar}
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
MINUTES=${1:-10}; shift || true
PORT=${PORT:-18090}
SETTLE=${SETTLE:-30}
FD_JVM_OPTS=${FD_JVM_OPTS-"-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=12m -XX:TrimNativeHeapInterval=5000 -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=10000 -XX:AsyncDeflationInterval=10000 -Djdk.internal.httpclient.selectorTimeout=60000"}
PG="psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qAtX"
DB=flightdeck_idle_$(date +%s)_$$

$PG -c "CREATE DATABASE $DB" >/dev/null
dir=$(mktemp -d)
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  $PG -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

xacts() {
  # Statistics reach pg_stat_database when a backend goes idle (at most about a second later); wait that out.
  sleep 2
  $PG -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'" | tail -1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

(cd "$dir" && exec env -u SLACK_BOT_TOKEN -u SLACK_SIGNING_SECRET -u SLACK_APP_TOKEN -u MICRONAUT_CONFIG_FILES \
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DATASOURCES_DEFAULT_USERNAME=postgres \
    DATASOURCES_DEFAULT_PASSWORD= MICRONAUT_SERVER_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 \
    java $FD_JVM_OPTS "$@" -jar "$JAR" >"$dir/out.log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do
  sleep 0.2
  kill -0 $pid 2>/dev/null || { echo "the service died:" >&2; tail -30 "$dir/out.log" >&2; exit 1; }
done
sleep "$SETTLE"
hz=$(getconf CLK_TCK)
x0=$(xacts); c0=$(cpu_ticks); t0=$(date +%s%N)
echo "idle: JVM flags: ${FD_JVM_OPTS:-(none)} $*"
echo "idle: $MINUTES min from $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
sleep $(( MINUTES * 60 ))
x1=$(xacts); c1=$(cpu_ticks); t1=$(date +%s%N)
echo "idle: until $(date -u +%H:%M:%S) UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v x=$((x1 - x0)) -v c=$((c1 - c0)) -v hz="$hz" -v ns=$((t1 - t0)) 'BEGIN {
  min = ns / 6e10; cpu = c / hz
  printf "idle: %.1f min, CPU %.2f s (%.2f %% of one core), %d DB transactions (%.1f a minute)\n", min, cpu, 100 * cpu / (min * 60), x, x / min
}'
echo "idle: ERROR lines in the log: $(grep -c ERROR "$dir/out.log" || true)"
