"""
Servers that misbehave on purpose: every call ends within its bound, in a typed error, and memory stays capped.

The servers are real sockets on 127.0.0.1 (tests/hostile.py), each bounded in time and bytes.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from tests import hostile


T = 1.0
"""The timeout the calls here are given; every bound below is stated in it."""

SLACK = 1.5
"""What a loaded 2-core machine may add to a bound: thread start-up, the loopback round trip, scheduling."""

STALLS = {
    "slow_headers": hostile.slow_headers,
    "endless_1xx": hostile.endless_1xx,
    "slow_body": hostile.slow_body,
}
GEMINI = ec.gemini.GeminiCredentials(api_key="account-hostilefakekey", api_secret="fake-secret-for-hostile")


def _timed(call: Callable[[], object]) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        call()
    except BaseException as error:  # noqa: BLE001 - the test inspects whatever ended the call
        return error, time.monotonic() - started
    return None, time.monotonic() - started


@pytest.mark.parametrize("stall", sorted(STALLS))
def test_one_attempt_lasts_at_most_the_timeout(stall: str) -> None:
    """A server that sends one header line, one 103 or one body byte at a time cannot hold an attempt past T."""
    with (
        hostile.hostile(STALLS[stall]) as server,
        ec.connect("gemini", GEMINI, base_url=server.url, timeout=T, max_retries=0) as client,
    ):
        error, took = _timed(lambda: client.get_order("1"))

    assert isinstance(error, ec.TransportError)
    assert took < T + SLACK


@pytest.mark.parametrize("stall", sorted(STALLS))
def test_one_async_attempt_lasts_at_most_the_timeout(stall: str) -> None:
    """The async client holds the same bound."""

    async def main() -> tuple[BaseException | None, float]:
        started = time.monotonic()
        async with ec.connect_async("gemini", GEMINI, base_url=server.url, timeout=T, max_retries=0) as client:
            try:
                await client.get_order("1")
            except ec.ExchangeError as error:
                return error, time.monotonic() - started
        return None, time.monotonic() - started

    with hostile.hostile(STALLS[stall]) as server:
        error, took = asyncio.run(main())

    assert isinstance(error, ec.TransportError)
    assert took < T + SLACK


def test_a_call_lasts_at_most_the_retry_deadline_and_one_timeout() -> None:
    """Retries of a stalling server stop starting after retry_deadline; the call ends by retry_deadline + T."""
    deadline = 2.0
    with (
        hostile.hostile(hostile.slow_body) as server,
        ec.connect("gemini", GEMINI, base_url=server.url, timeout=T, max_retries=50, retry_deadline=deadline) as client,
    ):
        error, took = _timed(lambda: client.get_order("1"))

    assert isinstance(error, ec.TransportError)
    assert took < deadline + T + SLACK


def test_a_stuck_call_does_not_starve_its_key(simulator: Simulator) -> None:
    """While one call on a Gemini key is stuck, another call on that key finishes within 2 T."""
    credentials = simulator.accounts.credentials("gemini")
    healthy: list[float] = []

    def stuck() -> None:
        with ec.connect("gemini", credentials, base_url=server.url, timeout=T, max_retries=0) as client:
            _timed(lambda: client.get_order("1"))

    def second() -> None:
        with ec.connect("gemini", credentials, base_url=simulator.base_url("gemini"), timeout=T, max_retries=0) as c:
            healthy.append(_timed(lambda: c.get_order(simulator.orders.id("gemini", "filled")))[1])

    with hostile.hostile(hostile.slow_headers) as server:
        first = threading.Thread(target=stuck)
        first.start()
        time.sleep(0.2)  # the stuck call holds the key's lock by now
        other = threading.Thread(target=second)
        other.start()
        other.join(timeout=10)
        first.join(timeout=10)

    assert healthy
    assert healthy[0] < 2 * T + 1.0  # the bound: the stuck call's T, its own T, and a second


_PEAK = textwrap.dedent(
    """
    import json, sys
    import exchange_clients as ec

    def status(field):
        # /proc/self/status, not getrusage: Linux carries ru_maxrss over from the forking parent (the test run),
        # while VmHWM, the resident high-water mark, starts again at exec.
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(field + ":"))

    credentials = ec.gemini.GeminiCredentials(api_key="account-hostilefakekey", api_secret="fake-secret-for-hostile")
    with ec.connect("gemini", credentials, base_url=sys.argv[1], timeout=15, max_retries=0) as client:
        # The resident size now (not the high-water mark, which start-up may have pushed up): the peak after the
        # call, less this, is at least what the call itself held at once.
        baseline = status("VmRSS")
        try:
            client.get_order("1")
            outcome = "Order"
        except ec.ExchangeError as error:
            outcome = type(error).__name__
    print(json.dumps({"outcome": outcome, "baseline_kib": baseline, "peak_kib": status("VmHWM")}))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
@pytest.mark.parametrize(
    ("behaviour", "outcome"),
    [
        (hostile.endless_chunks, "UnexpectedResponseError"),
        (hostile.gzip_bomb, "UnexpectedResponseError"),
        (hostile.huge_html, "UnexpectedResponseError"),
    ],
    ids=["endless-chunks", "gzip-bomb", "huge-html-503"],
)
def test_a_huge_answer_is_abandoned_within_a_small_multiple_of_the_cap(
    behaviour: hostile.Behaviour, outcome: str
) -> None:
    """An endless body, a gzip bomb or a 300 MB error page ends the call past 32 MiB; memory stays near the cap."""
    with hostile.hostile(behaviour) as server:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, server.url],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            cwd=Path(__file__).parent,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"peak {result['peak_kib'] - result['baseline_kib']} KiB over the baseline of {result['baseline_kib']} KiB")

    assert result["outcome"] == outcome
    cap_kib = 32 * 1024
    assert result["peak_kib"] - result["baseline_kib"] < 3 * cap_kib


def test_loopback_never_goes_through_a_proxy(simulator: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """With HTTP_PROXY and ALL_PROXY set, a call to the loopback simulator goes straight there, not to the proxy."""
    with hostile.hostile(hostile.slow_headers) as proxy:
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.setenv(name, proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        credentials = simulator.accounts.credentials("digifinex")
        with ec.connect("digifinex", credentials, base_url=simulator.base_url("digifinex"), timeout=5) as client:
            order = client.get_order(simulator.orders.id("digifinex", "open"))

    assert order.order_id == simulator.orders.id("digifinex", "open")
    assert proxy.connections == 0


def test_a_remote_base_url_uses_the_environments_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """For a remote https URL the environment's proxy applies, NO_PROXY respected; loopback never has one."""
    from exchange_clients._transport import environment_proxy  # noqa: PLC0415 - the rule itself, no network

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "api.sandbox.gemini.com")

    assert environment_proxy("https://api.gemini.com") == "http://proxy.example:3128"
    assert environment_proxy("https://api.sandbox.gemini.com") is None
    assert environment_proxy("http://127.0.0.1:8080") is None
    assert environment_proxy("http://localhost:8080") is None


def test_a_socks_proxy_without_its_extra_is_refused_at_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALL_PROXY=socks5://... without httpx[socks] is a clear error when connecting, not an ImportError later."""
    if importlib.util.find_spec("socksio") is not None:
        pytest.skip("socksio is installed here, so a SOCKS proxy works")
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    monkeypatch.delenv("HTTPS_PROXY", raising=False)
    monkeypatch.delenv("https_proxy", raising=False)

    with pytest.raises(ValueError, match="SOCKS"):
        ec.connect("gemini", GEMINI)
