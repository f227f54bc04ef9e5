"""
uvicorn in a background thread, listening on sockets bound before it starts (so their ports are known up front).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Sequence

import uvicorn
from starlette.applications import Starlette


__all__ = ["ServerThread", "bind_sockets"]


def bind_sockets(host: str, ports: Sequence[int]) -> list[socket.socket]:
    """Listening TCP sockets on `host`, one per port (0 = a free port); all or none."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    for port in ports:
        try:
            sock = socket.create_server((host, port), family=family)
        except OSError:
            for bound in sockets:
                bound.close()
            raise
        # Accepted connections inherit this. Without it uvicorn's separate writes of a response's head and body
        # meet the client's delayed ACK on a kept-alive connection, and every request after the first takes 40 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sockets.append(sock)
    return sockets


class ServerThread:
    """One uvicorn server serving `app` on `sockets` from a daemon thread; `start` returns once it listens."""

    def __init__(self, app: Starlette, sockets: list[socket.socket]) -> None:
        # No log_config: uvicorn must not reconfigure the host program's logging. h11 and asyncio are pinned so the
        # simulator behaves the same whether or not httptools/uvloop happen to be installed.
        config = uvicorn.Config(
            app,
            lifespan="off",
            http="h11",
            # The sans-I/O protocol of websockets (a runtime dependency already), for the exchanges' order streams.
            ws="websockets-sansio",
            loop="asyncio",
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._sockets = sockets
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": sockets}, name="exchange-clients-simulator", daemon=True
        )

    def start(self, timeout: float = 10.0) -> None:
        """Start serving and wait until every socket accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                msg = "the simulator's HTTP server did not start"
                raise RuntimeError(msg)
            time.sleep(0.005)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to exit, wait for its thread, and close the sockets."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        for sock in self._sockets:
            sock.close()

    @property
    def alive(self) -> bool:
        """Whether the server thread is still running."""
        return self._thread.is_alive()
