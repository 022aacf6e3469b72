#!/usr/bin/env bash
# Soak: the sample API (samples/CorsGen.Sample, Release, Kestrel on 127.0.0.1) under wrk at full rate
# for SOAK_SECONDS (default 600), with allowed preflights and actual requests mixed with hostile ones
# (tests/perf/soak.lua). Reports requests served, answers by status class (goal: 0 5xx), and the API
# process's RSS sampled every SOAK_SAMPLE_SECONDS (default 10): growth from the end of the warm-up
# (SOAK_WARMUP_SECONDS, default 60) to the end (goal: under 5 %). Ends by itself; exits 1 on a 5xx,
# on RSS growth of 5 % or more, or if the API stops.
# Usage: bash tests/perf/soak.sh        (SOAK_SECONDS=60 bash tests/perf/soak.sh for a short run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${SOAK_SECONDS:-600}
sample_every=${SOAK_SAMPLE_SECONDS:-10}
warmup=${SOAK_WARMUP_SECONDS:-60}
threads=${SOAK_THREADS:-2}
connections=${SOAK_CONNECTIONS:-64}
api_port=${SOAK_API_PORT:-9310}
web_port=${SOAK_WEB_PORT:-9300}
out=${SOAK_OUT:-$(mktemp -d)}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "$warmup" -lt "$seconds" ] || { echo "SOAK_WARMUP_SECONDS ($warmup) must be below SOAK_SECONDS ($seconds)" >&2; exit 2; }

dotnet build "$repo/samples/CorsGen.Sample" -c Release -nologo -v quiet >/dev/null
dll="$repo/samples/CorsGen.Sample/bin/Release/net10.0/CorsGen.Sample.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# The sample writes a line per API request; the soak measures the server, not a terminal.
dotnet "$dll" --api-port "$api_port" --web-port "$web_port" --allowed-origin "http://127.0.0.1:$web_port" >/dev/null 2>"$out/api.stderr" &
api=$!; pids+=("$api")
for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$api_port/info" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$api_port/info" || { echo "the sample API did not start" >&2; cat "$out/api.stderr" >&2; exit 1; }

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$api/status"; }
echo "seconds,rss_kb" >"$out/rss.csv"
(
  start=$(date +%s)
  while kill -0 "$api" 2>/dev/null; do
    echo "$(( $(date +%s) - start )),$(rss)" >>"$out/rss.csv"
    sleep "$sample_every"
  done
) & pids+=($!)

echo "soak: ${seconds}s of wrk -t$threads -c$connections against http://127.0.0.1:$api_port (RSS every ${sample_every}s, warm-up ${warmup}s; files in $out)"
SOAK_CONFIGURED_ORIGIN="http://127.0.0.1:$web_port" timeout $((seconds + 60)) \
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$here/soak.lua" "http://127.0.0.1:$api_port/" | tee "$out/wrk.txt"
sleep "$sample_every"   # one more RSS sample after the load

alive=yes; kill -0 "$api" 2>/dev/null || alive=no
served=$(awk '$2 == "requests" && $3 == "in" {print $1}' "$out/wrk.txt")
errors5xx=$(awk '/^status 5xx:/ {print $3}' "$out/wrk.txt")
socket_errors=$(grep -E 'Socket errors' "$out/wrk.txt" || echo "Socket errors: none")

# RSS: the first sample at or after the warm-up, the last one under load, and the peak in between.
read -r base base_t peak last last_t <<<"$(awk -F, -v w="$warmup" -v end="$seconds" '
  NR > 1 && $1 >= w && $1 <= end { if (base == "") { base = $2; bt = $1 } if ($2 > peak) peak = $2; last = $2; lt = $1 }
  END { print base, bt, peak, last, lt }' "$out/rss.csv")"
growth=$(awk -v a="$base" -v b="$last" 'BEGIN { printf "%.2f", (b - a) * 100 / a }')
peak_growth=$(awk -v a="$base" -v b="$peak" 'BEGIN { printf "%.2f", (b - a) * 100 / a }')

echo
echo "RSS (kB) over time:"
awk -F, 'NR > 1 && (($1 % 60) < '"$sample_every"' ) { printf "  %4ds  %s\n", $1, $2 }' "$out/rss.csv"
echo
echo "requests served: $served"
echo "5xx answers: ${errors5xx:-unknown}; $socket_errors; API still running: $alive"
echo "RSS after warm-up (${base_t}s): $base kB; at the end of the load (${last_t}s): $last kB; peak: $peak kB"
echo "RSS growth after warm-up: $growth % (peak $peak_growth %)"

status=0
[ "${errors5xx:-1}" = "0" ] || { echo "FAIL: 5xx answers" >&2; status=1; }
[ "$alive" = yes ] || { echo "FAIL: the API stopped" >&2; status=1; }
awk -v g="$growth" 'BEGIN { exit !(g < 5) }' || { echo "FAIL: RSS grew $growth % after warm-up" >&2; status=1; }
exit $status
