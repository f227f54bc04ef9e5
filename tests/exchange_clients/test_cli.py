"""
The `exchange-clients` command against the simulator: tables, exact JSON, and exit codes that tell causes apart.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping

import httpx
import pytest
from click.testing import CliRunner, Result

from codegen.specs import EXCHANGES
from exchange_clients.cli._commands import cli
from exchange_clients.cli._exit_codes import ExitCode
from exchange_clients.simulator import Incoming, Reply, Simulator
from tests.ports import free_ports, serve_then_interrupt
from tests.secrets import leaked_secrets
from tests.simulated_environment import credentials_environment


def _run(simulator: Simulator, *arguments: str, env: Mapping[str, str | None] | None = None) -> Result:
    environment: dict[str, str | None] = {**credentials_environment(simulator.accounts), **(env or {})}
    result = CliRunner().invoke(cli, list(arguments), env=environment, catch_exceptions=False)
    # The command's output, tables, JSON and error lines alike, never shows a secret.
    assert leaked_secrets([result.output, result.stderr]) == []
    return result


def _order(simulator: Simulator, exchange: str, *ids: str, options: tuple[str, ...] = ()) -> Result:
    return _run(simulator, "order", exchange, *ids, "--base-url", simulator.base_url(exchange), *options)


@pytest.mark.parametrize("exchange", list(EXCHANGES))
def test_order_json_has_exact_decimal_strings(simulator: Simulator, exchange: str) -> None:
    """--json prints each order with its amounts as the exact decimal strings the exchange sent."""
    order_id = simulator.orders.id(exchange, "high_precision")

    result = _order(simulator, exchange, order_id, options=("--json",))

    assert result.exit_code == ExitCode.OK, result.output
    [order] = json.loads(result.output)
    assert order["exchange"] == exchange
    assert order["amount"] == "12345678901234.5678901234567891"
    assert order["price"] == "0.000000000000000001"
    assert order["status"] == "open"
    assert order["raw"]


def test_order_table_shows_each_order(simulator: Simulator) -> None:
    """Without --json, a table lists each order asked for with its normalized and raw status."""
    names = ["entered_book", "fully_executed", "trigger_placed"]
    ids = [simulator.orders.id("kraken_futures", name) for name in names]

    result = _order(simulator, "kraken_futures", *ids)

    assert result.exit_code == ExitCode.OK, result.output
    for order_id, raw in zip(ids, ["ENTERED_BOOK", "FULLY_EXECUTED", "TRIGGER_PLACED"], strict=True):
        assert order_id in result.output
        assert raw in result.output


def test_open_orders_lists_geminis_live_orders(simulator: Simulator) -> None:
    """open-orders on Gemini lists every live order, each OPEN or PARTIALLY_FILLED."""
    result = _run(simulator, "open-orders", "gemini", "--base-url", simulator.base_url("gemini"), "--json")

    assert result.exit_code == ExitCode.OK, result.output
    statuses = {order["status"] for order in json.loads(result.output)}
    assert statuses <= {"open", "partially_filled"}
    assert statuses


@pytest.mark.parametrize(
    ("arguments", "env", "expected"),
    [
        pytest.param(("order", "gemini", "999999"), {}, ExitCode.NOT_FOUND, id="not-found"),
        pytest.param(("order", "gemini", "not-a-number"), {}, ExitCode.USAGE, id="invalid-id"),
        pytest.param(("order", "gemini", "1", "--market", "spot"), {}, ExitCode.USAGE, id="option-of-another"),
        pytest.param(
            ("open-orders", "kraken_futures", "--market", "spot"), {}, ExitCode.USAGE, id="open-orders-option"
        ),
        pytest.param(("order", "gemini", "1"), {"GEMINI_API_SECRET": "wrong-secret-123"}, ExitCode.AUTH, id="auth"),
        pytest.param(("order", "gemini", "1"), {"GEMINI_API_KEY": None}, ExitCode.AUTH, id="missing-credentials"),
        pytest.param(("order", "nasdaq", "1"), {}, ExitCode.USAGE, id="unknown-exchange"),
    ],
)
def test_exit_codes_tell_causes_apart(
    simulator: Simulator, arguments: tuple[str, ...], env: dict[str, str | None], expected: ExitCode
) -> None:
    """Each kind of failure ends with its own exit code and a one-line message on stderr."""
    exchange = arguments[1]
    url = simulator.base_url(exchange) if exchange in {"gemini", "kraken_futures"} else "http://127.0.0.1:9"

    result = _run(simulator, *arguments, "--base-url", url, env=env)

    assert result.exit_code == expected, result.output
    if expected != ExitCode.USAGE or exchange != "nasdaq":
        assert result.stderr.startswith("error: ")


def test_outage_exit_code(fresh_simulator: Simulator) -> None:
    """An HTML 503 from the exchange exits with the 'unavailable' code, naming the status."""

    def maintenance(_: Incoming) -> Reply:
        return Reply(status=503, content=b"<html><body>Down for maintenance</body></html>", media_type="text/html")

    fresh_simulator.faults.push(maintenance, exchange="gemini", times=None)
    order_id = fresh_simulator.orders.id("gemini", "filled")

    result = _order(fresh_simulator, "gemini", order_id)

    assert result.exit_code == ExitCode.UNAVAILABLE
    assert "HTTP 503" in result.stderr
    assert "gave up after 4 attempts" in result.stderr


def test_unreachable_exchange_exit_code(simulator: Simulator) -> None:
    """A refused connection exits with the 'unavailable' code."""
    [port] = free_ports(1)

    result = _run(simulator, "order", "gemini", "1", "--base-url", f"http://127.0.0.1:{port}")

    assert result.exit_code == ExitCode.UNAVAILABLE
    assert "failed before an answer arrived" in result.stderr
    assert "gave up after 4 attempts: 1-4: TransportError" in result.stderr


def test_plain_http_to_another_host_is_refused(simulator: Simulator) -> None:
    """A plain-http base URL off this machine is a usage error: credentials never travel in clear text."""
    result = _run(simulator, "order", "gemini", "1", "--base-url", "http://example.com")

    assert result.exit_code == ExitCode.USAGE
    assert "http" in result.stderr


@pytest.mark.parametrize("command", [(), ("order",), ("open-orders",), ("simulate",), ("demo",)])
def test_every_command_has_help(simulator: Simulator, command: tuple[str, ...]) -> None:
    """--help works on the group and on every command."""
    result = _run(simulator, *command, "--help")

    assert result.exit_code == ExitCode.OK
    assert "Usage:" in result.output


def test_demo_shows_every_exchange(simulator: Simulator) -> None:
    """The demo reads orders from all four simulated exchanges and prints a table for each."""
    result = _run(simulator, "demo")

    assert result.exit_code == ExitCode.OK, result.output
    for title in ("Gemini (simulated)", "Kraken Futures (simulated)", "DigiFinex (simulated)", "Derive (simulated)"):
        assert title in result.output
    for status in ("open", "partially_filled", "filled", "canceled", "rejected", "expired", "untriggered"):
        assert status in result.output


def test_demo_shows_orders_changing_live_on_every_stream(simulator: Simulator) -> None:
    """After the tables, each streaming exchange shows an order placed, partly filled, filled, another cancelled."""
    result = _run(simulator, "demo")

    assert result.exit_code == ExitCode.OK, result.output
    live = result.output.split("signed and verified.", 1)[1]
    for name in ("Gemini", "DigiFinex", "Derive"):
        section = live.split(f"{name}, live:", 1)[1].split(", live:", 1)[0]
        updates = [line.split() for line in section.splitlines()[1:] if line.startswith("  ")]
        # Each line is: the time, the exchange, the order id, the market, the side, the status, then filled=.
        assert [update[5] for update in updates] == ["open", "partially_filled", "filled", "canceled"], section
        assert updates[0][2] == updates[1][2] == updates[2][2] != updates[3][2]
        assert updates[3][6] != "filled=0", "the cancelled order was partly filled first"


def test_demo_json_covers_every_status(simulator: Simulator) -> None:
    """Demo --json lists every normalized status the four catalogues hold."""
    result = _run(simulator, "demo", "--json")

    orders = json.loads(result.output)
    assert {order["exchange"] for order in orders} == {"gemini", "kraken_futures", "digifinex", "derive"}
    assert {order["status"] for order in orders} >= {
        "open",
        "partially_filled",
        "filled",
        "canceled",
        "rejected",
        "expired",
        "untriggered",
    }


def test_simulate_serves_until_interrupted() -> None:
    """`exchange-clients simulate --port N` serves Gemini on N (signed requests work) and stops on Ctrl-C."""
    first = free_ports(len(EXCHANGES))[0]
    command = [sys.executable, "-m", "exchange_clients.cli", "simulate", "--port", str(first)]

    def probe() -> httpx.Response:
        with httpx.Client() as http:
            return http.post(f"http://127.0.0.1:{first}/v1/order/status")

    output, answer, code = serve_then_interrupt(command, probe)

    assert answer.json()["reason"] == "MissingApikeyHeader"
    assert code == 0
    assert f"http://127.0.0.1:{first}\n" in output


def test_order_prints_every_order_found_and_names_the_ids_that_were_not(simulator: Simulator) -> None:
    """One unknown id among known ones: the known orders are printed, the unknown one named on stderr, exit 4."""
    known = [simulator.orders.id("gemini", name) for name in ("filled", "cancelled_unfilled")]

    result = _order(simulator, "gemini", known[0], "999999999999", known[1], options=("--json",))

    assert result.exit_code == ExitCode.NOT_FOUND
    assert [order["order_id"] for order in json.loads(result.stdout)] == known
    assert result.stderr.startswith("error: no Gemini order 999999999999: ")


def test_a_progress_bar_is_drawn_on_stderr_when_asked(simulator: Simulator) -> None:
    """--progress draws the bar on stderr, counting ids; stdout keeps only the orders."""
    ids = [order.order_id for order in simulator.orders.of("gemini")][:3]

    result = _order(simulator, "gemini", *ids, options=("--json", "--progress"))

    assert result.exit_code == ExitCode.OK, result.output
    assert "3/3" in result.stderr
    assert len(json.loads(result.stdout)) == 3


def test_no_progress_bar_in_a_pipe_by_default(simulator: Simulator) -> None:
    """Without --progress, a batch into a pipe (not a terminal) gets no bar, however long."""
    ids = [order.order_id for order in simulator.orders.of("gemini")]

    result = _order(simulator, "gemini", *ids, options=("--json",))

    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr == ""
