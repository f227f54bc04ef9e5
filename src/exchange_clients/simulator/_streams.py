"""
The simulator's live stream connections, the messages pushed to them from any thread, and the faults they suffer.

A test (in its own thread) changes an order or injects a stream fault; each connection of that exchange runs in the
server's event loop. `publish` hands a message to every connection's queue through that loop, thread-safely, and a
connection's writer sends what its queue holds.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal, get_args

import attrs
from starlette.websockets import WebSocket, WebSocketDisconnect


__all__ = [
    "DROP",
    "EXPIRE",
    "STALL",
    "Published",
    "StreamFault",
    "StreamHub",
    "Subscribed",
    "frame_object",
    "serve_queue",
    "stream_logins",
]

StreamFault = Literal["duplicate", "reorder", "lose", "stall", "drop", "expire_auth"]
"""
What can go wrong on a stream. Of the next message: `duplicate` (sent twice), `reorder` (sent after the message that
follows it), `lose` (never sent). Of every open connection, at once: `stall` (silent: nothing sent, no request
answered, the connection left open), `drop` (ended without a reason), `expire_auth` (ended as an expired login is).
"""

_MESSAGE_FAULTS = frozenset({"duplicate", "reorder", "lose"})

DROP = object()
"""Put in a connection's queue: the connection ends at once, as a network loss does."""
STALL = object()
"""Put in a connection's queue: from now on the connection sends nothing and answers nothing, but stays open."""
EXPIRE = object()
"""Put in a connection's queue: the exchange ends the connection because its authentication expired."""

_CONNECTION_FAULTS = {"stall": STALL, "drop": DROP, "expire_auth": EXPIRE}

# Decision: no exchange here documents how it ends a session whose login expired. The simulator closes with 1008
# (policy violation) and says why, which is how a WebSocket server refuses to go on for a reason of its own (RFC 6455
# section 7.4.1); the client must take it as a reason to log in again, not as a refusal of its credentials.
_EXPIRED_CODE = 1008
_EXPIRED_REASON = "authentication expired"
# Decision: a drop is a close with 1011 (server error) and no reason: uvicorn offers no public way to cut the TCP
# connection without a closing handshake, and either way the client's connection is gone.
_END = {id(DROP): (1011, ""), id(EXPIRE): (_EXPIRED_CODE, _EXPIRED_REASON)}


@attrs.frozen
class Published:
    """
    One message published on an exchange's stream, with its number among everything published there.

    The number is taken when the message is published, so a duplicated message keeps it, a lost one leaves a hole,
    and a reordered one arrives after a higher one: what a numbered stream (Kraken's `sequence`) shows of each fault.
    """

    number: int
    text: str

    def __str__(self) -> str:
        return self.text


@attrs.frozen(eq=False)
class Subscribed:
    """A registered connection: the queue of what is published to it, and the number of the last message before it."""

    queue: asyncio.Queue[object]
    published_before: int


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
        self._faults: dict[str, list[str]] = {}
        self._held: dict[str, list[Published]] = {}
        self._published: dict[str, int] = {}

    @contextmanager
    def connection(self, exchange: str) -> Iterator[Subscribed]:
        """Register the calling connection (in the server's loop) for as long as the block runs."""
        queue: asyncio.Queue[object] = asyncio.Queue()
        connection = _Connection(exchange, asyncio.get_running_loop(), queue)
        with self._lock:
            self._connections.append(connection)
            # Under the same lock: every message numbered above this reaches the connection, none below does.
            subscribed = Subscribed(queue, self._published.get(exchange, 0))
        try:
            yield subscribed
        finally:
            with self._lock:
                self._connections.remove(connection)

    def inject(self, exchange: str, fault: StreamFault) -> int:
        """
        Make `fault` happen on `exchange`'s stream; how many connections are open now.

        A fault of the next message waits for it (faults queued together strike messages in turn); a fault of the
        connections strikes every open one now.
        """
        if fault not in get_args(StreamFault):
            msg = f"unknown stream fault {fault!r}; expected one of {', '.join(get_args(StreamFault))}"
            raise ValueError(msg)
        if fault in _MESSAGE_FAULTS:
            with self._lock:
                self._faults.setdefault(exchange, []).append(fault)
            return self.count(exchange)
        return self._deliver(exchange, [_CONNECTION_FAULTS[fault]])

    def publish(self, exchange: str, text: str) -> int:
        """Send `text` to every connection of `exchange`, unless a queued fault strikes it; how many there were."""
        with self._lock:
            self._published[exchange] = self._published.get(exchange, 0) + 1
            message = Published(self._published[exchange], text)
            faults = self._faults.get(exchange)
            fault = faults.pop(0) if faults else None
            held = self._held.pop(exchange, [])
            if fault == "reorder":
                self._held[exchange] = [*held, message]
                messages: list[object] = []
            elif fault == "lose":
                messages = list(held)
            elif fault == "duplicate":
                messages = [message, message, *held]
            else:
                messages = [message, *held]
        return self._deliver(exchange, messages)

    def _deliver(self, exchange: str, messages: list[object]) -> int:
        with self._lock:
            targets = [connection for connection in self._connections if connection.exchange == exchange]
        for connection in targets:
            for message in messages:
                connection.loop.call_soon_threadsafe(connection.queue.put_nowait, message)
        return len(targets)

    def count(self, exchange: str) -> int:
        """How many connections of `exchange` are open."""
        with self._lock:
            return sum(connection.exchange == exchange for connection in self._connections)


class _EndedError(Exception):
    """A DROP or an EXPIRE reached a connection: it ends now, with this close code and reason."""

    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(code, reason)
        self.code, self.reason = code, reason


def stream_logins(exchange: str) -> str:
    """The nonce book's name for an exchange's stream logins, kept apart from its REST requests' nonces."""
    return f"{exchange}-stream"


def frame_object(text: str) -> dict[str, Any]:
    """A client's frame as the JSON object it should be; an empty one for anything else (refused by its method)."""
    try:
        frame = json.loads(text)
    except ValueError:
        frame = None
    return frame if isinstance(frame, dict) else {}


async def serve_queue(
    websocket: WebSocket,
    queue: asyncio.Queue[object],
    *,
    send: Callable[[str], Awaitable[None]] | None = None,
    accepts: Callable[[str], bool] = lambda _message: True,
    answer: Callable[[str], str | None] = lambda _request: None,
    render: Callable[[Published], str] = str,
) -> None:
    """
    Send what `queue` holds until the client leaves, or a fault ends the connection.

    `send` writes one message (default: as a text frame); `accepts` says whether this connection subscribed to a
    message (DigiFinex subscribes per market); `answer` is the reply to a request the client sends once subscribed
    (its liveness pings), None for no reply; `render` writes a published message as this connection sends it
    (Kraken numbers each connection's messages). A stalled connection keeps reading, so that it notices the client
    leaving, but neither sends nor answers again.
    """
    served = _Served(send or websocket.send_text, accepts, answer, render)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(served.answer_requests(websocket))
            group.create_task(served.send_queued(queue))
    except* WebSocketDisconnect:
        pass  # the client left: nothing to close
    except* _EndedError as ended:
        for end in ended.exceptions:
            if isinstance(end, _EndedError):  # always: except* narrows the group, not the type checker
                await websocket.close(code=end.code, reason=end.reason)
                break


@attrs.define
class _Served:
    """One subscribed connection's two halves: answering what the client asks, sending what is queued."""

    write_text: Callable[[str], Awaitable[None]]
    accepts: Callable[[str], bool]
    answer: Callable[[str], str | None]
    render: Callable[[Published], str]
    stalled: bool = False

    async def answer_requests(self, websocket: WebSocket) -> None:
        while True:
            reply = self.answer(await websocket.receive_text())
            if reply is not None and not self.stalled:
                await self.write_text(reply)

    async def send_queued(self, queue: asyncio.Queue[object]) -> None:
        while True:
            message = await queue.get()
            if message is STALL:
                self.stalled = True
            elif (end := _END.get(id(message))) is not None:
                raise _EndedError(*end)
            elif not self.stalled and isinstance(message, Published) and self.accepts(message.text):
                await self.write_text(self.render(message))
