#!/usr/bin/env bash
# Native AOT, side by side: the same API with CorsGen and with ASP.NET Core's UseCors() (the PerfApp,
# built with one mode each), both published with PublishAot=true. Reports binary size, time from process
# start to the first answered preflight (hyperfine), and RSS after 10,000 preflights.
# Usage: bash tests/perf/aot.sh [hyperfine-runs=20]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-20}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
out=$(mktemp -d)
trap 'rm -rf "$out"; jobs -p | xargs -r kill 2>/dev/null || true' EXIT

for mode in corsgen aspnet; do
  dotnet publish "$here/CorsGen.PerfApp" -c Release -r linux-x64 -p:PublishAot=true -p:PerfMode=$mode \
    -p:IntermediateOutputPath="$out/obj-$mode/" -o "$out/$mode" -nologo -v quiet >/dev/null
done

preflight=(-s -o /dev/null -w '%{http_code}' -X OPTIONS -H 'Origin: http://127.0.0.1:9000'
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type')

# Starts the binary and waits for its first 204 preflight answer; used by hyperfine.
cat >"$out/first-preflight.sh" <<'SCRIPT'
#!/usr/bin/env bash
"$1" --port "$2" >/dev/null & pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -X OPTIONS -H 'Origin: http://127.0.0.1:9000' -H 'Access-Control-Request-Method: POST' "http://127.0.0.1:$2/info" 2>/dev/null)" = 204 ]; do :; done
kill $pid; wait $pid 2>/dev/null || true
SCRIPT

for mode in corsgen aspnet; do
  echo "$mode binary: $(stat -c %s "$out/$mode/CorsGen.PerfApp") bytes"
done

hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$out/startup.md" \
  -n corsgen "bash $out/first-preflight.sh $out/corsgen/CorsGen.PerfApp 5301" \
  -n aspnet "bash $out/first-preflight.sh $out/aspnet/CorsGen.PerfApp 5302" >/dev/null
cat "$out/startup.md"

port=5311
for mode in corsgen aspnet; do
  "$out/$mode/CorsGen.PerfApp" --port $port >/dev/null & pid=$!
  until [ "$(curl "${preflight[@]}" "http://127.0.0.1:$port/info" 2>/dev/null)" = 204 ]; do :; done
  urls=$(for i in $(seq 1 10000); do printf 'http://127.0.0.1:%s/info?%s ' "$port" "$i"; done)
  # shellcheck disable=SC2086
  curl -Z --parallel-max 16 "${preflight[@]:0:3}" -X OPTIONS -H 'Origin: http://127.0.0.1:9000' \
    -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type' $urls >/dev/null 2>&1
  echo "$mode RSS after 10,000 preflights: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
  kill $pid; wait $pid 2>/dev/null || true
  port=$((port + 1))
done
