#!/usr/bin/env bash
# End-to-end throughput over loopback: the same API with CorsGen and with ASP.NET Core's UseCors(),
# loaded in turn by wrk (Debian package `wrk`). Prints requests/s and the CorsGen/ASP.NET ratio.
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

dotnet "$dll" --mode corsgen --port 5101 >/dev/null & pids+=($!)
dotnet "$dll" --mode aspnet --port 5102 >/dev/null & pids+=($!)
for port in 5101 5102; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/info" && break; sleep 0.1; done
done

rps() { # port script
  wrk -t1 -c32 -d"${duration}s" -s "$here/$2" "http://127.0.0.1:$1/info" | awk '/Requests\/sec/ {print $2}'
}

for kind in preflight actual; do
  # Warm both up, then alternate so drift hits both alike.
  wrk -t1 -c32 -d2s -s "$here/$kind.lua" http://127.0.0.1:5101/info >/dev/null
  wrk -t1 -c32 -d2s -s "$here/$kind.lua" http://127.0.0.1:5102/info >/dev/null
  ratios=()
  for round in $(seq 1 "$rounds"); do
    a=$(rps 5101 "$kind.lua"); b=$(rps 5102 "$kind.lua")
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
    ratios+=("$ratio")
    echo "$kind round $round: CorsGen $a req/s, ASP.NET Core $b req/s, ratio $ratio"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "$kind median ratio (CorsGen / ASP.NET Core): $median"
done
