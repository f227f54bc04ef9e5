"""
A clock the tests can stop, for the simulator's timestamp windows.
"""

from __future__ import annotations

import time


class Clock:
    """The simulator's clock: real time, unless a test sets `frozen` (Unix seconds)."""

    def __init__(self) -> None:
        self.frozen: float | None = None

    def __call__(self) -> float:
        """The time in Unix seconds."""
        return time.time() if self.frozen is None else self.frozen
