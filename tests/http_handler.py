"""What the tests' local HTTP servers (127.0.0.1 only) share: a quiet handler base class
with one `_send(status, content_type, body, headers)` that writes a whole response, and
`serving(handler)`, a threaded server on a free port, yielding its base URL."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(handler):
    """A threaded server of `handler` on 127.0.0.1 -> its base URL; stopped at the end. A
    client that hangs up early (timeouts, size caps) is expected: no tracebacks on stderr."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.handle_error = lambda request, address: None
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # bodies end with the connection: no chunking to write

    def _send(self, status, content_type, body, headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if not any(name.lower() == "content-length" for name, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass
