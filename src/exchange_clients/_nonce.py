"""
Nonces and timestamps for signing, in the exchange's unit.

Two kinds: a nonce the exchange requires to increase per key (Gemini, Kraken) never goes backwards, even when the
wall clock does; a timestamp the exchange judges against a window of its own clock (DigiFinex, Derive) is the wall
clock as it is, so that after the clock is corrected backwards the next request is inside the window again.

Every signer takes `nonce=`, a zero-argument callable returning the integer that goes into the exchange's
nonce or timestamp field. The defaults here are shared by every client in the process that uses the same
key, because the exchange compares nonces per key, not per client object.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Callable
from typing import Final


NonceSource = Callable[[], int]

NANOSECONDS_PER_UNIT: Final = {"s": 1_000_000_000, "ms": 1_000_000}


class MonotonicClock:
    """
    The wall clock in one unit, never going backwards, optionally strictly increasing.

    Thread-safe, and so safe for asyncio tasks too: the lock is held for a few arithmetic operations and
    never across an await. When the wall clock steps back (NTP, a VM resume), values keep climbing from
    the last one issued instead of repeating.
    """

    def __init__(
        self, unit: str, *, strictly_increasing: bool, wall_clock_ns: Callable[[], int] = time.time_ns
    ) -> None:
        self._divisor = NANOSECONDS_PER_UNIT[unit]
        self._step = 1 if strictly_increasing else 0
        self._wall_clock_ns = wall_clock_ns
        self._last = 0
        self._lock = threading.Lock()
        _clocks.add(self)

    def __call__(self) -> int:
        with self._lock:
            self._last = max(self._wall_clock_ns() // self._divisor, self._last + self._step)
            return self._last

    def __repr__(self) -> str:
        return f"<MonotonicClock last={self._last}>"

    def reset_after_fork(self) -> None:
        """A fresh lock in a forked child, whose parent thread may have held this one; the last value is kept."""
        self._lock = threading.Lock()


class WallClock:
    """The wall clock in one unit, as it is: for timestamps an exchange compares with its own clock's window."""

    def __init__(self, unit: str, *, wall_clock_ns: Callable[[], int] | None = None) -> None:
        self._divisor = NANOSECONDS_PER_UNIT[unit]
        self._wall_clock_ns = wall_clock_ns

    def __call__(self) -> int:
        # time.time_ns is looked up on each call (not bound once): the clock is whatever the system's says now.
        now = self._wall_clock_ns() if self._wall_clock_ns is not None else time.time_ns()
        return now // self._divisor

    def __repr__(self) -> str:
        return f"<WallClock {self()}>"


_shared: dict[tuple[str, str], MonotonicClock] = {}
_shared_lock = threading.Lock()
_clocks: weakref.WeakSet[MonotonicClock] = weakref.WeakSet()


def _reset_after_fork() -> None:
    # A child forked while a thread held a clock's lock (a few arithmetic operations) would wait on it for ever. The
    # values issued so far are kept: nonces go on above them in the child too.
    global _shared_lock  # noqa: PLW0603 - the module's own guard, replaced once in a new process
    _shared_lock = threading.Lock()
    for clock in list(_clocks):
        clock.reset_after_fork()


os.register_at_fork(after_in_child=_reset_after_fork)


def shared_clock(exchange: str, key_id: str, unit: str, *, strictly_increasing: bool) -> MonotonicClock:
    """The process-wide clock for one exchange key: every client using that key draws from it."""
    with _shared_lock:
        clock = _shared.get((exchange, key_id))
        if clock is None:
            clock = _shared[exchange, key_id] = MonotonicClock(unit, strictly_increasing=strictly_increasing)
        return clock
