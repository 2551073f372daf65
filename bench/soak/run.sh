#!/usr/bin/env bash
# Soak run: the Release build on 127.0.0.1 with a SQLite file, a loopback Slack that answers ok (bench/soak/slack_ok.py),
# and bench/soak/drive.py sending signed commands, button presses, gate reads and filed changes for DURATION seconds
# (default 600), printing RSS every 30 s. Exits non-zero on any 5xx or transport error.
# Usage: bench/soak/run.sh [seconds] [workers]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-600}; workers=${2:-16}
port=5188; slack_port=5189
out=$(mktemp -d /tmp/changebot-soak.XXXXXX)
export SOAK_SECRET="soak-signing-secret" SOAK_TOKEN="soak-api-token-0123456789"
dotnet publish src/ChangeBot -c Release -o "$out/app" --nologo -v q >&2
python3 bench/soak/slack_ok.py "$slack_port" & slack=$!
Urls="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  ConnectionStrings__ChangeBot="Data Source=$out/soak.db" Slack__SigningSecret="$SOAK_SECRET" Slack__BotToken="xoxb-soak" \
  Slack__ApiBaseUrl="http://127.0.0.1:$slack_port/api/" Slack__Channels__Change=C0CHANGE ChangeBot__Api__Tokens__0="$SOAK_TOKEN" \
  "$out/app/changebot" >"$out/app.log" 2>&1 & app=$!
trap 'kill $app $slack 2>/dev/null; wait $app 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
python3 bench/soak/drive.py "$port" "$app" "$duration" "$workers"; status=$?
echo "app log lines at warning or above: $(grep -c '"LogLevel":"\(Warning\|Error\|Critical\)"' "$out/app.log" || true)"
echo "most frequent warnings and errors (message templates):"
python3 -c 'import json,sys,collections; c=collections.Counter(json.loads(l).get("State",{}).get("{OriginalFormat}","?") for l in open(sys.argv[1]) if l.startswith("{") and "\"LogLevel\":\"Warning\"" in l or "\"LogLevel\":\"Error\"" in l); [print(f"{n:8d}  {m[:150]}") for m,n in c.most_common(6)]' "$out/app.log" || true
exit $status
