#!/usr/bin/env bash
# End-to-end throughput over loopback: the same API with CorsGen, with ASP.NET Core's UseCors(), and
# with no CORS at all (the floor), loaded in turn by wrk (Debian package `wrk`). Prints requests/s and
# the CorsGen/floor and CorsGen/ASP.NET Core ratios (median of the per-round ratios).
# Usage: bash tests/perf/e2e.sh [seconds-per-run=10] [rounds=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
duration=${1:-10}
rounds=${2:-3}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet build "$here/CorsGen.PerfApp" -c Release -nologo -v quiet >/dev/null
dll="$here/CorsGen.PerfApp/bin/Release/net10.0/CorsGen.PerfApp.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Ports: CorsGen 5101, ASP.NET Core 5102, floor 5103.
dotnet "$dll" --mode corsgen --port 5101 >/dev/null & pids+=($!)
dotnet "$dll" --mode aspnet --port 5102 >/dev/null & pids+=($!)
dotnet "$dll" --mode floor --port 5103 >/dev/null & pids+=($!)
for port in 5101 5102 5103; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/info" && break; sleep 0.1; done
done

rps() { # port script; a run with non-2xx/3xx answers or socket errors is reported, not hidden
  local out
  out=$(wrk -t1 -c32 -d"${duration}s" -s "$here/$2" "http://127.0.0.1:$1/info")
  grep -E 'Non-2xx|Socket errors' <<<"$out" >&2 || true
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for kind in preflight actual; do
  # Warm all three up, then rotate the order each round so drift hits them alike.
  for port in 5101 5102 5103; do wrk -t1 -c32 -d2s -s "$here/$kind.lua" "http://127.0.0.1:$port/info" >/dev/null; done
  floor_ratios=(); aspnet_ratios=()
  for round in $(seq 1 "$rounds"); do
    declare -A r=()
    case $((round % 3)) in
      1) order="5101 5102 5103" ;;
      2) order="5102 5103 5101" ;;
      0) order="5103 5101 5102" ;;
    esac
    for port in $order; do r[$port]=$(rps "$port" "$kind.lua"); done
    to_floor=$(awk -v a="${r[5101]}" -v b="${r[5103]}" 'BEGIN { printf "%.3f", a / b }')
    to_aspnet=$(awk -v a="${r[5101]}" -v b="${r[5102]}" 'BEGIN { printf "%.3f", a / b }')
    floor_ratios+=("$to_floor"); aspnet_ratios+=("$to_aspnet")
    echo "$kind round $round: CorsGen ${r[5101]} req/s, ASP.NET Core ${r[5102]} req/s, floor ${r[5103]} req/s; CorsGen/floor $to_floor, CorsGen/ASP.NET Core $to_aspnet"
  done
  echo "$kind median: CorsGen/floor $(median "${floor_ratios[@]}"), CorsGen/ASP.NET Core $(median "${aspnet_ratios[@]}")"
done
