"""
The bound on one attempt: `timeout=T` means no attempt lasts longer than T seconds, whatever the server does.

httpx's timeouts bound each read, write and connect, so a server that sends one byte (or one header line, or one
`103` response) a second holds a request as long as it likes. The attempt's deadline is set once, when the attempt
starts, in a context variable that the signers (waiting for a key's lock) and the transport (reading the body)
consult; the async client also runs the whole attempt under `asyncio.timeout`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx


_deadline: ContextVar[float | None] = ContextVar("exchange_clients_attempt_deadline", default=None)


@contextmanager
def attempt_deadline(seconds: float | None) -> Iterator[None]:
    """Within the block, the current attempt must end `seconds` from now (None: no bound beyond httpx's own)."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left in the current attempt (never below zero), or None outside a bounded attempt."""
    deadline = _deadline.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def check(request: httpx.Request, what: str) -> None:
    """Raise httpx.ReadTimeout once the current attempt's time is up; `what` says what was under way."""
    left = remaining()
    if left is not None and left <= 0:
        msg = f"the attempt's time ran out while {what}"
        raise httpx.ReadTimeout(msg, request=request)


def attempt_seconds(timeout: float | httpx.Timeout) -> float | None:
    """The bound on a whole attempt for a `timeout` argument: the number itself, or a Timeout's longest phase."""
    if not isinstance(timeout, httpx.Timeout):
        return float(timeout)
    phases = [value for value in (timeout.connect, timeout.read, timeout.write, timeout.pool) if value is not None]
    return max(phases) if phases else None
