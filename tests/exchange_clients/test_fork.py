"""
A process forked while one of its threads is mid-request can use the same key in the child.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import warnings

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from tests import hostile


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
def test_a_child_forked_mid_request_is_not_stuck_on_the_key(fresh_simulator: Simulator) -> None:
    """The parent's thread holds the key's lock when the fork happens; the child's call on that key still ends."""
    credentials = fresh_simulator.accounts.credentials("gemini")
    order_id = fresh_simulator.orders.id("gemini", "filled")

    def stuck() -> None:
        with (
            ec.connect("gemini", credentials, base_url=server.url, timeout=3.0, max_retries=0) as client,
            contextlib.suppress(ec.ExchangeError),
        ):
            client.get_order("1")

    with hostile.hostile(hostile.slow_headers) as server:
        thread = threading.Thread(target=stuck)
        thread.start()
        time.sleep(0.3)  # the thread is signed and waiting for headers, holding the key's lock
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a threaded process may deadlock: that is what this test is about.
            warnings.simplefilter("ignore", DeprecationWarning)
            child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child, which leaves by os._exit
            code = 1
            try:
                base_url = fresh_simulator.base_url("gemini")
                with ec.connect("gemini", credentials, base_url=base_url, timeout=2.0, max_retries=0) as client:
                    code = 0 if client.get_order(order_id).order_id == order_id else 2
            finally:
                sys.stdout.flush()
                os._exit(code)
        status = _wait(child, seconds=15)
        thread.join(timeout=10)

    assert status == 0


def _wait(pid: int, seconds: float) -> int | None:
    """The child's exit code, or None (and the child killed) if it has not ended within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return None
