"""A Slack Web API stand-in for the soak run only: answers every method ok, as Slack does for good calls, on 127.0.0.1."""
import itertools, json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counter = itertools.count(1)

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        try:
            args = json.loads(body or b"{}")
        except ValueError:
            args = {}
        answer = {"ok": True, "channel": args.get("channel", "C0SOAK"), "ts": "1772532000.%06d" % next(counter)}
        if self.path.endswith("auth.test"):
            answer.update(team_id="T0SOAK", user_id="U0BOT", bot_id="B0BOT")
        if self.path.endswith("users.info"):
            answer["user"] = {"id": args.get("user", "U0"), "is_bot": False, "deleted": False, "tz": "UTC", "tz_offset": 0}
        if self.path.endswith("usergroups.users.list"):
            answer["users"] = []
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
