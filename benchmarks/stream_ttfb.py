"""Streaming time to first token, for stream-ttfb.sh: a provider stub that streams, and a client that measures.

  python3 stream_ttfb.py stub PORT [CHUNK_DELAY_MS]
      An OpenAI-compatible /v1/chat/completions that streams (server-sent events, chunked): a role chunk and the first
      content chunk at once, then four more content chunks CHUNK_DELAY_MS apart (default 20), a usage chunk and
      [DONE]. One thread per connection, HTTP/1.1 keep-alive.
  python3 stream_ttfb.py measure URL MODEL CALLS [TOKEN]
      CALLS sequential streaming calls on one kept-alive connection; prints one line per call: the milliseconds from
      sending the request to the first event carrying content (not the headers: a gateway may send those first), and
      to the end of the stream.
"""
import http.client
import json
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ["Hel", "lo", " from", " the", " stub"]


def chunk(delta, finish=None, usage=None):
    body = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000, "model": "bench",
            "choices": [] if usage else [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage:
        body["usage"] = usage
    return ("data: " + json.dumps(body, separators=(",", ":")) + "\n\n").encode()


class StreamingStub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    delay = 0.02
    # Each piece goes out at once, as a provider's server sends it: with Nagle's algorithm on, a piece written right
    # after the headers waited for the client's delayed ACK (~40 ms on Linux) before it left.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_piece(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not request.get("stream"):
            body = json.dumps({"id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000,
                               "model": "bench", "choices": [{"index": 0, "message": {"role": "assistant",
                               "content": "".join(WORDS)}, "finish_reason": "stop"}],
                               "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.send_piece(chunk({"role": "assistant", "content": ""}) + chunk({"content": WORDS[0]}))
        for word in WORDS[1:]:
            time.sleep(self.delay)
            self.send_piece(chunk({"content": word}))
        self.send_piece(chunk({}, finish="stop")
                        + chunk(None, usage={"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14})
                        + b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def stub(port, delay_ms="20"):
    StreamingStub.delay = int(delay_ms) / 1000
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), StreamingStub)
    server.daemon_threads = True
    server.serve_forever()


def has_content(line):
    if not line.startswith(b"data:") or line.strip() == b"data: [DONE]":
        return False
    try:
        event = json.loads(line[5:])
    except ValueError:
        return False
    return any((choice.get("delta") or {}).get("content") for choice in event.get("choices") or [])


def measure(url, model, calls, token=None):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
    if token:
        headers["Authorization"] = "Bearer " + token
    body = json.dumps({"model": model, "stream": True, "messages": [{"role": "user", "content": "Say hello."}]})
    for _ in range(int(calls)):
        start = time.perf_counter()
        connection.request("POST", parts.path, body=body, headers=headers)
        response = connection.getresponse()
        if response.status != 200:
            sys.exit(f"{url} answered {response.status}: {response.read()[:300]!r}")
        first = None
        while True:
            line = response.readline()
            if not line:
                break
            if first is None and has_content(line):
                first = time.perf_counter()
            if line.strip() == b"data: [DONE]":
                break
        response.read()  # the rest of the chunked body, so that the connection can be reused
        end = time.perf_counter()
        if first is None:
            sys.exit(f"{url}: a stream without content")
        print(f"{(first - start) * 1000:.3f}\t{(end - start) * 1000:.3f}")


if __name__ == "__main__":
    {"stub": stub, "measure": measure}[sys.argv[1]](*sys.argv[2:])
