"""A Slack stand-in for the soak run only, on 127.0.0.1: answers every Web API method ok, as Slack does for good calls,
and a POST to /response/… (the driver's response_url) with 200 and a bare `ok`, as Slack's response_url does.
GET /_counts answers how many calls it took by method, for the run's summary."""
import collections, itertools, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counter = itertools.count(1)
calls, lock = collections.Counter(), threading.Lock()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Slack serves it, so the bot's connection pool is exercised as in production

    def do_GET(self):
        self.answer(json.dumps(dict(calls)).encode(), "application/json")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        method = "response_url" if self.path.startswith("/response/") else self.path.rsplit("/", 1)[-1]
        with lock:
            calls[method] += 1
        if method == "response_url":
            self.answer(b"ok", "text/plain; charset=utf-8")
            return
        try:
            args = json.loads(body or b"{}")
        except ValueError:
            args = {}
        answer = {"ok": True, "channel": args.get("channel", "C0SOAK"), "ts": "1772532000.%06d" % next(counter)}
        if method == "auth.test":
            answer.update(team_id="T0SOAK", user_id="U0BOT", bot_id="B0BOT")
        if method == "users.info":
            answer["user"] = {"id": args.get("user", "U0"), "is_bot": False, "deleted": False, "tz": "UTC", "tz_offset": 0}
        if method == "usergroups.users.list":
            answer["users"] = []
        self.answer(json.dumps(answer).encode(), "application/json; charset=utf-8")

    def answer(self, data, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

class Server(ThreadingHTTPServer):
    # The default backlog of 5 refuses connections when the bot opens many at once (views.publish bursts), and the
    # bot then logs a connection failure that is the stand-in's, not its own.
    request_queue_size = 128
    daemon_threads = True

Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
