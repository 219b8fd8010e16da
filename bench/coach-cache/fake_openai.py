#!/usr/bin/env python3
"""A loopback stand-in for an OpenAI-compatible chat model, for bench/coach-cache/run.sh.

POST /v1/chat/completions answers every request at once with a canned completion and counts it; GET /calls returns
{"calls": N} (chat completions answered so far). It is not a model: it only lets the benchmark count how many
questions the API actually sent to one. Standard library only.

Usage: fake_openai.py PORT_FILE   (binds 127.0.0.1 on a free port and writes the port to PORT_FILE)
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CANNED = "Based on the passages, here is what the evidence says about your question [1]. Apply it to your profile [2]."

_lock = threading.Lock()
_calls = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the benchmark prints its own summary
        pass

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/calls":
            with _lock:
                self._send(200, {"calls": _calls})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self):
        global _calls
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, {"error": {"message": "not found"}})
            return
        try:
            request = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._send(400, {"error": {"message": "bad json"}})
            return
        with _lock:
            _calls += 1
        self._send(200, {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": request.get("model", "fake-coach"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": CANNED}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
        })


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w", encoding="utf-8") as port_file:
        port_file.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
