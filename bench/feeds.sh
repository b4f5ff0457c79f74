#!/usr/bin/env bash
# Home feed and explore under load: latency (p50/p99) and requests per second with wrk, on a
# generated instance on MariaDB (issue 3: p99 < 50 ms and >= 1,000 requests/s on 2 cores).
#
# Usage: bench/feeds.sh
#   1. builds the server jar if sources changed, installs wrk if missing;
#   2. creates a fresh database (BENCH_DB, default atelier_bench; dropped again at the end unless
#      BENCH_KEEP=1; BENCH_REUSE=1 runs on one kept from an earlier run instead) on the MariaDB at BENCH_DB_HOST:BENCH_DB_PORT (127.0.0.1:3306, user root,
#      empty password by default: BENCH_DB_USER / BENCH_DB_PASSWORD) and starts Atelier on it with
#      the built jar and the flags ./atelier start uses (BENCH_JIT=c1 adds -XX:TieredStopAtLevel=1, the quick-start JIT of ./atelier start; the default is the full JIT, as the container image runs);
#   3. fills it with bench/FeedsBench.java: BENCH_ACCOUNTS (10,000) accounts, BENCH_POSTS (200,000)
#      posts with an image each, ~100 follows per account, followed tags, likes, reposts;
#   4. signs one artist in through the API and takes ready sessions of 49 more (so the 50
#      connections read 50 different home feeds), warms up for BENCH_WARMUP (40s per endpoint: a
#      server runs with its hot paths compiled, which C2 takes about that long to do on two busy
#      cores), then runs wrk with BENCH_CONNECTIONS (50) connections and 2 threads for
#      BENCH_DURATION (20s) per endpoint, and prints p50, p99, requests/s, the CPU time per
#      request of the JVM, MariaDB and wrk, and non-2xx answers. BENCH_ENDPOINTS picks some of
#      "home recent popular"; BENCH_JAVA_OPTS adds JVM flags (a flight recording, say);
#      BENCH_DB_PARAMS is appended to the JDBC URL (e.g. ?useServerPrepStmts=true). Each endpoint
#      runs twice: flat out (the most the box serves), then paced so that the connections offer
#      about BENCH_RATE (1,000) requests/s (the latency at that load).
# MariaDB's buffer pool is raised to 1 GiB for the run if it is smaller (and put back after), so
# that the generated data (its size is printed) is read from memory, as on a server sized for it.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
DB="${BENCH_DB:-atelier_bench}"
PORT="${BENCH_PORT:-18556}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-40s}"
CONNECTIONS="${BENCH_CONNECTIONS:-50}"
ACCOUNTS="${BENCH_ACCOUNTS:-10000}"
POSTS="${BENCH_POSTS:-200000}"
VIEWERS=49
BASE="http://127.0.0.1:$PORT"

JAVA_HOME="$(./atelier java-home)"
JAR=kernel/server/target/atelier-server.jar
if [[ ! -f "$JAR" || -n "$(find pom.xml kernel plugins themes -newer "$JAR" -type f \( -name '*.java' -o -name '*.sql' -o -name '*.xml' \) -not -path '*/target/*' -print -quit)" ]]; then
  echo "building the server…" >&2
  ./atelier test -q -DskipTests >/dev/null
fi
if ! command -v wrk >/dev/null; then
  echo "installing wrk…" >&2
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
fi
sql() { mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -N -B "$@"; }

WORK="$(mktemp -d)"
PID=""
POOL_BEFORE="$(sql -e "SELECT @@innodb_buffer_pool_size")"
cleanup() {
  local status=$?
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; fi
  [[ "${BENCH_KEEP:-0}" == 1 ]] || sql -e "DROP DATABASE IF EXISTS $DB" || true
  if (( POOL_BEFORE < 1073741824 )); then sql -e "SET GLOBAL innodb_buffer_pool_size = $POOL_BEFORE" || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

REUSE="${BENCH_REUSE:-0}"
if [[ "$REUSE" == 1 && -z "$(sql -e "SHOW DATABASES LIKE '$DB'")" ]]; then
  echo "no database $DB to reuse; generating one" >&2
  REUSE=0
fi
[[ "$REUSE" == 1 ]] || sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
(( POOL_BEFORE < 1073741824 )) && sql -e "SET GLOBAL innodb_buffer_pool_size = 1073741824"

JIT=""
[[ "${BENCH_JIT:-c2}" == c1 ]] && JIT="-XX:TieredStopAtLevel=1"
echo "starting Atelier on MariaDB database $DB (java $JIT)…" >&2
ATELIER_DATA_DIR="$WORK/data" ATELIER_PORT="$PORT" ATELIER_SETUP_TOKEN=bench-setup-token-0000 \
  ATELIER_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB${BENCH_DB_PARAMS:-}" ATELIER_DB_USER="$DB_USER" ATELIER_DB_PASSWORD="$DB_PASSWORD" \
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC $JIT ${BENCH_JAVA_OPTS:-} \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=kernel/server/target/atelier-cds.jsa \
  -Datelier.bundledPlugins="$PWD/kernel/server/target/bundled-plugins" -jar "$JAR" >"$WORK/atelier.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" == 200 ]] && break
  kill -0 "$PID" 2>/dev/null || { echo "Atelier exited; its log:" >&2; tail -30 "$WORK/atelier.log" >&2; exit 1; }
  sleep 0.2
done

if [[ "$REUSE" == 1 ]]; then MODE=sessions; else MODE=generate; echo "generating $ACCOUNTS accounts and $POSTS posts…" >&2; fi
"$JAVA_HOME/bin/java" -cp "kernel/server/target/classes:kernel/server/target/libs/*" bench/FeedsBench.java "$MODE" \
  "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" "$DB_USER" "$DB_PASSWORD" "$WORK/cookies" "$VIEWERS" "$ACCOUNTS" "$POSTS"
sql -e "SELECT CONCAT('data and indexes: ', ROUND(SUM(data_length + index_length) / 1048576), ' MiB')
        FROM information_schema.tables WHERE table_schema = '$DB'" >&2

# one artist signs in as a browser would: CSRF cookie first, then the form's JSON
CSRF="$(curl -s -c "$WORK/jar" "$BASE/api/v1/csrf" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
curl -s -b "$WORK/jar" -c "$WORK/jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
  -d '{"username":"artist00001","password":"bench password 1234"}' "$BASE/api/v1/sessions" >/dev/null
SESSION="$(awk '$6 == "atelier_session" {print $7}' "$WORK/jar")"
[[ -n "$SESSION" ]] || { echo "sign-in failed" >&2; exit 1; }
{ echo "$SESSION"; cat "$WORK/cookies"; } >"$WORK/sessions"
HOME_ITEMS="$(curl -s -H "Cookie: atelier_session=$SESSION" "$BASE/api/v1/feeds/home" | grep -o '"url":"/posts/' | wc -l)"
echo "artist00001's first home page holds $HOME_ITEMS posts" >&2

# each request takes the next session, so the connections read different viewers' feeds
cat >"$WORK/sessions.lua" <<LUA
local sessions = {}
for line in io.lines("$WORK/sessions") do sessions[#sessions + 1] = line end
local n = math.random(#sessions)
request = function()
  n = n % #sessions + 1
  return wrk.format("GET", nil, { ["Cookie"] = "atelier_session=" .. sessions[n] })
end
LUA
# the same requests paced: each connection waits between answer and next request, so that the 50
# connections offer about BENCH_RATE requests/s — latency at a given load, where the saturation
# run above gives the most the box serves (and the queueing that comes with it)
RATE="${BENCH_RATE:-1000}"
{ cat "$WORK/sessions.lua"; echo "delay = function() return $(( CONNECTIONS * 1000 * 9 / 10 / RATE )) end"; } >"$WORK/paced.lua"

to_ms() {  # wrk prints 812.00us, 3.45ms or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system CPU time of a process, in clock ticks
MARIADB_PID="$(pgrep -x mariadbd || pgrep -x mysqld || true)"
run() {  # $1 label, $2 path, $3 script (default sessions.lua), $4 "nowarm" to skip the warm-up
  local script="${3:-sessions.lua}"
  [[ "${4:-}" == nowarm ]] || wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/sessions.lua" "$BASE$2" >/dev/null
  local j0 m0 j1 m1 p50 p99 rps n errors cost
  j0="$(ticks "$PID")"; m0="$( [[ -n "$MARIADB_PID" ]] && ticks "$MARIADB_PID" || echo 0)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$script" "$BASE$2" >"$WORK/wrk.txt" &
  local wrk_pid=$! w=0 t
  while kill -0 "$wrk_pid" 2>/dev/null; do t="$(ticks "$wrk_pid" 2>/dev/null || true)"; [[ -z "$t" ]] || w="$t"; sleep 0.5; done
  wait "$wrk_pid"
  j1="$(ticks "$PID")"; m1="$( [[ -n "$MARIADB_PID" ]] && ticks "$MARIADB_PID" || echo 0)"
  p50="$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")"
  rps="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/wrk.txt")"
  n="$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")"
  errors="$(awk '/Non-2xx/ {printf "non-2xx %s ", $5} /Socket errors/ {printf "%s ", $0}' "$WORK/wrk.txt")"
  # CPU time each request cost the JVM and MariaDB: what the throughput on two otherwise idle cores is bounded by
  # (and wrk itself, read until just before it exited: the load generator shares the two cores)
  cost="$(awk -v j=$((j1 - j0)) -v m=$((m1 - m0)) -v w="$w" -v n="$n" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%6.2f %6.2f %6.2f", j * 1000 / hz / n, m * 1000 / hz / n, w * 1000 / hz / n }')"
  printf '%-22s %8s %8s %7s  %s   %s\n' "$1" "$(to_ms "$p50")" "$(to_ms "$p99")" "$rps" "$cost" "${errors:-none}"
}
echo
echo "wrk: $CONNECTIONS connections, 2 threads, $DURATION per endpoint, after a $WARMUP warm-up; $(nproc) cores; page size 24"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shares these cores)"
printf '%-22s %8s %8s %7s  %6s %6s %6s   %s\n' endpoint p50-ms p99-ms req/s jvm-ms db-ms wrk-ms "errors"
echo "(jvm-ms, db-ms, wrk-ms: CPU time per request spent by the Atelier JVM, by mariadbd and by wrk)"
ENDPOINTS="${BENCH_ENDPOINTS:-home recent popular}"
for endpoint in home recent popular; do
  [[ "$ENDPOINTS" == *$endpoint* ]] || continue
  case "$endpoint" in
    home) label="home (50 viewers)"; path="/api/v1/feeds/home" ;;
    recent) label="explore recent"; path="/api/v1/feeds/explore" ;;
    popular) label="explore popular"; path="/api/v1/feeds/explore?sort=popular" ;;
  esac
  run "$label" "$path"
  run "  paced to ~$RATE/s" "$path" paced.lua nowarm
done
