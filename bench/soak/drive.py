"""Soak driver: for DURATION seconds, WORKERS threads send a mix of signed Slack requests (commands, button presses)
and authenticated API calls (gate reads, filing changes) to the bot on 127.0.0.1, each signed with a fresh timestamp.
Every 30 s it prints the bot's RSS and the counts so far. Exits non-zero if any answer was a 5xx or a transport error."""
import hashlib, hmac, json, os, sys, threading, time, urllib.parse, http.client

port, pid, duration, workers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
secret, token = os.environ["SOAK_SECRET"].encode(), os.environ["SOAK_TOKEN"]
counts, lock, stop = {}, threading.Lock(), time.time() + duration

def signed(path, body, ctype):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret, f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return ("POST", path, body, {"Content-Type": ctype, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})

def command(text):
    form = dict(team_id="T0SOAK", channel_id="C0CHANGE", user_id="U0SOAK", user_name="soak", command="/change",
                text=text, api_app_id="A0SOAK", response_url="http://127.0.0.1:1/unused", trigger_id="1.T0SOAK.x")
    return signed("/slack/commands", urllib.parse.urlencode(form), "application/x-www-form-urlencoded")

def button():
    payload = {"type": "block_actions", "user": {"id": "U0SOAK"}, "team": {"id": "T0SOAK"}, "trigger_id": "1.x",
               "response_url": "http://127.0.0.1:1/unused", "container": {"type": "message"}, "channel": {"id": "C0CHANGE"},
               "actions": [{"action_id": "cr.approve:CR-2026-0001:1", "block_id": "b", "type": "button", "value": "x", "action_ts": "1"}]}
    return signed("/slack/interactions", urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

def gate():
    return ("GET", "/api/v1/gate?type=normal&criticality=C3&services=redis", None, {"Authorization": "Bearer " + token})

def file_change(n):
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400 * 3))
    body = {"title": f"Soak change {n}", "type": "normal", "environment": "production", "services": ["soak-svc"],
            "risk": {"blastRadius": 1, "reversibility": 1, "confidence": 1, "timing": 1}, "causesDowntime": False,
            "requester": "U0SOAKREQ", "executor": "U0SOAKEXE", "plannedStart": start, "estimatedDuration": "30m",
            "implementationPlan": "1. apply", "rollbackPlan": "1. revert", "rollbackTriggers": ["Error rate above 5% for 2 minutes"],
            "preflightChecks": ["cluster healthy"], "postChecks": ["smoke tests pass"]}
    return ("POST", "/api/v1/changes", json.dumps(body), {"Content-Type": "application/json", "Authorization": "Bearer " + token})

def rss_mib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1

def work(index):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    n = 0
    while time.time() < stop:
        n += 1
        kind = ["help", "list", "button", "gate", "gate", "help"][n % 6] if n % 50 else "file"
        method, path, body, headers = {"help": lambda: command("help"), "list": lambda: command("list pending"),
            "button": button, "gate": gate, "file": lambda: file_change(f"{index}-{n}")}[kind]()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse(); response.read()
            outcome = f"{kind} {response.status}"
        except Exception as error:  # a transport failure is a soak failure, counted, and the connection renewed
            outcome = f"{kind} error {type(error).__name__}"
            conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            counts[outcome] = counts.get(outcome, 0) + 1

threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(workers)]
for t in threads: t.start()
began = time.time()
while any(t.is_alive() for t in threads):
    time.sleep(30)
    with lock:
        total = sum(counts.values())
    print(f"t={int(time.time() - began):4d}s rss={rss_mib():6.1f} MiB requests={total}", flush=True)
for t in threads: t.join()
print(json.dumps(counts, sort_keys=True))
bad = sum(v for k, v in counts.items() if " 5" in k or "error" in k)
sys.exit(1 if bad else 0)
