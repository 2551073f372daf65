"""The soak run's summary, from the files run.sh leaves in OUT: drive.json (counts, latencies, 30 s samples),
app.log (the bot's JSON log), metrics-end.txt / metrics-drained.txt (/metrics as traffic stopped and once the outbox
drained), slack.json (calls the Slack stand-in took), counters.csv (dotnet-counters, when it ran).

Memory is flat when both hold, comparing the last third of the run with the middle third (the first third is warm-up:
JIT, pools, caches filling):
  - RSS: the mean of the last third's samples is at most 10 % above the middle third's;
  - managed heap after GC (dotnet-counters' dotnet.gc.last_collection.heap.size summed over generations, the median
    of each third; without dotnet-counters, the lowest dotnet_total_memory_bytes sample of each third, the nearest the
    bot exposes): the last third's is at most 10 % or 2 MiB above the middle third's, whichever is more (a heap of
    ~10 MiB moves by a few MiB with whether the last GC was a gen0 or a gen2 one).
Exit status: non-zero on any 5xx or transport error (the driver's status), any Error or Critical log line, or memory
that is not flat. Warnings are counted by message template and listed: each is a finding to read, not a failure.
Usage: summary.py OUT LOAD_BEFORE LOAD_AFTER DRIVER_STATUS [BOT_ENV]"""
import collections, csv, json, os, re, sys

out, load_before, load_after, driver_status = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
bot_env = sys.argv[5] if len(sys.argv) > 5 else ""
TOLERANCE = 1.10
HEAP_SLACK_MIB = 2
drive = json.load(open(os.path.join(out, "drive.json"))) if os.path.exists(os.path.join(out, "drive.json")) else {}
failed = []

def metrics(name):
    values = {}
    path = os.path.join(out, name)
    if os.path.exists(path):
        for line in open(path):
            if line.strip() and not line.startswith("#"):
                key, _, value = line.rstrip().rpartition(" ")
                values[key] = float(value)
    return values

def series(values, prefix):
    """{labels: value} for every sample of one metric, labels as the text between the braces."""
    found = {}
    for key, value in values.items():
        match = re.fullmatch(re.escape(prefix) + r"(?:\{(.*)\})?", key)
        if match:
            found[match.group(1) or ""] = value
    return found

def thirds(values):
    n = len(values) // 3
    return (values[n:2 * n], values[2 * n:]) if n else ([], [])

print(f"=== soak summary ({drive.get('seconds', 0):.0f} s{', ' + bot_env if bot_env else ''}) ===")
counts = drive.get("counts", {})
print(f"requests: {sum(counts.values())}")
for outcome, n in sorted(counts.items()):
    print(f"  {n:8d}  {outcome}")
bad = sum(n for outcome, n in counts.items() if " 5" in outcome or "error" in outcome)
print(f"5xx or transport errors: {bad}")
if driver_status or bad:
    failed.append(f"{bad} answers were 5xx or transport errors")
print("latency by kind (ms):")
for kind, stats in sorted(drive.get("latency_ms", {}).items()):
    print(f"  {kind:7s} n={stats['n']:7d}  p50={stats['p50']:7.1f}  p99={stats['p99']:7.1f}  max={stats['max']:7.1f}")

levels, messages = collections.Counter(), collections.Counter()
log = os.path.join(out, "app.log")
for line in open(log, errors="replace") if os.path.exists(log) else []:
    if not line.startswith("{"):
        continue
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    level = entry.get("LogLevel", "?")
    if level in ("Warning", "Error", "Critical"):
        levels[level] += 1
        template = (entry.get("State") or {}).get("{OriginalFormat}") or entry.get("Message", "?")
        messages[(level, entry.get("Category", "?"), template)] += 1
print(f"bot log at warning or above: {dict(levels) or 0}")
for (level, category, template), n in messages.most_common(20):
    print(f"  {n:8d}  {level:8s} {category.rsplit('.', 1)[-1]}: {template[:140]}")
if levels["Error"] or levels["Critical"]:
    failed.append(f"{levels['Error'] + levels['Critical']} errors logged")

end, drained = metrics("metrics-end.txt"), metrics("metrics-drained.txt") or metrics("metrics-end.txt")
print("jobs fired (changebot_scheduler_firing_delay_seconds):")
fired = series(drained, "changebot_scheduler_firing_delay_seconds_count")
sums = series(drained, "changebot_scheduler_firing_delay_seconds_sum")
for labels, n in sorted(fired.items()):
    buckets = sorted((float(re.search(r'le="([^"]+)"', k).group(1).replace("+Inf", "inf")), v)
                     for k, v in series(drained, "changebot_scheduler_firing_delay_seconds_bucket").items() if labels in k)
    def at_most(q):
        return next((le for le, c in buckets if c >= q * n), float("inf"))
    print(f"  {int(n):6d}  {labels}  mean delay {sums.get(labels, 0) / n if n else 0:.3f} s, p50 <= {at_most(0.5)} s, p99 <= {at_most(0.99)} s")
if not fired:
    print("  none")
states = {k.replace("state=", "").strip('"'): int(v) for k, v in series(drained, "changebot_changes").items()}
print("change requests by state:", ", ".join(f"{k}={v}" for k, v in sorted(states.items())) or "?")
for name in ("changebot_outbox_depth", "changebot_outbox_dead_letters"):
    print(f"{name}: {end.get(name, '?')} when traffic stopped, {drained.get(name, '?')} after draining")
slack = json.load(open(os.path.join(out, "slack.json"))) if os.path.exists(os.path.join(out, "slack.json")) else {}
print("calls the Slack stand-in took:", ", ".join(f"{k}={v}" for k, v in sorted(slack.items())) or "none")

samples = [s for s in drive.get("samples", []) if s.get("rss_mib", -1) > 0]
rss = [s["rss_mib"] for s in samples]
print("RSS (MiB) every 30 s:", " ".join(f"{v:.0f}" for v in rss))
if rss:
    print(f"RSS first {rss[0]:.1f}, min {min(rss):.1f}, max {max(rss):.1f}, last {rss[-1]:.1f} MiB")
print("  of which anonymous (heaps, stacks):", " ".join(f"{s.get('anon_mib', 0):.0f}" for s in samples))
print("threads:", " ".join(str(s.get("threads", 0)) for s in samples))
print("managed heap, GC.GetTotalMemory (MiB) every 30 s:", " ".join(f"{s['managed_mib']:.0f}" for s in samples))
print("load average (1 min) every 30 s:", " ".join(f"{s.get('load1', 0):.1f}" for s in samples), f"(before {load_before}, after {load_after})")
gen2 = [s.get("gen2", -1) for s in samples]
if gen2:
    print(f"gen2 collections: {int(gen2[-1])}")

heap_after_gc, counters = [], os.path.join(out, "counters.csv")
if os.path.exists(counters):
    # dotnet-counters writes one row per counter (and per generation) each refresh; sum the generations per timestamp.
    by_time = collections.defaultdict(float)
    with open(counters) as f:
        for row in csv.DictReader(f):
            name = row.get("Counter Name", "")
            if name.startswith("dotnet.gc.last_collection.heap.size"):
                by_time[row["Timestamp"]] += float(row.get("Mean/Increment") or 0)
    heap_after_gc = [v / 1048576 for _, v in sorted(by_time.items())]
    with open(counters) as f:
        committed = [float(row.get("Mean/Increment") or 0) / 1048576 for row in csv.DictReader(f)
                     if row.get("Counter Name", "").startswith("dotnet.gc.last_collection.memory.committed_size")]
    if committed:
        print("GC committed memory after the last GC (MiB, every 10 s):", " ".join(f"{v:.0f}" for v in committed))
if heap_after_gc:
    print("managed heap after the last GC (MiB, dotnet-counters every 10 s):", " ".join(f"{v:.0f}" for v in heap_after_gc))
    heap_rule, heap_middle, heap_last = "after GC, median", *(sorted(t)[len(t) // 2] if t else 0 for t in thirds(heap_after_gc))
else:
    managed = [s["managed_mib"] for s in samples if s["managed_mib"] > 0]
    heap_rule, heap_middle, heap_last = "lowest sample", *(min(t) if t else 0 for t in thirds(managed))

def per_minute(values, every_s):
    """The least-squares slope in MiB a minute: the trend the thirds rule may hide when it passes narrowly."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    return sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values)) / sum((i - mean_x) ** 2 for i in range(n)) * 60 / every_s

rss_middle, rss_last = (sum(t) / len(t) if t else 0 for t in thirds(rss))
print(f"trend over the last third: RSS {per_minute(thirds(rss)[1], 30):+.1f} MiB/min"
      + (f", heap after GC {per_minute(thirds(heap_after_gc)[1], 10):+.1f} MiB/min" if heap_after_gc else ""))
flat_rss = bool(rss_middle) and rss_last <= rss_middle * TOLERANCE
flat_heap = bool(heap_middle) and heap_last <= max(heap_middle * TOLERANCE, heap_middle + HEAP_SLACK_MIB)
print(f"RSS mean middle third {rss_middle:.1f} MiB, last third {rss_last:.1f} MiB: {'flat' if flat_rss else 'GROWING'} (rule: last <= middle x {TOLERANCE})")
print(f"managed heap ({heap_rule}) middle third {heap_middle:.1f} MiB, last third {heap_last:.1f} MiB: {'flat' if flat_heap else 'GROWING'} (rule: last <= max(middle x {TOLERANCE}, middle + {HEAP_SLACK_MIB} MiB))")
if not (flat_rss and flat_heap):
    failed.append("memory is not flat")
print("verdict:", "PASS" if not failed else "FAIL: " + "; ".join(failed))
sys.exit(1 if failed else 0)
