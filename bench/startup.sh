#!/usr/bin/env bash
# Start-up figures for the built jar: size, time from `java -jar` to the first 200 from /health, and RSS right
# after that, each the median of RUNS runs (default 5). Each run gets a fresh working directory, so it includes
# creating the H2 database and running every Flyway migration. No Slack settings: the service must start anyway.
#   ./mvnw -B -q clean package -DskipTests && bench/startup.sh [RUNS] [extra JVM flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/flightdeck.jar
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -q clean package -DskipTests" >&2; exit 1; }
RUNS=${1:-5}; shift || true
PORT=${PORT:-18080}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

times=(); rss=()
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && exec env -u SLACK_BOT_TOKEN -u SLACK_SIGNING_SECRET -u SLACK_APP_TOKEN -u MICRONAUT_CONFIG_FILES \
      MICRONAUT_SERVER_PORT=$PORT java "$@" -jar "$JAR" >"$dir/out.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health"; do
    sleep 0.02
    kill -0 $pid 2>/dev/null || { echo "the service died; see $dir/out.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  r=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
  times+=($(( (end - start) / 1000000 ))); rss+=($(( r / 1024 )))
  echo "run $i: first /health 200 after ${times[-1]} ms, RSS ${rss[-1]} MB"
done
echo "jar: $(( $(stat -c %s "$JAR") / 1024 / 1024 )) MB ($(stat -c %s "$JAR") bytes)"
echo "start-up to first /health 200, median of $RUNS: $(printf '%s\n' "${times[@]}" | median) ms"
echo "RSS after start-up, median of $RUNS: $(printf '%s\n' "${rss[@]}" | median) MB"
