"""
The simulator as a server: loopback only, the ports it is given, a clean stop, its log, its fault seam and its CLI.
"""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

import exchange_clients.simulator as simulator_package
from exchange_clients.simulator import EXCHANGES, Incoming, Reply, Simulator
from tests import ports
from tests.ports import free_ports, serve_then_interrupt


def _refused(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return False
    except ConnectionRefusedError:
        return True


@pytest.fixture
def fresh() -> Iterator[Simulator]:
    with Simulator() as running:
        yield running


def test_binds_only_loopback(simulator: Simulator) -> None:
    """Every exchange listens on 127.0.0.1 only: another loopback address is refused on the same ports."""
    for port in simulator.ports:
        assert not _refused("127.0.0.1", port)
        assert _refused("127.0.0.2", port)


def test_stops_cleanly() -> None:
    """stop() returns promptly even with a kept-alive connection, frees every port and may be called again."""
    simulator = Simulator().start()
    ports = simulator.ports
    with httpx.Client() as http:
        http.post(simulator.base_url("gemini") + "/v1/order/status")
        started = time.monotonic()
        simulator.stop()
        elapsed = time.monotonic() - started
    simulator.stop()

    assert elapsed < 3.0
    assert not simulator.running
    assert all(_refused("127.0.0.1", port) for port in ports)
    with pytest.raises(RuntimeError):
        simulator.base_url("gemini")


def test_serves_on_the_ports_given() -> None:
    """Ports passed in are used in the documented order: gemini, kraken_futures, digifinex, derive."""
    ports = free_ports(len(EXCHANGES))
    with Simulator(ports=(ports[0], ports[1], ports[2], ports[3])) as simulator:
        urls = [simulator.base_url(exchange) for exchange in EXCHANGES]

    assert urls == [
        f"http://127.0.0.1:{ports[0]}",
        f"http://127.0.0.1:{ports[1]}/derivatives/api/v3",
        f"http://127.0.0.1:{ports[2]}",
        f"http://127.0.0.1:{ports[3]}/v3",
    ]


def test_port_in_use_fails_without_leaking() -> None:
    """A port already taken makes start() raise OSError and leaves the other ports unbound."""
    free = free_ports(3)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        busy = taken.getsockname()[1]
        with pytest.raises(OSError, match="in use"):
            Simulator(ports=(free[0], free[1], free[2], busy)).start()

    assert all(_refused("127.0.0.1", port) for port in free)


def test_start_twice_is_an_error(simulator: Simulator) -> None:
    """Starting a running simulator raises instead of binding a second set of ports."""
    with pytest.raises(RuntimeError, match="already running"):
        simulator.start()


@pytest.mark.parametrize(
    ("exchange", "environment", "suffix"),
    [("derive", "lyra", ""), ("derive", "lyra-demo", ""), ("derive", "testnet", "/v3"), ("gemini", "sandbox", "")],
)
def test_base_url_environments(simulator: Simulator, exchange: str, environment: str, suffix: str) -> None:
    """The clients' environment names map to the simulated server; Derive's pick the generation's prefix."""
    assert (
        simulator.base_url(exchange, environment)
        == f"http://127.0.0.1:{simulator.ports[EXCHANGES.index(exchange)]}{suffix}"
    )


@pytest.mark.parametrize(("exchange", "environment"), [("binance", None), ("gemini", "lyra")])
def test_base_url_rejects_unknown_names(simulator: Simulator, exchange: str, environment: str | None) -> None:
    """An unknown exchange, or an environment the exchange does not have, is a ValueError."""
    with pytest.raises(ValueError, match="unknown"):
        simulator.base_url(exchange, environment)


def test_requests_are_recorded(fresh: Simulator) -> None:
    """Each request is logged with its method, path, raw query, headers, body, exchange and verdict."""
    with httpx.Client() as http:
        http.get(fresh.base_url("digifinex") + "/v3/spot/order?order_id=a%2Cb", headers={"ACCESS-KEY": "nobody"})

    (record,) = fresh.requests()

    assert (record.exchange, record.method, record.path, record.query) == (
        "digifinex",
        "GET",
        "/v3/spot/order",
        "order_id=a%2Cb",
    )
    assert (record.headers["access-key"], record.body, record.outcome, record.reason) == (
        "nobody",
        b"",
        "rejected",
        "10002",
    )


def test_fault_replaces_one_answer(fresh: Simulator) -> None:
    """A queued fault answers the next request of its exchange, once, and is logged as a fault."""

    def unavailable(incoming: Incoming) -> Reply:
        return Reply(status=503, content=b"<html>down</html>", media_type="text/html", rejection=incoming.path)

    fresh.faults.push(unavailable, exchange="gemini")
    with httpx.Client() as http:
        derive = http.post(fresh.base_url("derive") + "/private/get_order")
        first = http.post(fresh.base_url("gemini") + "/v1/order/status")
        second = http.post(fresh.base_url("gemini") + "/v1/order/status")

    assert (derive.status_code, first.status_code, first.text, second.status_code) == (
        200,
        503,
        "<html>down</html>",
        400,
    )
    assert [record.outcome for record in fresh.requests()] == ["rejected", "fault", "rejected"]
    assert len(fresh.faults) == 0


def _isort_key(name: str) -> tuple[int, str]:
    # Ruff's RUF022 order: CONSTANTS, then CamelCase classes, then everything else.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_public_names_are_sorted_and_exported() -> None:
    """__all__ lists exactly the package's public names, in ruff's isort-style order."""
    public = {name for name in vars(simulator_package) if not name.startswith("_")}

    assert simulator_package.__all__ == sorted(simulator_package.__all__, key=_isort_key)
    assert set(simulator_package.__all__) == public


def test_command_line_serves_until_interrupted() -> None:
    """`python -m exchange_clients.simulator --port N` prints the four URLs and credentials, then exits 0 on Ctrl-C."""
    first = free_ports(len(EXCHANGES))[0]
    command = [sys.executable, "-m", "exchange_clients.simulator", "--port", str(first)]

    def probe() -> httpx.Response:
        with httpx.Client() as http:
            return http.get(f"http://127.0.0.1:{first + 2}/v3/spot/order")

    output, answer, code = serve_then_interrupt(command, probe)

    assert answer.json() == {"code": 10009}
    assert code == 0
    for offset, url in enumerate(["", "/derivatives/api/v3", "", "/v3"]):
        assert f"http://127.0.0.1:{first + offset}{url}\n" in output
    assert "api_secret=" in output


def test_a_command_that_never_serves_fails_its_test_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ports, "STARTUP_SECONDS", 0.5)
    never_serves = [sys.executable, "-c", "import time; print('starting', flush=True); time.sleep(60)"]
    started = time.monotonic()

    with pytest.raises(pytest.fail.Exception, match=r"no 'Press Ctrl-C' line within 0\.5 s; printed: 'starting"):
        serve_then_interrupt(never_serves, lambda: None)

    assert time.monotonic() - started < 30
