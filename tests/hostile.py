"""
Servers on 127.0.0.1 that misbehave on purpose, each bounded in time and bytes so that a test can never hang on one.

Each behaviour is a function that writes to an accepted socket; `HostileServer` accepts connections in a thread and
runs the behaviour for each until the client goes away, the behaviour ends, or MAX_SECONDS pass.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Self


MAX_SECONDS = 20.0
"""No behaviour writes for longer than this, whatever the client does."""

Behaviour = Callable[[socket.socket, float], None]


def _pace(connection: socket.socket, deadline: float, pieces: Iterator[bytes], every: float) -> None:
    for piece in pieces:
        if time.monotonic() > deadline:
            return
        connection.sendall(piece)
        if every:
            time.sleep(every)


def slow_headers(connection: socket.socket, deadline: float) -> None:
    """A status line, then one header line every 0.2 s, never the blank line that ends them."""
    lines = (b"X-Slow-%d: yes\r\n" % n for n in range(10_000))
    _pace(connection, deadline, iter([b"HTTP/1.1 200 OK\r\n", *lines]), 0.2)


def endless_1xx(connection: socket.socket, deadline: float) -> None:
    """One `103 Early Hints` after another, every 0.2 s, never a final response."""
    _pace(connection, deadline, (b"HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n" for _ in range(10_000)), 0.2)


def slow_body(connection: socket.socket, deadline: float) -> None:
    """A 200 promising a body, then one byte every 0.2 s."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    _pace(connection, deadline, iter([head, *(b" " for _ in range(100_000))]), 0.2)


def endless_chunks(connection: socket.socket, deadline: float) -> None:
    """A chunked 200 whose 64 KiB chunks never end (at most 4 GiB, far beyond any cap)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    _pace(connection, deadline, iter([head, *(chunk for _ in range(65_536))]), 0)


def gzip_bomb(connection: socket.socket, deadline: float) -> None:
    """About 250 KB of gzip that decodes to 256 MiB of spaces, eight times the default cap."""
    body = _bomb()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
    _pace(connection, deadline, iter([head + b"Content-Length: %d\r\n\r\n" % len(body), body]), 0)


def huge_html(connection: socket.socket, deadline: float) -> None:
    """A 503 maintenance page of 300 MB."""
    size = 300 * 1024 * 1024
    head = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % size
    piece = b"<p>" + b"x" * (0x10000 - 3)
    _pace(connection, deadline, iter([head, *(piece for _ in range(size // len(piece) + 1))]), 0)


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    if not _BOMB:
        # Compressed a MiB at a time, so that making the bomb does not itself take 256 MiB.
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        megabyte = b" " * (1 << 20)
        parts = [compressor.compress(megabyte) for _ in range(256)]
        _BOMB.append(b"".join([*parts, compressor.flush()]))
    return _BOMB[0]


class HostileServer:
    """A listening socket on 127.0.0.1 that answers every connection with `behaviour`, each in its own thread."""

    def __init__(self, behaviour: Behaviour) -> None:
        self._behaviour = behaviour
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self.connections = 0

    @property
    def url(self) -> str:
        """The base URL to give a client."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection, suppress(OSError):
            connection.settimeout(MAX_SECONDS)
            connection.recv(65_536)  # the request (its first bytes are enough: the answer ignores it)
            self._behaviour(connection, time.monotonic() + MAX_SECONDS)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stopped.set()
        self._listener.close()
        self._thread.join(timeout=5)


@contextmanager
def hostile(behaviour: Behaviour) -> Iterator[HostileServer]:
    """A running HostileServer, stopped on exit."""
    with HostileServer(behaviour) as server:
        yield server
