#!/usr/bin/env bash
# Soak run: the Release build on 127.0.0.1 with a SQLite file, a loopback Slack that answers ok, response_url included
# (bench/soak/slack_ok.py), and bench/soak/drive.py sending signed commands, button presses, gate reads and filed
# changes for DURATION seconds (default 600), with reminders falling due during the run and the calendar plan job every
# minute, so Quartz jobs fire throughout. RSS and the managed heap are sampled every 30 s (and, when dotnet-counters is
# on PATH or in $SOAK_TOOLS, the heap after each GC); bench/soak/summary.py prints the figures and the verdict.
# Fails on any 5xx or transport error, any error logged, or memory that is not flat (the rule is in summary.py).
# Usage: bench/soak/run.sh [seconds] [workers]
#   SOAK_ENV="DOTNET_gcServer=0 ..."  extra environment for the bot     SOAK_FILE_RATE=1  changes filed per second
#   SOAK_APP=dir  a published app to use instead of publishing          SOAK_KEEP=1  keep the run's files (path on stderr)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-600}; workers=${2:-16}
port=${SOAK_PORT:-5188}; slack_port=$((port + 1))
out=$(mktemp -d /tmp/changebot-soak.XXXXXX)
export SOAK_SECRET="soak-signing-secret" SOAK_TOKEN="soak-api-token-0123456789" PYTHONDONTWRITEBYTECODE=1
if [ -n "${SOAK_APP:-}" ]; then cp -r "$SOAK_APP" "$out/app"; else dotnet publish src/ChangeBot -c Release -o "$out/app" --nologo -v q >&2; fi
python3 bench/soak/slack_ok.py "$slack_port" & slack=$!
read -r load_before _ < /proc/loadavg
# shellcheck disable=SC2086 # SOAK_ENV is a list of NAME=value words on purpose
env ${SOAK_ENV:-} Urls="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  ConnectionStrings__ChangeBot="Data Source=$out/soak.db" Slack__SigningSecret="$SOAK_SECRET" Slack__BotToken="xoxb-soak" \
  Slack__ApiBaseUrl="http://127.0.0.1:$slack_port/api/" Slack__Channels__Change=C0CHANGE ChangeBot__Api__Tokens__0="$SOAK_TOKEN" \
  ChangeBot__Scheduler__PlanEvery=00:01:00 \
  "$out/app/changebot" >"$out/app.log" 2>&1 & app=$!
counters=""
trap 'kill $app $slack $counters 2>/dev/null; wait $app 2>/dev/null; [ -n "${SOAK_KEEP:-}" ] && echo "kept $out" >&2 || rm -rf "$out"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
tool=$(PATH="$PATH:${SOAK_TOOLS:-}" command -v dotnet-counters || true)
if [ -n "$tool" ]; then
  "$tool" collect -p "$app" --counters System.Runtime --refresh-interval 10 --format csv -o "$out/counters.csv" >/dev/null 2>&1 &
  counters=$!
fi
status=0
python3 bench/soak/drive.py "$port" "$app" "$duration" "$workers" "$slack_port" "$out/drive.json" || status=$?
curl -fs "http://127.0.0.1:$port/metrics" >"$out/metrics-end.txt" || true
# The outbox drains what the last requests queued; its depth then should be back to zero.
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$port/metrics" >"$out/metrics-drained.txt" || true
  grep -q '^changebot_outbox_depth 0$' "$out/metrics-drained.txt" && break
  sleep 1
done
curl -fs "http://127.0.0.1:$slack_port/_counts" >"$out/slack.json" || echo '{}' >"$out/slack.json"
# TERM, not INT: a background job of a script ignores SIGINT. The CSV is written as it goes.
[ -n "$counters" ] && { kill "$counters" 2>/dev/null || true; wait "$counters" 2>/dev/null || true; counters=""; }
read -r load_after _ < /proc/loadavg
python3 bench/soak/summary.py "$out" "$load_before" "$load_after" "$status" "${SOAK_ENV:-}"
