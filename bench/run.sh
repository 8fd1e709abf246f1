#!/usr/bin/env bash
# The load benchmark: Flightdeck (the built jar) against a minimal Bolt for JavaScript app, in one interleaved run on
# one fake Slack Web API on loopback. Prints start-up and RSS (median of RUNS), ack latency and throughput per phase,
# bytes allocated per acked request, RSS after load, and the ratios Flightdeck/baseline.
#   bench/run.sh                      # builds the jar and the peer's node_modules if missing
# Settings (environment): RUNS=5 start-up runs, SECONDS_PER_PHASE=10, RATE10 (default: 30% of the slower saturation), JAVA=java (the runtime for the jar),
# FD_JVM_OPTS (default: the recommended settings in docs/PERFORMANCE.md), JAR=target/flightdeck.jar, REBUILD=1 to rebuild the jar first. WARMUP=1 second of each fixed-rate phase sent, not counted.
# Memory comparisons: FD_EXTRA_OPTS (flags added after the recommended ones and the archive, e.g. -Xmx96m),
# PHASES=load (no start-up medians: one Flightdeck start only, for the help the baseline acks), NMT=1 (the load
# process runs with -XX:NativeMemoryTracking=summary; its summary and smaps_rollup are printed after load).
# The slow-Slack part (after the table; SLOW_SLACK=0 skips it, SLOW_ONLY=1 runs only it): a Flightdeck started afresh against
# the fake Slack in slow mode, SLOW_DELAY_MS=150 per call and SLOW_429_SHARE=0.01 of calls answered 429 (Retry-After: 1),
# SLOW_RATE=20 requests/s of each flow for SECONDS_PER_PHASE (see bench/SlowSlack.java for what is timed and counted).
# PHASES=startup: only the start-up part (Flightdeck RUNS times, then the baseline RUNS times), then stop. A/B of settings: bench/startup-ab.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
SECS=${SECONDS_PER_PHASE:-10}
JAVA=${JAVA:-java}
FD_PORT=${FD_PORT:-18080}; PEER_PORT=${PEER_PORT:-18081}; SLACK_PORT=${SLACK_PORT:-18090}
JAR=${JAR:-$ROOT/target/flightdeck.jar}
CDS=${JAR%.jar}.jsa
WORK=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"; }
trap cleanup EXIT

# ---- build what is missing ----
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "building the jar ..." >&2
  ./mvnw -B -q clean package -DskipTests
  rm -f "$CDS"
fi
if [ ! -d bench/peer/node_modules ]; then
  echo "installing the peer's packages (npm ci) ..." >&2
  (cd bench/peer && npm ci --silent --no-audit --no-fund)
fi
for port in $FD_PORT $PEER_PORT $SLACK_PORT; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use; set FD_PORT/PEER_PORT/SLACK_PORT" >&2; exit 1; fi
done
command -v node >/dev/null || { echo "node (v18+) is needed for the baseline" >&2; exit 1; }
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/Load.java bench/Startup.java bench/Driver.java bench/FakeSlack.java bench/SlowSlack.java
LOAD_JVM=("$JAVA" -XX:+UseSerialGC -Xmx512m -Dwarmup=${WARMUP:-1} -DfakeSlackPort=$SLACK_PORT -cp "$WORK/classes")
LOAD=("${LOAD_JVM[@]}" Load)

# Made-up credentials for loopback only: the fake Slack accepts anything.
SECRET="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN="xoxb-0000-bench" SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/"
export MICRONAUT_CONFIG_FILES=$ROOT/bench/flightdeck-bench.yml JENKINS_TOKEN=unused
unset SLACK_APP_TOKEN AWS_ENDPOINT_URL || true
export AWS_REGION=us-east-1

"$JAVA" -XX:+UseSerialGC -Xmx128m -cp "$WORK/classes" FakeSlack $SLACK_PORT >"$WORK/fake-slack.log" 2>&1 &
PIDS+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$SLACK_PORT/calls"; do sleep 0.05; done

# The recommended JVM settings (docs/PERFORMANCE.md), plus a class-data archive made by a training run on first use (JDK 17-24:
# AppCDS, -XX:SharedArchiveFile; JDK 25+: the AOT cache of JEP 483/514, -XX:AOTCache).
JAVA_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ -z "${FD_JVM_OPTS:-}" ]; then
  FD_JVM_OPTS="-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=12m -XX:TrimNativeHeapInterval=5000 -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=10000 -XX:AsyncDeflationInterval=10000 -Djdk.internal.httpclient.selectorTimeout=60000"
  if [ "${CDS_ARCHIVE:-1}" = 1 ]; then
    [ "$JAVA_VERSION" -ge 25 ] && CDS=${JAR%.jar}-jdk$JAVA_VERSION.aot
    if [ ! -f "$CDS" ] || [ "$JAR" -nt "$CDS" ]; then
      rm -f "$CDS"
      echo "training run for the class-data archive ($CDS) ..." >&2
      if [ "$JAVA_VERSION" -ge 25 ]; then
        TRAIN="-XX:AOTMode=record -XX:AOTConfiguration=$WORK/flightdeck.aotconf"
      else
        TRAIN="-XX:ArchiveClassesAtExit=$CDS"
      fi
      "${LOAD_JVM[@]}" -Dtrain=${TRAIN_ROUNDS:-20} Load startup "http://127.0.0.1:$FD_PORT/slack/events" "$SECRET" 1 "$WORK/help.json" -- \
        env MALLOC_ARENA_MAX=2 MICRONAUT_SERVER_PORT=$FD_PORT "$JAVA" $FD_JVM_OPTS $TRAIN -jar "$JAR" >/dev/null 2>&1
      if [ "$JAVA_VERSION" -ge 25 ]; then
        "$JAVA" $FD_JVM_OPTS -XX:AOTMode=create -XX:AOTConfiguration="$WORK/flightdeck.aotconf" -XX:AOTCache="$CDS" \
          -jar "$JAR" >"$WORK/aot.log" 2>&1
      fi
      [ -f "$CDS" ] || { echo "the training run made no archive ($CDS)" >&2; exit 1; }
    fi
    if [ "$JAVA_VERSION" -ge 25 ]; then FD_JVM_OPTS="$FD_JVM_OPTS -XX:AOTCache=$CDS"; else FD_JVM_OPTS="$FD_JVM_OPTS -XX:SharedArchiveFile=$CDS"; fi
  fi
fi
FD_JVM_OPTS="$FD_JVM_OPTS ${FD_EXTRA_OPTS:-}"
FD_CMD=(env MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} MICRONAUT_SERVER_PORT=$FD_PORT "$JAVA" $FD_JVM_OPTS -jar "$JAR")
FD_LOAD_CMD=("${FD_CMD[@]}")
[ "${NMT:-0}" = 1 ] && FD_LOAD_CMD=(env MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} MICRONAUT_SERVER_PORT=$FD_PORT "$JAVA" $FD_JVM_OPTS -XX:NativeMemoryTracking=summary -jar "$JAR")
PHASES=${PHASES:-startup,load}
PEER_CMD=(env PORT=$PEER_PORT HELP_FILE="$WORK/help.json" node "$ROOT/bench/peer/app.js")
FD_URL="http://127.0.0.1:$FD_PORT/slack/events"; PEER_URL="http://127.0.0.1:$PEER_PORT/slack/events"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -r); load now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "flightdeck: $("$JAVA" -version 2>&1 | head -1), MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} $FD_JVM_OPTS"
echo "baseline:   @slack/bolt $(node -p "require('$ROOT/bench/peer/node_modules/@slack/bolt/package.json').version"), node $(node -v)"

val() { sed -n "s/.*[ ^]$2=\([^ ]*\).*/\1/p" <<<" $1"; }
if [ "${SLOW_ONLY:-0}" != 1 ]; then
# ---- start-up, median of RUNS, interleaved ----
echo "start-up (median of $RUNS, fresh data directory each) ..." >&2
if [[ $PHASES == *startup* ]]; then
  FD_START=$("${LOAD[@]}" startup "$FD_URL" "$SECRET" "$RUNS" "$WORK/help.json" -- "${FD_CMD[@]}")
  PEER_START=$("${LOAD[@]}" startup "$PEER_URL" "$SECRET" "$RUNS" "$WORK/peer-help.json" -- "${PEER_CMD[@]}")
else   # one start for the help JSON the baseline acks; no start-up figures
  "${LOAD[@]}" startup "$FD_URL" "$SECRET" 1 "$WORK/help.json" -- "${FD_CMD[@]}" >/dev/null
  cp "$WORK/help.json" "$WORK/peer-help.json"; FD_START=""; PEER_START=""
fi
# Same JSON value (Gson escapes < > & = as \u003c..., JSON.stringify does not; the bytes differ by that only).
node -e 'const fs=require("fs"), [a,b]=process.argv.slice(1).map(f=>JSON.stringify(JSON.parse(fs.readFileSync(f,"utf8"))));
  if (a!==b) { console.error("WARNING: the baseline acks a different help"); }' "$WORK/help.json" "$WORK/peer-help.json"
if [ "${PHASES:-all}" = startup ]; then
  for key in startup_ms startup_cpu_ms startup_rss_mb startup_ready_ms; do
    printf "%-16s Flightdeck %6s   Bolt JS %6s\n" "$key" "$(sed -n "s/.*$key=\([^ ]*\).*/\1/p" <<<"$FD_START")" "$(sed -n "s/.*$key=\([^ ]*\).*/\1/p" <<<"$PEER_START")"
  done
  printf '  %s\n' "FD   $FD_START" "PEER $PEER_START"
  exit 0
fi

# ---- load: both services up, phases interleaved ----
mkdir -p "$WORK/fd" "$WORK/peer"
(cd "$WORK/fd" && exec "${FD_LOAD_CMD[@]}" >"$WORK/fd.log" 2>&1) &
FD_PID=$!; PIDS+=($FD_PID)
(cd "$WORK/peer" && exec "${PEER_CMD[@]}" >"$WORK/peer.log" 2>&1) &
PEER_PID=$!; PIDS+=($PEER_PID)
# Readiness, not liveness: the early edge answers liveness (and help) while the service still starts.
until curl -fs -o /dev/null "http://127.0.0.1:$FD_PORT/health/readiness"; do sleep 0.05; done
until curl -s -o /dev/null "$PEER_URL" 2>/dev/null; do sleep 0.05; done

run() { "${LOAD[@]}" load "$@"; }
allocated() { curl -fs "http://127.0.0.1:$FD_PORT/prometheus" | awk '/^jvm_gc_memory_allocated_bytes_total/ {printf "%.0f", $2}'; }
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$1/status; }

echo "warm-up ..." >&2
run "$FD_URL" "$SECRET" help 50 0 "$SECS" >/dev/null
run "$PEER_URL" "$SECRET" help 50 0 "$SECS" >/dev/null

echo "phases ..." >&2
A0=$(allocated)
FD_SAT=$(run "$FD_URL" "$SECRET" help 50 0 "$SECS")
A1=$(allocated)
PEER_SAT=$(run "$PEER_URL" "$SECRET" help 50 0 "$SECS")
# The 10-connection phase runs both at one fixed rate both can sustain: 30% of the slower one's saturation
# throughput just measured (so the comparison is of latency, not of queueing), unless RATE10 is given.
RATE10=${RATE10:-$(awk -v a="$(val "$FD_SAT" rps)" -v b="$(val "$PEER_SAT" rps)" 'BEGIN {m = a < b ? a : b; printf "%d", m * 0.3 < 50 ? 50 : m * 0.3}')}
FD_10=$(run "$FD_URL" "$SECRET" help 10 "$RATE10" "$SECS")
PEER_10=$(run "$PEER_URL" "$SECRET" help 10 "$RATE10" "$SECS")
FD_DEPLOY=$(run "$FD_URL" "$SECRET" deploy 20 20 "$SECS")
FD_INCIDENT=$(run "$FD_URL" "$SECRET" incident 20 20 "$SECS")
FD_CLICK=$(run "$FD_URL" "$SECRET" click 20 20 "$SECS")
sleep 2   # let the work after the acks finish before reading memory
FD_RSS=$(rss $FD_PID); PEER_RSS=$(rss $PEER_PID)
FD_THREADS=$(ls /proc/$FD_PID/task | wc -l)
FD_THREAD_NAMES=$(cat /proc/$FD_PID/task/*/comm | sed 's/[-_#]*[0-9][0-9]*$//' | sort | uniq -c | sort -rn | awk '{printf "%s %s, ", $2, $1}')
if [ "${NMT:-0}" = 1 ]; then
  JCMD=$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd
  FD_NMT=$("$JCMD" $FD_PID VM.native_memory summary scale=MB 2>&1 | grep -E '^(Total|-  *[A-Z][A-Za-z ]*\(reserved)' || true)
  FD_SMAPS=$(grep -E '^(Rss|Pss_Anon|Pss_File|Shared_Clean|Private_Clean|Private_Dirty)' /proc/$FD_PID/smaps_rollup | awk '{printf "%s %d MB, ", $1, $2/1024}')
fi
SLACK_CALLS=$(curl -fs "http://127.0.0.1:$SLACK_PORT/calls")
ALLOC_KIB=$(awk -v a="$A0" -v b="$A1" -v n="$(val "$FD_SAT" ok)" 'BEGIN {printf "%.1f", (b - a) / n / 1024}')

# ---- the table ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
row() { printf "%-44s %14s %14s %8s\n" "$1" "$2" "$3" "${4:-$(ratio "$2" "$3")}"; }
lat() { echo "$(val "$1" p50)/$(val "$1" p99)/$(val "$1" p999)/$(val "$1" max)"; }
echo
row "" "Flightdeck" "Bolt JS" "FD/JS"
row "start-up to first 200 (ms, median of $RUNS)" "$(val "$FD_START" startup_ms)" "$(val "$PEER_START" startup_ms)"
row "  CPU used by then (ms, median)" "$(val "$FD_START" startup_cpu_ms)" "$(val "$PEER_START" startup_cpu_ms)"
row "RSS after start-up (MB, median)" "$(val "$FD_START" startup_rss_mb)" "$(val "$PEER_START" startup_rss_mb)"
row "  whole service ready (ms, median)" "$(val "$FD_START" startup_ready_ms)" "$(val "$PEER_START" startup_ready_ms)"
row "/deploy help, 50 conns, saturation: req/s" "$(val "$FD_SAT" rps)" "$(val "$PEER_SAT" rps)"
row "  errors" "$(val "$FD_SAT" errors)" "$(val "$PEER_SAT" errors)" ""
row "  ack p99 (ms)" "$(val "$FD_SAT" p99)" "$(val "$PEER_SAT" p99)"
row "/deploy help, 10 conns, ${RATE10}/s: ack p50 (ms)" "$(val "$FD_10" p50)" "$(val "$PEER_10" p50)"
row "  ack p99 (ms)" "$(val "$FD_10" p99)" "$(val "$PEER_10" p99)"
row "  ack p99.9 / max (ms)" "$(val "$FD_10" p999) / $(val "$FD_10" max)" "$(val "$PEER_10" p999) / $(val "$PEER_10" max)" ""
row "  errors" "$(val "$FD_10" errors)" "$(val "$PEER_10" errors)" ""
row "allocated per acked help (KiB)" "$ALLOC_KIB" "-" ""
row "RSS after load (MB)" "$FD_RSS" "$PEER_RSS"
row "threads after load" "$FD_THREADS" "$(ls /proc/$PEER_PID/task | wc -l)"
echo
echo "Flightdeck only, open loop (latency from the intended send time), p50/p99/p99.9/max ms:"
printf "  %-34s %-28s ok=%s errors=%s\n" "/deploy request, 20/s, 20 conns" "$(lat "$FD_DEPLOY")" "$(val "$FD_DEPLOY" ok)" "$(val "$FD_DEPLOY" errors)"
printf "  %-34s %-28s ok=%s errors=%s\n" "/incident declare, 20/s, 20 conns" "$(lat "$FD_INCIDENT")" "$(val "$FD_INCIDENT" ok)" "$(val "$FD_INCIDENT" errors)"
printf "  %-34s %-28s ok=%s errors=%s\n" "Go button click, 20/s, 20 conns" "$(lat "$FD_CLICK")" "$(val "$FD_CLICK" ok)" "$(val "$FD_CLICK" errors)"
printf "  %-34s %-28s\n" "help at saturation, 50 conns" "$(lat "$FD_SAT")"
printf "  %-34s %-28s\n" "baseline help at saturation" "$(lat "$PEER_SAT")"
echo "fake Slack served $SLACK_CALLS Web API calls and response_url posts"
echo "Flightdeck threads after load (name without its number, count): ${FD_THREAD_NAMES%, }"
if [ "${NMT:-0}" = 1 ]; then
  echo "Flightdeck native memory after load (NMT summary, MB):"; printf '  %s\n' "$FD_NMT"
  echo "Flightdeck smaps_rollup after load: ${FD_SMAPS%, }"
fi
echo
echo "raw:"; printf '  %s\n' "FD   $FD_START" "PEER $PEER_START" "FD   $FD_SAT" "PEER $PEER_SAT" "FD   $FD_10" "PEER $PEER_10" \
  "FD   $FD_DEPLOY" "FD   $FD_INCIDENT" "FD   $FD_CLICK"
# grep -c exits 1 when it counts 0, which set -e -o pipefail turned into the script's exit status.
echo "  Flightdeck log: $(grep -c ' ERROR ' "$WORK/fd.log" || true) ERROR lines"
fi

# ---- a slow Slack: a fresh Flightdeck, the fake answering every call after SLOW_DELAY_MS and SLOW_429_SHARE with 429 ----
if [ "${SLOW_SLACK:-1}" = 1 ]; then
  [ -n "${FD_PID:-}" ] && { kill "$FD_PID" 2>/dev/null || true; wait "$FD_PID" 2>/dev/null || true; }
  [ -n "${PEER_PID:-}" ] && { kill "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; }
  SLOW_RATE=${SLOW_RATE:-20}; SLOW_DELAY_MS=${SLOW_DELAY_MS:-150}; SLOW_429_SHARE=${SLOW_429_SHARE:-0.01}
  curl -fs -X POST "http://127.0.0.1:$SLACK_PORT/mode?delay_ms=$SLOW_DELAY_MS&ratelimit_share=$SLOW_429_SHARE" >/dev/null
  mkdir -p "$WORK/fd-slow"
  # The bench team file plus a service per deploy request of the phase (bench0, bench1, ...; see bench/SlowSlack.java).
  awk -v n="$(awk -v r="$SLOW_RATE" -v s="$SECS" -v w="${WARMUP:-1}" 'BEGIN {printf "%d", r * (s + w) + 20}')" '{print}
    /^  services:$/ {for (i = 0; i < n; i++) printf "    bench%d:\n      build:\n        jenkins:\n          url: http://127.0.0.1:9/\n          job: \"bench-{env}\"\n          user: deploy-bot\n          token-env: JENKINS_TOKEN\n", i}' \
    "$ROOT/bench/flightdeck-bench.yml" >"$WORK/flightdeck-bench-slow.yml"
  (cd "$WORK/fd-slow" && MICRONAUT_CONFIG_FILES="$WORK/flightdeck-bench-slow.yml" exec "${FD_CMD[@]}" >"$WORK/fd-slow.log" 2>&1) &
  FD_PID=$!; PIDS+=($FD_PID)
  until curl -fs -o /dev/null "http://127.0.0.1:$FD_PORT/health/readiness"; do sleep 0.05; done
  echo "slow Slack phases ..." >&2
  SLOW_LOAD_AT=$(cut -d' ' -f1-3 /proc/loadavg)
  SLOW=$("${LOAD[@]}" slow "$FD_URL" "$SECRET" "http://127.0.0.1:$SLACK_PORT/" "$SECS" "$SLOW_RATE")
  flow() { grep "flow=$1 " <<<"$SLOW"; }
  echo
  echo "Slow Slack (every call answered after ${SLOW_DELAY_MS} ms, ${SLOW_429_SHARE} of them 429 with Retry-After: 1), a fresh"
  echo "Flightdeck, ${SLOW_RATE}/s of each flow on 20 conns, load at start ${SLOW_LOAD_AT}; ack p50/p99/max ms, done p50/p99/max ms:"
  printf "  %-34s ack %-20s go/no-go posted %-20s missing=%s errors=%s\n" "/deploy request" \
    "$(val "$(flow deploy-request)" ack_p50)/$(val "$(flow deploy-request)" ack_p99)/$(val "$(flow deploy-request)" ack_max)" \
    "$(val "$(flow deploy-request)" done_p50)/$(val "$(flow deploy-request)" done_p99)/$(val "$(flow deploy-request)" done_max)" \
    "$(val "$(flow deploy-request)" missing)" "$(val "$(flow deploy-request)" errors)"
  printf "  %-34s ack %-20s card pinned     %-20s missing=%s errors=%s\n" "/incident declare" \
    "$(val "$(flow declare)" ack_p50)/$(val "$(flow declare)" ack_p99)/$(val "$(flow declare)" ack_max)" \
    "$(val "$(flow declare)" done_p50)/$(val "$(flow declare)" done_p99)/$(val "$(flow declare)" done_max)" \
    "$(val "$(flow declare)" missing)" "$(val "$(flow declare)" errors)"
  printf "  %-34s ack %-20s errors=%s\n" "Go click (one per request)" \
    "$(val "$(flow go-click)" ack_p50)/$(val "$(flow go-click)" ack_p99)/$(val "$(flow go-click)" ack_max)" "$(val "$(flow go-click)" errors)"
  echo "slack calls: declare=$(val "$(flow declare)" calls) deploy-request=$(val "$(flow deploy-request)" calls) go-click=$(val "$(flow go-click)" calls)"
  echo "  (a call answered 429 and retried counts twice; without the 429 answers: declare=$(val "$(flow declare)" calls_no429)" \
    "deploy-request=$(val "$(flow deploy-request)" calls_no429) go-click=$(val "$(flow go-click)" calls_no429))"
  echo "  raw:"; printf '    %s\n' "$SLOW"
  echo "  Flightdeck log (slow Slack): $(grep -c ' ERROR ' "$WORK/fd-slow.log" || true) ERROR lines"
fi
