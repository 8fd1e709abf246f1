#!/usr/bin/env bash
# Start-up A/B: time from process start to the first 200 on a signed `/deploy help` (bench/Load.java `startup`), each
# variant started once per round in turn (A, B, ..., A, B, ...) so machine load hits all alike; prints each variant's
# median wall time, CPU time by then and RSS then. Same fake Slack and settings as bench/run.sh; each start has a fresh
# empty directory (H2 created, every migration run). A variant is NAME=COMMAND; "bolt" is the Bolt JS baseline.
#   bench/startup-ab.sh "c1=java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar target/flightdeck.jar" \
#                       "c2=java -XX:+UseSerialGC -jar target/flightdeck.jar" bolt
# ROUNDS=5 (default). Ports: FD_PORT (18080), SLACK_PORT (18090). MALLOC_ARENA_MAX=2 unless set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROUNDS=${ROUNDS:-5}
FD_PORT=${FD_PORT:-18080}; SLACK_PORT=${SLACK_PORT:-18090}
WORK=$(mktemp -d /tmp/flightdeck-startup.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/Load.java bench/Startup.java bench/Driver.java bench/FakeSlack.java bench/SlowSlack.java
SECRET="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN="xoxb-0000-bench" SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/"
export MICRONAUT_CONFIG_FILES=$ROOT/bench/flightdeck-bench.yml JENKINS_TOKEN=unused AWS_REGION=us-east-1
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} MICRONAUT_SERVER_PORT=$FD_PORT PORT=$FD_PORT HELP_FILE="$WORK/help.json"
unset SLACK_APP_TOKEN AWS_ENDPOINT_URL || true
java -XX:+UseSerialGC -Xmx128m -cp "$WORK/classes" FakeSlack "$SLACK_PORT" >"$WORK/fake-slack.log" 2>&1 &
PIDS+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$SLACK_PORT/calls"; do sleep 0.05; done
URL="http://127.0.0.1:$FD_PORT/slack/events"
echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A OUT
for round in $(seq 1 "$ROUNDS"); do
  for v in "$@"; do
    name=${v%%=*}; cmd=${v#*=}
    [ "$v" = bolt ] && cmd="node $ROOT/bench/peer/app.js"
    [ "$name" = bolt ] && [ ! -f "$WORK/help.json" ] && { echo "put a Flightdeck variant before bolt" >&2; exit 1; }
    line=$(java -XX:+UseSerialGC -Xmx256m -DfakeSlackPort=$SLACK_PORT -cp "$WORK/classes" Load startup "$URL" "$SECRET" 1 \
      "$WORK/$name.json" -- $cmd 2>/dev/null)
    [ -f "$WORK/help.json" ] || cp "$WORK/$name.json" "$WORK/help.json"
    OUT[$name]="${OUT[$name]:-} $line"
    echo "round $round $name: $line"
  done
done
echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf "%-12s %10s %10s %8s\n" variant wall_ms cpu_ms rss_mb
for v in "$@"; do
  name=${v%%=*}
  get() { grep -o "$1=[0-9]*" <<<"${OUT[$name]}" | cut -d= -f2 | tr '\n' ' ' | median; }
  printf "%-12s %10s %10s %8s\n" "$name" "$(get startup_ms)" "$(get startup_cpu_ms)" "$(get startup_rss_mb)"
done
