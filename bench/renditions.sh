#!/usr/bin/env bash
# Thumbnail + display renditions per image: Atelier's media pipeline in a warm JVM against
# vipsthumbnail (libvips) making the same outputs, side by side, as a ratio; and memory.
#
# Usage: bench/renditions.sh [image...]
#   With no arguments it generates a set (photo-like 12, 13 and 24 MP JPEGs; 8 MP and 4 MP PNG
#   artworks, one with transparency) with bench/RenditionBench.java.
#   BENCH_WARMUP (default 3) rounds over all images warm the JVM; BENCH_RUNS (default 5) timed runs
#   per image, median reported. BENCH_HEAP=0 skips the heap bisection.
#
# Outputs on both sides: display widths 320, 640, 1280, 2048 (never upscaled) and a 640 × 640
# centre-cropped thumbnail; JPEG in → JPEG out at quality 90 with 4:4:4 chroma, PNG in → PNG out,
# metadata stripped.
#
# Time: Java = wall time of one MediaPipeline.process() call (all five outputs, from the original
# bytes in memory to encoded bytes in memory) in a warm JVM. vips = the sum, over the five
# outputs, of the wall time of a whole `vipsthumbnail` process (median of 3 runs each), as the
# issue's target is stated against vipsthumbnail's whole-process time.
# Memory: Java = the smallest -Xmx (8 MiB steps, Serial GC) with which one process() call of that
# image succeeds in a fresh JVM — the heap the pipeline needs, which is what the pixel limit has to
# bound; vips = the largest max-RSS (from /usr/bin/time -v) of its five processes. These are not
# the same quantity (heap vs. whole-process resident memory): read them side by side, not as a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP="${BENCH_WARMUP:-3}"
RUNS="${BENCH_RUNS:-5}"

JAVA_HOME="$(./atelier java-home)"
if ! command -v vipsthumbnail >/dev/null; then
  echo "installing libvips-tools for vipsthumbnail…" >&2
  apt-get install -y -qq libvips-tools >/dev/null || { apt-get update -qq && apt-get install -y -qq libvips-tools >/dev/null; }
fi
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null

# fresh server classes and their dependencies (target/libs)
./atelier test -q -DskipTests -pl kernel/server -am >/dev/null
CP="kernel/server/target/classes:kernel/server/target/libs/*"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/classes" "$WORK/vips"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$CP" bench/RenditionBench.java
JCP="$WORK/classes:$CP"

if [[ $# -gt 0 ]]; then
  IMAGES=("$@")
else
  echo "generating test images…" >&2
  "$JAVA_HOME/bin/java" -cp "$JCP" RenditionBench generate "$WORK/images"
  IMAGES=("$WORK"/images/*)
fi

echo "timing the pipeline in a warm JVM ($WARMUP warm-up rounds, median of $RUNS)…" >&2
"$JAVA_HOME/bin/java" -cp "$JCP" RenditionBench time "$WARMUP" "$RUNS" "${IMAGES[@]}" >"$WORK/java.txt"

heap_needed() {  # smallest -Xmx in MiB (8 MiB steps) that processes $1
  local lo=8 hi=2048 mid
  "$JAVA_HOME/bin/java" -Xmx${hi}m -XX:+UseSerialGC -cp "$JCP" RenditionBench once "$1" >/dev/null 2>&1 || { echo ">$hi"; return; }
  while (( hi - lo > 8 )); do
    mid=$(( (lo + hi) / 2 / 8 * 8 ))
    (( mid <= lo )) && mid=$(( lo + 8 ))
    if "$JAVA_HOME/bin/java" -Xmx${mid}m -XX:+UseSerialGC -cp "$JCP" RenditionBench once "$1" >/dev/null 2>&1; then
      hi=$mid
    else
      lo=$mid
    fi
  done
  echo "$hi"
}

vips_one() {  # $1 image, $2 size, $3 extra args; prints "median_seconds max_rss_kib"
  local img="$1" size="$2" extra="$3" ext out t rss
  case "$img" in *.png|*.PNG|*.gif|*.webp) ext="png[strip]" ;; *) ext="jpg[Q=90,strip,no_subsample]" ;; esac
  : >"$WORK/vips/runs.txt"
  for _ in 1 2 3; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$WORK/vips/time.txt" vipsthumbnail "$img" -s "$size" $extra \
      -o "$WORK/vips/%s-out.$ext"
    cat "$WORK/vips/time.txt" >>"$WORK/vips/runs.txt"
  done
  sort -n "$WORK/vips/runs.txt" | sed -n 2p
}

printf '%-26s %9s %9s %9s %6s %10s %9s\n' image pixels java-ms vips-ms ratio java-heap vips-rss
while read -r file w h median best sizes; do
  total=0; rss=0
  for spec in "320x>|" "640x>|" "1280x>|" "2048x>|" "640x640|-m centre"; do
    read -r t r < <(vips_one "$file" "${spec%%|*}" "${spec#*|}")
    total=$(awk -v a="$total" -v b="$t" 'BEGIN{print a+b}')
    (( r > rss )) && rss=$r
  done
  if [[ "${BENCH_HEAP:-1}" == 0 ]]; then heap="-"; else heap="$(heap_needed "$file") MiB"; fi
  vms=$(awk -v t="$total" 'BEGIN{printf "%.0f", t*1000}')
  ratio=$(awk -v j="$median" -v v="$vms" 'BEGIN{printf "%.2f", j/v}')
  printf '%-26s %8.1fM %9.0f %9s %6s %10s %6d MiB\n' "$(basename "$file")" \
    "$(awk -v w="$w" -v h="$h" 'BEGIN{print w*h/1e6}')" "$median" "$vms" "$ratio" "$heap" $((rss / 1024))
  echo "    java outputs: $sizes" >&2
done <"$WORK/java.txt"
echo "ratio = java-ms / vips-ms (target ≤ 2.00); java-heap = smallest -Xmx that works; vips-rss = max RSS of one vipsthumbnail process"
