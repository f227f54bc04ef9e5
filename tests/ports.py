"""
Free loopback ports and serving commands, for tests of `--port N` command lines.
"""

from __future__ import annotations

import contextlib
import random
import signal
import socket
import subprocess
from collections.abc import Callable
from typing import TypeVar

import pytest


T = TypeVar("T")


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


def serve_then_interrupt(command: list[str], probe: Callable[[], T]) -> tuple[str, T, int]:
    """Start a serving command, wait for its "Press Ctrl-C" line, run `probe`, then Ctrl-C it.

    Returns what it printed up to that line, the probe's result and its exit code.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            lines: list[str] = []
            while not lines or not lines[-1].startswith("Press Ctrl-C"):
                line = process.stdout.readline()
                assert line, "the server exited before serving"
                lines.append(line)
            result = probe()
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=10)
        finally:
            process.kill()
    return "".join(lines), result, code
