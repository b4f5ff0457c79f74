#!/usr/bin/env bash
# Start-up time to the first HTTP 200 and resident memory after start, with the bundled plugins.
# Usage: bench/startup.sh [runs]   (builds first if needed; each run uses a fresh data directory,
# so the first-start path — migrations, bundled plugin install — is what is measured, and one
# extra run measures a restart on existing data)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${BENCH_PORT:-18555}"

JAVA_HOME="$(./atelier java-home)"
JAR=kernel/server/target/atelier-server.jar
[[ -f "$JAR" ]] || ./atelier test -q -DskipTests >/dev/null

now_ms() { date +%s%3N; }
measure() {  # $1 = data dir; prints "ms rss_kib"
  local data="$1" start pid code=000 ms rss
  start=$(now_ms)
  ATELIER_DATA_DIR="$data" ATELIER_PORT="$PORT" ATELIER_SETUP_TOKEN=bench-setup-token-0000 \
    "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    $CDS \
    -Datelier.bundledPlugins="$PWD/kernel/server/target/bundled-plugins" -jar "$JAR" >"$data.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)
    [[ "$code" == 200 ]] && break
    sleep 0.01
  done
  ms=$(( $(now_ms) - start ))
  sleep 1
  if [[ ! -r "/proc/$pid/status" ]]; then
    echo "Atelier exited during start; its log:" >&2; tail -30 "$data.log" >&2; exit 1
  fi
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [[ "$code" == 200 ]] || { echo "no HTTP 200 (last: $code); log: $data.log" >&2; exit 1; }
  echo "$ms $rss"
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# BENCH_CDS=0 measures without the class-data-sharing archive ./atelier start uses
CDS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$WORK/atelier-cds.jsa"
[[ "${BENCH_CDS:-1}" == 0 ]] && CDS="-Xshare:auto"
# the same flags as ./atelier start; run 1 also writes the class-data-sharing archive
echo "run  first-start-ms  rss-MiB"
for i in $(seq 1 "$RUNS"); do
  read -r ms rss < <(measure "$WORK/data-$i")
  printf '%3d  %14d  %7d\n' "$i" "$ms" $((rss / 1024))
done
read -r ms rss < <(measure "$WORK/data-1")
printf 'restart on existing data: %d ms, %d MiB\n' "$ms" $((rss / 1024))
