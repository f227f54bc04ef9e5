"""
The simulator's live stream connections, and the messages pushed to them from any thread.

A test (in its own thread) changes an order or injects a stream fault; each connection of that exchange runs in the
server's event loop. `publish` hands a message to every connection's queue through that loop, thread-safely, and a
connection's writer sends what its queue holds.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

import attrs
from starlette.websockets import WebSocket, WebSocketDisconnect


__all__ = ["DROP", "StreamHub", "serve_queue"]

DROP = object()
"""Put in a connection's queue: the connection ends at once, without a closing handshake (as a network loss does)."""


@attrs.frozen(eq=False)
class _Connection:
    exchange: str
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[object]


class StreamHub:
    """Every open stream connection, by exchange; what is published reaches each connection subscribed then."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: list[_Connection] = []

    @contextmanager
    def connection(self, exchange: str) -> Iterator[asyncio.Queue[object]]:
        """Register the calling connection (in the server's loop) for as long as the block runs; yields its queue."""
        queue: asyncio.Queue[object] = asyncio.Queue()
        connection = _Connection(exchange, asyncio.get_running_loop(), queue)
        with self._lock:
            self._connections.append(connection)
        try:
            yield queue
        finally:
            with self._lock:
                self._connections.remove(connection)

    def publish(self, exchange: str, message: object) -> int:
        """Queue `message` (text, or DROP) for every connection of `exchange`; how many there were."""
        with self._lock:
            targets = [connection for connection in self._connections if connection.exchange == exchange]
        for connection in targets:
            connection.loop.call_soon_threadsafe(connection.queue.put_nowait, message)
        return len(targets)

    def count(self, exchange: str) -> int:
        """How many connections of `exchange` are open."""
        with self._lock:
            return sum(connection.exchange == exchange for connection in self._connections)


class _DroppedError(Exception):
    """A DROP reached a connection: it ends now."""


async def serve_queue(
    websocket: WebSocket,
    queue: asyncio.Queue[object],
    *,
    send: Callable[[str], Awaitable[None]] | None = None,
    accepts: Callable[[str], bool] = lambda _message: True,
) -> None:
    """
    Send what `queue` holds until the client leaves, or a DROP ends the connection.

    What the client sends after subscribing is read and ignored. `send` writes one message (default: as a text frame);
    `accepts` says whether this connection subscribed to a message (DigiFinex subscribes per market).
    """
    write_text = send or websocket.send_text

    async def read() -> None:
        while True:
            await websocket.receive_text()

    async def write() -> None:
        while True:
            message = await queue.get()
            if message is DROP:
                raise _DroppedError
            if accepts(str(message)):
                await write_text(str(message))

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(read())
            group.create_task(write())
    except* WebSocketDisconnect:
        pass  # the client left: nothing to close
    except* _DroppedError:
        # Decision: a drop is a close with 1011 (server error) and no reason: uvicorn offers no public way to cut the
        # TCP connection without a closing handshake, and either way the client's connection is gone.
        await websocket.close(code=1011)
