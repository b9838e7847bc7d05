"""A loopback TCP proxy for fault tests: cut connections after N bytes, or swallow everything."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


def _reset(sock: socket.socket) -> None:
    """Close with RST, like a cable pulled mid-transfer rather than a polite goodbye.
    shutdown(SHUT_RD) first: closing a socket another thread blocks on does not wake it."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)
    with contextlib.suppress(OSError):
        sock.close()


class Proxy:
    """Forwards 127.0.0.1:port to the target. `cut_after` bytes in either direction (summed
    per connection) resets both sides; `blackhole` accepts and never answers."""

    def __init__(self, target_port: int, cut_after: int | None = None, blackhole: bool = False):
        self.target_port = target_port
        self.cut_after = cut_after
        self.blackhole = blackhole
        self.cuts = 0
        self.total = 0  # bytes passed, every connection and direction
        self.stalled = False  # True: keep connections open but pass nothing (a hung network)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str) -> str:
        return url.replace(f":{self.target_port}/", f":{self.port}/")

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if self._closed:
                    _reset(client)
                    return
                self._sockets.append(client)
            if self.blackhole:
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._sockets.append(upstream)
            counter = [0]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b, client, upstream, counter),
                                 daemon=True).start()  # fmt: skip

    def _pump(self, src: socket.socket, dst: socket.socket, client: socket.socket,
              upstream: socket.socket, counter: list[int]) -> None:  # fmt: skip
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            with self._lock:
                counter[0] += len(data)
                self.total += len(data)
                cut = self.cut_after is not None and counter[0] > self.cut_after
            if cut:
                self.cuts += 1
                break
            if self.stalled:
                continue
            try:
                dst.sendall(data)
            except OSError:
                break
        _reset(client)
        _reset(upstream)

    def kill(self) -> None:
        """Drop every connection at once and stop listening."""
        with self._lock:
            self._closed = True
            sockets, self._sockets = self._sockets, []
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in sockets:
            _reset(sock)
