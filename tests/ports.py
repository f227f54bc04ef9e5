"""
Free loopback ports for tests that must name their ports (the command line's `--port N`).
"""

from __future__ import annotations

import contextlib
import random
import socket

import pytest


def free_ports(count: int) -> tuple[int, ...]:
    """`count` consecutive free ports on 127.0.0.1 (N..N+count-1); a clash with another process is retried."""
    for _ in range(50):
        first = random.randint(20_000, 60_000)  # noqa: S311 - not cryptography
        with contextlib.ExitStack() as stack:
            try:
                for port in range(first, first + count):
                    stack.enter_context(socket.create_server(("127.0.0.1", port)))
            except OSError:
                continue
        return tuple(range(first, first + count))
    pytest.fail("no free consecutive ports")
