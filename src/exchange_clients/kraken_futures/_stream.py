"""
Kraken Futures' order stream: the Unified WebSocket's `executions` channel, opened with a fresh token each time.

Kraken's Unified WebSocket page: "To use the Unified WebSocket you need a Kraken API key, not a Derivatives API key
... Tokens are short-lived; obtain a fresh token on each connection." Subscribing to `executions` with
`asset_class: derivatives` sends a snapshot ("all open orders and latest 50 trades" with snap_orders and snap_trades)
and then every report (unified-ws/executions). Messages, sources and decisions: specs/kraken_futures/asyncapi.yaml.

After 1 March 2027 this is the only source of a Kraken Futures order's state: `snapshot_orders` is how get_order reads
an open order without REST.
"""

from __future__ import annotations

import itertools
import json
from types import MappingProxyType
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from exchange_clients._binding import RequestOptions
from exchange_clients._errors import AuthenticationError, ExchangeError, InvalidRequestError
from exchange_clients._frames import frame_json
from exchange_clients._order import Exchange, Order
from exchange_clients._redact import Redactor
from exchange_clients._watch import RedactedFrames, StreamBinding, StreamGapError, WatchSetup
from exchange_clients.generated.streams.kraken_futures import ExecutionReport
from exchange_clients.kraken_futures._auth import KrakenFuturesCredentials
from exchange_clients.kraken_futures._token import SPOT_ERRORS, default_nonce, token_client, websocket_token
from exchange_clients.kraken_futures._updates import ExecutionBook


__all__ = ["STREAM", "STREAM_URLS", "snapshot_orders"]

STREAM_URLS = MappingProxyType({"production": "wss://uws.kraken.com/v2/private"})
"""Kraken lists no test endpoint for the Unified WebSocket, and retired the Futures demo on 14 July 2026."""

_IDS = itertools.count(1)

# Kraken's v2 errors are "<category>:<message>" strings; these are the ones a subscription with a bad token meets
# (ESession:Invalid session: kraken-async-rs's fixture, specs/kraken_futures/asyncapi.yaml ErrorResponse).
_REFUSED_LOGIN = ("ESession:", "EAPI:Invalid", "EAuth:")


def _subscription(token: str, request_id: int) -> str:
    params = {
        "channel": "executions",
        "asset_class": "derivatives",
        "token": token,
        "snap_orders": True,
        # The last 50 fills: how an order that closed while the stream was down can still be seen filled.
        "snap_trades": True,
        # Every transition, not only opening and closing ("Otherwise, only open / close transitions").
        "order_status": True,
    }
    return json.dumps({"method": "subscribe", "params": params, "req_id": request_id})


class _Watch:
    """One watch of Kraken Futures' orders: the reports read so far, and what the last subscription's snapshot held."""

    def __init__(self, setup: WatchSetup) -> None:
        self._setup = setup
        self._book = ExecutionBook()
        self._open: list[Order] = []
        self._trades: list[ExecutionReport] = []
        self._sequence: int | None = None

    def binding(self) -> StreamBinding:
        """The binding this watch follows the stream with."""
        return StreamBinding(
            urls=STREAM_URLS,
            handshake=self.handshake,
            read=self.read,
            ping=_ping,
            snapshot=self.snapshot,
            settle=self.settle,
            numbered=True,
        )

    async def _token(self, credentials: KrakenFuturesCredentials) -> str:
        setup = self._setup
        async with token_client(
            credentials, base_url=setup.base_url, timeout=setup.timeout, **setup.httpx_args
        ) as client:
            return await websocket_token(client, default_nonce(credentials))

    async def handshake(
        self, connection: ClientConnection, credentials: KrakenFuturesCredentials, _options: RequestOptions
    ) -> None:
        """Subscribe to `executions` with a fresh token; return once the acknowledgement and the snapshot are in."""
        request_id = next(_IDS)
        await connection.send(_subscription(await self._token(credentials), request_id))
        self._sequence = None
        acknowledged = snapshot = False
        async for frame in connection:
            message = frame_json(frame)
            if not isinstance(message, dict):
                continue
            if message.get("method") == "subscribe" and message.get("req_id") == request_id:
                if message.get("success") is not True:
                    raise _refusal(message)
                acknowledged = True
            elif message.get("channel") == "executions" and message.get("type") == "snapshot":
                self._take_snapshot(message)
                snapshot = True
            if acknowledged and snapshot:
                return
        msg = "the connection closed before Kraken acknowledged the subscription and sent its snapshot"
        raise ConnectionError(msg)

    def _take_snapshot(self, message: dict[str, Any]) -> None:
        self._open, self._trades = self._book.read_snapshot(message)
        self._sequence = _sequence(message)

    def read(self, frame: str | bytes) -> list[Order]:
        """The orders of one `executions` update; nothing for any other frame or for a message seen before."""
        message = frame_json(frame)
        if not isinstance(message, dict) or message.get("channel") != "executions":
            return []
        sequence = _sequence(message)
        if sequence is not None and self._sequence is not None:
            if sequence <= self._sequence:
                return []  # a repeat, or older than what was read: its news is in or behind what is known
            if sequence > self._sequence + 1:
                # Decision (asyncapi.yaml, `sequence`): a jump means lost messages; a fresh subscription's
                # snapshot and the reconciliation recover what they said.
                message_text = f"Kraken's executions skipped from sequence {self._sequence} to {sequence}"
                raise StreamGapError(message_text)
        if sequence is not None:
            self._sequence = sequence
        if message.get("type") == "snapshot":
            self._take_snapshot(message)
            return list(self._open)
        return self._book.read(message)

    def snapshot(self) -> list[Order]:
        return list(self._open)

    def settle(self, gone: list[Order]) -> tuple[list[Order], list[Order]]:
        return self._book.settle(gone, self._trades)


def _sequence(message: dict[str, Any]) -> int | None:
    sequence = message.get("sequence")
    return sequence if isinstance(sequence, int) and not isinstance(sequence, bool) else None


def _refusal(answer: dict[str, Any]) -> ExchangeError:
    code = str(answer.get("error") or "")
    message = f"Kraken refused the subscription to executions: {code or 'no reason given'}"
    # Kraken's v2 errors are written like its Spot REST ones ("<category>:<message>"): an outage or throttling is
    # tried again (SPOT_ERRORS), a refused session or key ends the watch.
    kind = SPOT_ERRORS.get(code) or (AuthenticationError if code.startswith(_REFUSED_LOGIN) else InvalidRequestError)
    return kind(message, exchange=Exchange.KRAKEN_FUTURES, operation="watch_orders", code=code or None)


# The Unified WebSocket's `ping` method (unified-ws/ping), answered by a `pong`.
def _ping() -> str:
    return json.dumps({"method": "ping", "req_id": next(_IDS)})


def _per_watch(setup: WatchSetup) -> StreamBinding:
    return _Watch(setup).binding()


async def _unbound_handshake(_connection: ClientConnection, _credentials: Any, _options: RequestOptions) -> None:
    msg = "Kraken's stream is followed through a binding of each watch's own: STREAM.for_watch"
    raise RuntimeError(msg)


def _unbound_read(_frame: str | bytes) -> list[Order]:
    msg = "Kraken's stream is followed through a binding of each watch's own: STREAM.for_watch"
    raise RuntimeError(msg)


STREAM = StreamBinding(
    urls=STREAM_URLS, handshake=_unbound_handshake, read=_unbound_read, for_watch=_per_watch, numbered=True
)
"""Kraken's stream; each watch follows it with a binding of its own (`for_watch`), holding the reports read so far."""


async def snapshot_orders(setup: WatchSetup, url: str, *, open_timeout: float) -> list[Order]:
    """The open orders of a short-lived subscription's snapshot: a fresh token, a connection, closed once read."""
    watch = _Watch(setup)
    frames = RedactedFrames(Redactor.for_credentials(setup.credentials))
    async with connect(url, logger=frames, open_timeout=open_timeout, close_timeout=1) as connection:
        await watch.handshake(connection, setup.credentials, RequestOptions())
    return watch.snapshot()
