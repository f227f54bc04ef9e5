"""
The seam for fault injection: a queue of one-shot faults the app consults before answering each request.

A fault is a function of the incoming request that returns the `Reply` to send instead of the exchange's answer
(a 429 with Retry-After, a 5xx, an HTML page, a malformed body, a delayed answer), or None to let the request
through untouched and stay queued.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import attrs

from exchange_clients.simulator._wire import Incoming, Reply


__all__ = ["Fault", "FaultQueue"]

Fault = Callable[[Incoming], Reply | None]


@attrs.define
class _Queued:
    exchange: str | None
    fault: Fault
    remaining: int | None


class FaultQueue:
    """
    Faults waiting to be served, first queued first served, each answering `times` requests (None: every one).

    A fault queued for an exchange only sees that exchange's requests; one queued for None sees every request.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[_Queued] = []

    def push(self, fault: Fault, *, exchange: str | None = None, times: int | None = 1) -> None:
        """Queue `fault` for the next `times` requests of `exchange` (or of any exchange) it chooses to answer."""
        with self._lock:
            self._queue.append(_Queued(exchange, fault, times))

    def take(self, incoming: Incoming) -> Reply | None:
        """The reply of the first queued fault that answers `incoming` (used up after its `times`); else None."""
        with self._lock:
            for queued in self._queue:
                if queued.exchange not in {None, incoming.exchange}:
                    continue
                reply = queued.fault(incoming)
                if reply is not None:
                    if queued.remaining is not None:
                        queued.remaining -= 1
                        if queued.remaining == 0:
                            self._queue.remove(queued)
                    return reply
            return None

    def clear(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._queue.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._queue)
