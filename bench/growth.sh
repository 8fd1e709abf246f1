#!/usr/bin/env bash
# Growth (issue 20 item 3): fills an empty PostgreSQL database (127.0.0.1:5432, user postgres, trust auth) and,
# separately, an H2 file with 1x, 10x and 100x a busy team's history through the service's own repositories
# (bench/Growth.java on the built jar's classpath: team-year 0 through the repositories, the others copied from it in SQL
# by bench/GrowthClone.java, GROWTH_CLONE=0 for all through the repositories; 1x = a year of 100 deploys and 5 incidents a week, with checks,
# approvals, audit events and timelines; 100x = twenty such teams for five years), then times the pages over real
# HTTP on loopback, /deploy stats, /deploy history and /incident list through the beans their handlers call, and one
# scheduler pass. Prints `growth: <measure> 1x=<ms> 10x=<ms> 100x=<ms>` (p95; p50 lines below them) per database,
# and the PostgreSQL EXPLAIN (ANALYZE) plans of the queries behind the three slowest measures at the largest scale.
#   ./mvnw -B -q package -DskipTests && bench/growth.sh
#   GROWTH_SCALES="1 10" GROWTH_DATABASES=postgresql RUNS=20 bench/growth.sh      # a quicker run (RUNS defaults to 60)
#   GROWTH_JVM_OPTS="-XX:+UseSerialGC -Xmx128m ..." bench/growth.sh   # the filling and timing JVM's flags (default -XX:+UseSerialGC -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$PWD/target/flightdeck.jar}
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
SCALES=${GROWTH_SCALES:-"1 10 100"}
DATABASES=${GROWTH_DATABASES:-"postgresql h2"}
PG="psql -h 127.0.0.1 -p 5432 -U postgres -qAtX"
export FLIGHTDECK_TEAM_FILE=${FLIGHTDECK_TEAM_FILE:-$PWD/flightdeck.example.yml}
export GROWTH_PORT=${GROWTH_PORT:--1}   # the pages' HTTP port on 127.0.0.1 (-1: any free one)
out=$(mktemp -d)
keep=""
cleanup() {
  [ -n "$keep" ] && $PG -d postgres -c "DROP DATABASE IF EXISTS $keep WITH (FORCE)" >/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

mkdir -p target/bench
javac -cp "$JAR" -d target/bench bench/Growth.java bench/GrowthTimer.java bench/GrowthClone.java bench/GrowthPartTwo.java
echo "machine: $(nproc) cores; load average at start $(cut -d' ' -f1-3 /proc/loadavg); scales: $SCALES"
largest=${SCALES##* }

# The queries behind each measure (as the repositories send them): PostgreSQL's plans for the slowest three at the
# largest scale, H2's (EXPLAIN ANALYZE: the index read and its scanCount) for the pages and /deploy stats.
now="now()"
declare -A SQL
d() { echo "$now - interval '$1' day"; }   # both vendors' syntax
SQL[deploys-page]="SELECT * FROM deploy_request WHERE requested_at >= $(d 30) AND requested_at < $now AND id < 9223372036854775807 ORDER BY id DESC LIMIT 101"
SQL[incidents-page]="SELECT * FROM incident WHERE status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') ORDER BY id; SELECT * FROM incident WHERE status = 'RESOLVED' AND started_at >= $(d 90) AND started_at < $now AND id < 9223372036854775807 ORDER BY status DESC, id DESC LIMIT 101"
# The rollup read (whole days and what is still queued, one statement), today's deploys raw, rollbacks, incidents.
rollup() { echo "SELECT 'D', d.utc_day, d.environment, d.service, d.succeeded, d.failed, d.lead_times, d.success_times FROM (VALUES (''), ('commons'), ('billing'), ('web'), ('reports')) AS s (name) JOIN delivery_day d ON d.service = s.name WHERE d.utc_day >= current_date - $1 AND d.utc_day < current_date AND d.environment IN ('prod'); SELECT d.id, d.service, d.environment, d.state, d.requested_at, d.finished_at FROM delivery_pending p JOIN deploy_request d ON d.id = p.deploy_id WHERE d.finished_at >= current_date - $1 AND d.finished_at < current_date AND d.environment IN ('prod'); SELECT id, service, environment, state, requested_at, finished_at, rollback_of FROM deploy_request WHERE finished_at >= current_date AND finished_at < $now AND environment IN ('prod') ORDER BY finished_at, id"; }
SQL[delivery-page-365d]="$(rollup 364); SELECT * FROM deploy_request WHERE rollback_of BETWEEN 1 AND 9223372036854775807 AND requested_at >= $(d 365) AND requested_at < $now; SELECT id, title, started_at, resolved_at FROM incident WHERE started_at >= $(d 365) AND started_at < $now UNION ALL SELECT id, title, started_at, resolved_at FROM incident WHERE resolved_at >= $(d 365) AND resolved_at < $now AND (started_at < $(d 365) OR started_at >= $now) ORDER BY 3, 1"
SQL[deploy-stats]="$(rollup 29); SELECT id, title, started_at, resolved_at FROM incident WHERE started_at >= $(d 30) AND started_at < $now UNION ALL SELECT id, title, started_at, resolved_at FROM incident WHERE resolved_at >= $(d 30) AND resolved_at < $now AND (started_at < $(d 30) OR started_at >= $now) ORDER BY 3, 1"
SQL[deploy-history]="SELECT * FROM deploy_request WHERE service = 'commons' ORDER BY id DESC LIMIT 10"
SQL[incident-list]="SELECT * FROM incident WHERE status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') ORDER BY id"
SQL[scheduler-pass]="SELECT * FROM deploy_request WHERE message_ts IS NULL AND requested_at < $now - interval '1 minute' AND state IN ('REQUESTED', 'APPROVED') ORDER BY id LIMIT 100; SELECT * FROM deploy_request WHERE expires_at <= $now AND state IN ('REQUESTED', 'APPROVED') ORDER BY expires_at, id LIMIT 100; SELECT * FROM deploy_request WHERE next_nudge_at <= $now AND state IN ('REQUESTED', 'APPROVED') ORDER BY next_nudge_at, id LIMIT 100; SELECT * FROM incident WHERE status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') AND next_reminder_at <= $now ORDER BY next_reminder_at, id; SELECT * FROM incident WHERE setup_complete = FALSE AND setup_lease_until <= $now ORDER BY id; SELECT * FROM post_release_check WHERE outcome IS NULL AND next_at <= $now ORDER BY next_at LIMIT 50"
# Part two's schedulers' due queries (bench/GrowthPartTwo.java): printed always, each should use an index.
SQL[part-two-pass]="SELECT * FROM follow_up WHERE next_remind_at <= $now AND state = 'OPEN' ORDER BY next_remind_at, id LIMIT 100; SELECT * FROM incident_page WHERE next_attempt_at <= $now AND state IN ('TRIGGER_PENDING', 'RESOLVE_PENDING') ORDER BY next_attempt_at, id LIMIT 100; SELECT * FROM incident_access WHERE due_at <= $now ORDER BY due_at, id; SELECT * FROM slot_claim WHERE due_at <= $now ORDER BY due_at, id LIMIT 100; SELECT * FROM flag_request WHERE state = 'REQUESTED' AND next_nudge_at <= $now ORDER BY next_nudge_at, id LIMIT 100; SELECT * FROM flag_request WHERE state IN ('REQUESTED', 'FAILED') AND expires_at <= $now ORDER BY expires_at, id LIMIT 100; SELECT * FROM flag_request WHERE state = 'APPLYING' AND state_changed_at < $now - interval '10 minutes' ORDER BY state_changed_at, id LIMIT 100; SELECT (SELECT MIN(next_nudge_at) FROM flag_request WHERE state = 'REQUESTED'), (SELECT MIN(expires_at) FROM flag_request WHERE state IN ('REQUESTED', 'FAILED')), (SELECT MIN(state_changed_at) FROM flag_request WHERE state = 'APPLYING'); SELECT * FROM config_change WHERE state = 'PROPOSED' AND next_nudge_at <= $now ORDER BY next_nudge_at, id LIMIT 100; SELECT * FROM config_change WHERE state IN ('PROPOSED', 'FAILED') AND expires_at <= $now ORDER BY expires_at, id LIMIT 100; SELECT * FROM config_change WHERE state = 'APPLYING' AND state_changed_at < $now - interval '10 minutes' ORDER BY state_changed_at, id LIMIT 100; SELECT * FROM alert_episode WHERE next_nudge_at <= $now AND open_key IS NOT NULL ORDER BY next_nudge_at, id LIMIT 100; SELECT MIN(next_nudge_at) FROM alert_episode WHERE open_key IS NOT NULL; SELECT MIN(next_remind_at) FROM follow_up WHERE state = 'OPEN'; SELECT MIN(due_at) FROM incident_access; SELECT MIN(due_at) FROM slot_claim"
h2_plans() {   # $1: the H2 URL, after its Growth run let go of the file
  echo "H2 plans at ${largest}x:"
  for m in deploys-page incidents-page delivery-page-365d deploy-stats; do
    echo "--- $m"
    IFS=';' read -ra stmts <<< "${SQL[$m]}"
    for q in "${stmts[@]}"; do
      echo "$q" | sed 's/^ *//'
      java -cp "$JAR" org.h2.tools.Shell -url "$1" -user postgres -sql "EXPLAIN ANALYZE $q" \
        | grep -E '/\* |scanCount' | sed 's/^ */    /'
    done
  done
}

for db in $DATABASES; do
  for s in $SCALES; do
    if [ "$db" = postgresql ]; then
      name=${GROWTH_DB_PREFIX:-growth}_${s}x_$$   # GROWTH_DB_PREFIX: a helper's own database names
      $PG -d postgres -c "CREATE DATABASE $name" >/dev/null
      url="jdbc:postgresql://127.0.0.1:5432/$name"
    else
      url="jdbc:h2:file:$out/h2-$s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    fi
    echo "== $db ${s}x ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
    java ${GROWTH_JVM_OPTS:--XX:+UseSerialGC -Xmx512m} -cp "$JAR:target/bench" Growth "$url" postgres "$s" 2>"$out/$db-$s.err" \
      | tee "$out/$db-$s.txt" | grep -E '^(fill|measure|part-two-pass runs)' || { tail -40 "$out/$db-$s.err" >&2; exit 1; }
    [ "$db" = h2 ] && [ "$s" = "$largest" ] && h2_plans "$url" > "$out/h2-plans.txt"
    if [ "$db" = postgresql ]; then
      if [ "$s" = "$largest" ]; then keep=$name; $PG -d "$name" -c "ANALYZE" >/dev/null
      else $PG -d postgres -c "DROP DATABASE $name WITH (FORCE)" >/dev/null; fi
    fi
  done
  for p in p95 p50; do
    for m in $(grep -h '^measure' "$out/$db-${SCALES%% *}.txt" | awk '{print $2}'); do
      line="growth: $m"; [ "$p" = p50 ] && line="growth-p50: $m"
      for s in $SCALES; do
        v=$(grep -h "^measure $m " "$out/$db-$s.txt" | sed -E "s/.* $p=([0-9.]+).*/\1/")
        line="$line ${s}x=$v"
      done
      echo "$line ($db)"
    done
  done
done

[ -f "$out/h2-plans.txt" ] && { echo; cat "$out/h2-plans.txt"; }
if [ -n "$keep" ]; then
  echo
  echo "PostgreSQL plans at ${largest}x, part two's due queries:"
  IFS=';' read -ra stmts <<< "${SQL[part-two-pass]}"
  for q in "${stmts[@]}"; do
    echo "$q" | sed 's/^ *//'
    $PG -d "$keep" -c "EXPLAIN (ANALYZE, BUFFERS) $q" | sed 's/^/    /'
  done
  echo
  echo "PostgreSQL plans at ${largest}x, slowest three (p95):"
  for m in $(grep -h '^measure' "$out/postgresql-$largest.txt" | sed -E 's/measure ([^ ]+) .* p95=([0-9.]+)/\2 \1/' | sort -rn | head -3 | awk '{print $2}'); do
    echo "--- $m"
    IFS=';' read -ra stmts <<< "${SQL[$m]}"
    for q in "${stmts[@]}"; do
      echo "$q" | sed 's/^ *//'
      $PG -d "$keep" -c "EXPLAIN (ANALYZE, BUFFERS) $q" | sed 's/^/    /'
    done
  done
fi
