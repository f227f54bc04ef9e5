"""
The simulated exchange in a separate process, so its CPU time never counts as the client's.
"""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from bench._orders import EXCHANGES


STARTUP_SECONDS = 60


@contextmanager
def simulator_process() -> Iterator[dict[str, str]]:
    """Start `python -m exchange_clients.simulator` on four free ports; yield each exchange's base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "exchange_clients.simulator"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        yield _base_urls(process)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _base_urls(process: subprocess.Popen[str]) -> dict[str, str]:
    """The URLs the simulator prints (`gemini  http://127.0.0.1:PORT`), read until it says it is serving."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None  # noqa: S101 - stdout=PIPE above
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    urls: dict[str, str] = {}
    while True:
        try:
            line = lines.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            msg = f"the simulator did not start within {STARTUP_SECONDS} s"
            raise RuntimeError(msg) from None
        if line is None:
            msg = f"the simulator exited with {process.wait()} before serving"
            raise RuntimeError(msg)
        name, _, url = line.partition(" ")  # credentials lines are indented: no name
        if name in EXCHANGES and url.strip().startswith("http"):
            urls[name] = url.strip()
        if line.startswith("Press Ctrl-C"):
            return urls
