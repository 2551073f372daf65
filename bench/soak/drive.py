"""Soak driver: for DURATION seconds, WORKERS threads send a mix of signed Slack requests (commands, button presses,
App Home opened events) and authenticated API calls (gate reads, filing changes) to the bot on 127.0.0.1, each signed
with a fresh timestamp.
Every response_url points at the loopback Slack stand-in, which answers as Slack does, so a warning in the bot's log is
the bot's, not the harness's. Changes are filed at SOAK_FILE_RATE a second (default 1); every other one is planned a little over an hour (or
a day) ahead, so its "approvals still missing 1 h (24 h) before" reminder fires during the run: those, and the calendar
plan run.sh sets to every minute, are the soak's jobs firing.
Every 30 s it prints the bot's RSS and managed heap (from /metrics) and the counts so far; at the end it writes the
counts, latencies and samples as JSON to OUT for summary.py. Exits non-zero if any answer was a 5xx or a transport error.
Usage: drive.py PORT PID DURATION WORKERS SLACK_PORT OUT"""
import hashlib, hmac, json, os, sys, threading, time, urllib.parse, http.client

port, pid, duration, workers, slack_port, out = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                                                 int(sys.argv[5]), sys.argv[6])
secret, token = os.environ["SOAK_SECRET"].encode(), os.environ["SOAK_TOKEN"]
counts, latencies, lock = {}, {}, threading.Lock()
began = time.time()
stop = began + duration
# Filing is paced by time, not by a share of the requests: a real team files a few changes an hour, and the outbox
# delivers each one's announcement, thread and App Home updates one by one, so a share of a few hundred requests a
# second would only measure the outbox falling behind. SOAK_FILE_RATE changes per second, default 1.
file_every = 1 / float(os.environ.get("SOAK_FILE_RATE", "1"))
next_file = [began]
filed = [0]

def claim_filing():
    """True for the one worker that takes the next filing slot; with its ordinal, so planned starts differ."""
    with lock:
        if time.time() < next_file[0]:
            return None
        next_file[0] += file_every
        filed[0] += 1
        return filed[0]

def response_url(n):
    return f"http://127.0.0.1:{slack_port}/response/{n}"

def signed(path, body, ctype):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret, f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return ("POST", path, body, {"Content-Type": ctype, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})

def command(text, n):
    form = dict(team_id="T0SOAK", channel_id="C0CHANGE", user_id="U0SOAK", user_name="soak", command="/change",
                text=text, api_app_id="A0SOAK", response_url=response_url(n), trigger_id="1.T0SOAK.x")
    return signed("/slack/commands", urllib.parse.urlencode(form), "application/x-www-form-urlencoded")

def button(n):
    payload = {"type": "block_actions", "user": {"id": "U0SOAK"}, "team": {"id": "T0SOAK"}, "trigger_id": "1.x",
               "response_url": response_url(n), "container": {"type": "message"}, "channel": {"id": "C0CHANGE"},
               "actions": [{"action_id": "cr.approve:CR-2026-0001:1", "block_id": "b", "type": "button", "value": "x", "action_ts": "1"}]}
    return signed("/slack/interactions", urllib.parse.urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

def home_opened(index, n):
    """An Events API delivery with a fresh event_id each time, as Slack sends them: the bot remembers ids to drop retries."""
    body = json.dumps({"type": "event_callback", "team_id": "T0SOAK", "api_app_id": "A0SOAK", "event_id": f"Ev{index:02d}{n:09d}",
                       "event_time": int(time.time()), "event": {"type": "app_home_opened", "user": "U0SOAK", "channel": "D0SOAK", "tab": "home"}})
    return signed("/slack/events", body, "application/json")

def gate():
    return ("GET", "/api/v1/gate?type=normal&criticality=C3&services=redis", None, {"Authorization": "Bearer " + token})

def planned_start(n):
    """Half the changes 3 days out (no reminder in the run); the other half so that a reminder falls inside the run."""
    now = time.time()
    if n % 2:
        return now + 86400 * 3
    # The reminder is due at start - 1 h (or - 24 h): somewhere between 30 s from now and 60 s before the run ends.
    ahead = 30 + (n * 7919) % max(1, int(stop - now) - 90)
    return now + ahead + (3600 if n % 4 else 86400)

def file_change(index, n):
    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(planned_start(n)))
    body = {"title": f"Soak change {index}-{n}", "type": "normal", "environment": "production", "services": ["soak-svc"],
            "risk": {"blastRadius": 1, "reversibility": 1, "confidence": 1, "timing": 1}, "causesDowntime": False,
            "requester": "U0SOAKREQ", "executor": "U0SOAKEXE", "plannedStart": start, "estimatedDuration": "30m",
            "implementationPlan": "1. apply", "rollbackPlan": "1. revert", "rollbackTriggers": ["Error rate above 5% for 2 minutes"],
            "preflightChecks": ["cluster healthy"], "postChecks": ["smoke tests pass"]}
    return ("POST", "/api/v1/changes", json.dumps(body), {"Content-Type": "application/json", "Authorization": "Bearer " + token})

def rss_mib(field="VmRSS", scale=1024):
    """VmRSS, or RssAnon (heap, stacks, GC: what a leak grows) or RssFile (mapped code and files), or Threads."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / scale
    except OSError:
        pass
    return -1

def scrape():
    """The bot's own numbers: prometheus-net's dotnet_total_memory_bytes is GC.GetTotalMemory(false), the live managed heap."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
    finally:
        conn.close()
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values

def work(index):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    n, mine = 0, {}
    while time.time() < stop:
        n += 1
        filing = claim_filing()
        kind = "file" if filing else ["help", "list", "button", "gate", "gate", "home"][n % 6]
        method, path, body, headers = {"help": lambda: command("help", n), "list": lambda: command("list pending", n),
            "home": lambda: home_opened(index, n),
            "button": lambda: button(n), "gate": gate, "file": lambda: file_change(index, filing)}[kind]()
        sent = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse(); response.read()
            outcome = f"{kind} {response.status}"
        except Exception as error:  # a transport failure is a soak failure, counted, and the connection renewed
            outcome = f"{kind} error {type(error).__name__}"
            conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine.setdefault(kind, []).append(time.perf_counter() - sent)
        with lock:
            counts[outcome] = counts.get(outcome, 0) + 1
    with lock:
        for kind, values in mine.items():
            latencies.setdefault(kind, []).extend(values)

def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0

threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(workers)]
for t in threads: t.start()
samples, next_at = [], began + 30
while any(t.is_alive() for t in threads):
    time.sleep(max(0, next_at - time.time()))
    next_at += 30
    with lock:
        total = sum(counts.values())
    try:
        metrics = scrape()
    except Exception:  # the sample is missing, the run goes on; a dead bot shows up as transport errors
        metrics = {}
    sample = {"t": int(time.time() - began), "rss_mib": round(rss_mib(), 1), "requests": total,
              "anon_mib": round(rss_mib("RssAnon"), 1), "file_mib": round(rss_mib("RssFile"), 1), "threads": int(rss_mib("Threads", 1)),
              "managed_mib": round(metrics.get("dotnet_total_memory_bytes", -1048576) / 1048576, 1),
              "gen2": metrics.get('dotnet_collection_count_total{generation="2"}', -1),
              "load1": float(open("/proc/loadavg").read().split()[0])}
    samples.append(sample)
    print(f"t={sample['t']:4d}s rss={sample['rss_mib']:6.1f} MiB (anon {sample['anon_mib']:.0f}, {sample['threads']} threads) managed={sample['managed_mib']:6.1f} MiB "
          f"gen2={int(sample['gen2'])} load={sample['load1']} requests={total}", flush=True)
for t in threads: t.join()
with open(out, "w") as f:
    json.dump({"counts": counts, "samples": samples, "seconds": time.time() - began,
               "latency_ms": {k: {"n": len(v), "p50": round(percentile(v, 0.5) * 1000, 1), "p99": round(percentile(v, 0.99) * 1000, 1),
                                  "max": round(max(v) * 1000, 1)} for k, v in latencies.items()}}, f, sort_keys=True)
print(json.dumps(counts, sort_keys=True))
bad = sum(v for k, v in counts.items() if " 5" in k or "error" in k)
sys.exit(1 if bad else 0)
