"""
Free loopback ports and serving commands, for tests of `--port N` command lines.
"""

from __future__ import annotations

import contextlib
import queue
import random
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from typing import IO, TypeVar

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


STARTUP_SECONDS = 60
"""How long a serving command may take to print its "Press Ctrl-C" line before the test fails instead of hanging."""


def serve_then_interrupt(command: list[str], probe: Callable[[], T]) -> tuple[str, T, int]:
    """Start a serving command, wait for its "Press Ctrl-C" line, run `probe`, then Ctrl-C it.

    Returns what it printed up to that line, the probe's result and its exit code.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        # A thread reads the output so the wait for the line can time out: readline() alone would block forever
        # on a server that hangs before printing it.
        output: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=_forward_lines, args=(process.stdout, output), daemon=True)
        reader.start()
        try:
            lines = _lines_until_serving(output)
            result = probe()
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=10)
        finally:
            process.kill()
            process.wait()
            reader.join(timeout=10)  # the pipe is at its end once the process is gone
    return "".join(lines), result, code


def _forward_lines(stream: IO[str], sink: queue.Queue[str]) -> None:
    for line in stream:
        sink.put(line)
    sink.put("")  # the end of the output


def _lines_until_serving(output: queue.Queue[str]) -> list[str]:
    deadline = time.monotonic() + STARTUP_SECONDS
    lines: list[str] = []
    while not lines or not lines[-1].startswith("Press Ctrl-C"):
        try:
            line = output.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            pytest.fail(f"no 'Press Ctrl-C' line within {STARTUP_SECONDS} s; printed: {''.join(lines)!r}")
        assert line, f"the server exited before serving; printed: {''.join(lines)!r}"
        lines.append(line)
    return lines
