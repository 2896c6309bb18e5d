"""A fake Elasticsearch node that accepts connections and never answers: the fault a real
node shows when its JVM is stuck in garbage collection or its disk hangs, which a running
node cannot be made to show on demand. Used by the fault tests and by the benchmarks."""

from __future__ import annotations

import socket
import threading


class HangingNode:
    """Listens on a free port of 127.0.0.1, accepts every connection, reads what arrives and
    never sends a byte. `requests` counts the HTTP requests that reached it (each one costs
    its client a full read timeout)."""

    def __init__(self):
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(128)
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._connections = []
        self.connections = 0
        self.requests = 0
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._closed.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                self._connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection):
        while not self._closed.is_set():
            try:
                data = connection.recv(65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                # A request line starts every request: "GET /x HTTP/1.1", "POST …".
                self.requests += data.count(b" HTTP/1.1\r\n")

    def close(self):
        self._closed.set()
        self._socket.close()
        with self._lock:
            for connection in self._connections:
                try:
                    connection.close()
                except OSError:
                    pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
