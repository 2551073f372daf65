#!/usr/bin/env bash
# Load run: a Release build of ChangeBot on 127.0.0.1, wrk with 200 connections against a signed
# `/change help` (POST /slack/commands) and against GET /healthz (the floor: no verification, no work).
# Each target runs twice. Slack replays inside the 5-minute window are valid, so one signed body is reused.
# Usage: bench/load/run.sh [duration, default 15s]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15s}
port=${CHANGEBOT_LOAD_PORT:-5187}
secret="load-run-signing-secret"
out=$(mktemp -d /tmp/changebot-load.XXXXXX)

command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
dotnet publish src/ChangeBot -c Release -o "$out/app" --nologo -v q >&2

Urls="http://127.0.0.1:$port" Slack__SigningSecret="$secret" Logging__LogLevel__Default=Warning \
  "$out/app/changebot" >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.2
done

body="token=x&team_id=T0LOAD&team_domain=load&channel_id=C0CHANGE&channel_name=change&user_id=U0LOAD&user_name=load&command=%2Fchange&text=help&api_app_id=A0LOAD&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0LOAD%2F1%2Fx&trigger_id=1.T0LOAD.x"
ts=$(date +%s)
sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
status=$(curl -s -o "$out/ack.json" -w '%{http_code}' -X POST "http://127.0.0.1:$port/slack/commands" \
  -H 'Content-Type: application/x-www-form-urlencoded' -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data "$body")
[ "$status" = 200 ] || { echo "signed /change help answered $status: $(cat "$out/ack.json")" >&2; exit 1; }

cat >"$out/help.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$ts"
wrk.headers["X-Slack-Signature"] = "$sig"
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx responses: %d\n", non2xx))
end
LUA

# Warm-up so the JIT and tiered compilation do not count against the first run.
wrk -t2 -c50 -d3s -s "$out/help.lua" "http://127.0.0.1:$port/slack/commands" >/dev/null
wrk -t2 -c50 -d3s "http://127.0.0.1:$port/healthz" >/dev/null

for round in 1 2; do
  for target in healthz help; do
    echo "=== round $round: $target ==="
    if [ "$target" = help ]; then
      wrk -t2 -c200 -d"$duration" --latency -s "$out/help.lua" "http://127.0.0.1:$port/slack/commands"
    else
      wrk -t2 -c200 -d"$duration" --latency "http://127.0.0.1:$port/healthz"
    fi | grep -E 'Requests/sec|^ +50%|^ +99%|non-2xx|Socket errors'
  done
done
