"""
What the simulator remembers between requests: accepted nonces per key, the request log and the JSON-RPC ids.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal

import attrs

from exchange_clients.simulator._faults import FaultQueue
from exchange_clients.simulator._orders import SimulatedOrders
from exchange_clients.simulator._streams import StreamHub
from exchange_clients.simulator._wire import Incoming, Reply


if TYPE_CHECKING:
    from exchange_clients.simulator._accounts import SimulatedAccounts


__all__ = ["NonceBook", "RecordedRequest", "RequestLog", "State"]

Outcome = Literal["accepted", "rejected", "fault"]
NonceVerdict = Literal["accepted", "duplicate", "below"]


@attrs.frozen
class RecordedRequest:
    """
    One request the simulator answered, with what it decided.

    `outcome` is `accepted` when the request was authenticated and answered with data, `rejected` when the
    exchange's own error was sent (`reason` is that error's reason or code), `fault` when an injected fault
    answered instead. Headers carry API keys and signatures but never a secret.
    """

    exchange: str
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    outcome: Outcome
    reason: str | None
    status: int
    response: bytes = attrs.field(repr=False)


class NonceBook:
    """Every nonce or timestamp accepted, per exchange and key, in arrival order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], list[int]] = {}

    def advance(self, exchange: str, key: str, nonce: int) -> NonceVerdict:
        """Accept `nonce` only if it is above every nonce accepted for the key; say why not otherwise."""
        with self._lock:
            seen = self._seen.setdefault((exchange, key), [])
            if nonce in seen:
                return "duplicate"
            if seen and nonce < seen[-1]:
                return "below"
            seen.append(nonce)
            return "accepted"

    def record(self, exchange: str, key: str, value: int) -> None:
        """Remember an accepted timestamp that need not increase (DigiFinex, Derive)."""
        with self._lock:
            self._seen.setdefault((exchange, key), []).append(value)

    def seen(self, exchange: str, key: str) -> list[int]:
        """A copy of the accepted values for the key, oldest first."""
        with self._lock:
            return list(self._seen.get((exchange, key), []))


class RequestLog:
    """The requests answered so far, oldest first; safe to read from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RecordedRequest] = []

    def add(self, incoming: Incoming, reply: Reply, *, fault: bool) -> RecordedRequest:
        """Record `incoming` with the reply sent for it."""
        outcome: Outcome = "fault" if fault else ("accepted" if reply.rejection is None else "rejected")
        record = RecordedRequest(
            exchange=incoming.exchange,
            method=incoming.method,
            path=incoming.path,
            query=incoming.query.decode("latin-1"),
            headers=dict(incoming.headers),
            body=incoming.body,
            outcome=outcome,
            reason=reply.rejection,
            status=reply.status,
            response=reply.content,
        )
        with self._lock:
            self._records.append(record)
        return record

    def all(self) -> list[RecordedRequest]:
        """A copy of the log."""
        with self._lock:
            return list(self._records)


@attrs.define
class State:
    """Everything a handler may consult or change, shared by every exchange of one simulator."""

    accounts: SimulatedAccounts
    orders: SimulatedOrders
    clock: Callable[[], float]
    nonces: NonceBook = attrs.field(factory=NonceBook)
    log: RequestLog = attrs.field(factory=RequestLog)
    faults: FaultQueue = attrs.field(factory=FaultQueue)
    streams: StreamHub = attrs.field(factory=StreamHub)
    tokens: dict[str, float] = attrs.field(factory=dict)
    """The Unified WebSocket tokens issued (Kraken's Spot GetWebSocketsToken) and when, for the stream to check."""
    tokens_used: list[str] = attrs.field(factory=list)
    """Each token a stream subscription was accepted with, in order (one per connection, if the client is right)."""
    rest_off: set[str] = attrs.field(factory=set)
    """The exchanges whose REST API is switched off, answering as a decommissioned API would (Kraken Futures')."""
    _rpc_ids: itertools.count[int] = attrs.field(factory=lambda: itertools.count(1))

    def next_rpc_id(self) -> int:
        """A fresh JSON-RPC response id (Derive's REST answers carry one although the request has none)."""
        return next(self._rpc_ids)
