"""
`exchange-clients watch EXCHANGE` prints each update as it arrives, one line each (or one JSON object each).
"""

from __future__ import annotations

import json
import threading

from click.testing import CliRunner, Result

from exchange_clients.cli._commands import cli
from exchange_clients.simulator import Simulator
from tests.simulated_environment import credentials_environment
from tests.streams.helpers import KRAKEN_FILLED, WAIT, wait_until


def _in_background(simulator: Simulator, arguments: list[str]) -> tuple[threading.Thread, list[Result]]:
    """The command run in a daemon thread (a watch that never ends cannot hold the test run open), and its result."""
    results: list[Result] = []
    environment = credentials_environment(simulator.accounts)
    watcher = threading.Thread(
        target=lambda: results.append(CliRunner().invoke(cli, arguments, env=environment, catch_exceptions=False)),
        daemon=True,
    )
    watcher.start()
    return watcher, results


def test_watch_prints_each_update_as_a_json_line(fresh_simulator: Simulator) -> None:
    """With --json --count 2, the two changes of a Derive order are printed, one JSON object per line, in order."""
    arguments = ["watch", "derive", "--json", "--count", "2"]
    arguments += [
        "--base-url",
        fresh_simulator.base_url("derive"),
        "--stream-url",
        fresh_simulator.stream_url("derive"),
    ]
    watcher, results = _in_background(fresh_simulator, arguments)
    wait_until(lambda: fresh_simulator.stream_connections("derive") > 0)
    fresh_simulator.change_order("derive", "open", filled_amount="0.5", order_status="open")
    fresh_simulator.change_order("derive", "open", filled_amount="1", order_status="filled")
    watcher.join(WAIT)

    assert not watcher.is_alive()
    (result,) = results
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["status"], line["filled"]) for line in lines] == [("partially_filled", "0.5"), ("filled", "1")]
    assert result.stderr.startswith("connected: subscribed at ws://127.0.0.1:")


def test_watch_follows_kraken_futures_with_the_kraken_key_pair_from_the_environment(fresh_simulator: Simulator) -> None:
    """KRAKEN_API_KEY and KRAKEN_API_SECRET open the Unified WebSocket: a fill, then Kraken's separate completion."""
    kraken = "kraken_futures"
    arguments = ["watch", kraken, "--json", "--count", "2", "--base-url", fresh_simulator.base_url(kraken)]
    arguments += ["--stream-url", fresh_simulator.stream_url(kraken)]
    watcher, results = _in_background(fresh_simulator, arguments)
    wait_until(lambda: fresh_simulator.stream_connections(kraken) > 0)
    fresh_simulator.change_order(kraken, "entered_book", **KRAKEN_FILLED)
    watcher.join(WAIT)

    assert not watcher.is_alive()
    (result,) = results
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["status"], line["filled"]) for line in lines] == [("partially_filled", "1"), ("filled", "1")]


def test_watch_without_a_stream_url_for_a_plain_host_is_a_usage_error(fresh_simulator: Simulator) -> None:
    """A plain ws:// URL to another host is refused before anything is sent: one line on stderr."""
    arguments = ["watch", "derive", "--base-url", fresh_simulator.base_url("derive"), "--stream-url", "ws://x.invalid/"]

    result = CliRunner().invoke(cli, arguments, env=credentials_environment(fresh_simulator.accounts))

    assert result.exit_code != 0
    assert result.stderr.startswith("error: ")
    assert "loopback" in result.stderr


def test_open_orders_of_kraken_futures_come_from_its_stream(fresh_simulator: Simulator) -> None:
    """`open-orders kraken_futures --stream-url ...` lists the Unified WebSocket snapshot's open orders."""
    kraken = "kraken_futures"
    arguments = ["open-orders", kraken, "--json", "--base-url", fresh_simulator.base_url(kraken)]
    arguments += ["--stream-url", fresh_simulator.stream_url(kraken)]

    result = CliRunner().invoke(cli, arguments, env=credentials_environment(fresh_simulator.accounts))

    assert result.exit_code == 0, result.output
    listed = {line["order_id"] for line in json.loads(result.stdout)}
    assert fresh_simulator.orders.id(kraken, "entered_book") in listed
    assert fresh_simulator.orders.id(kraken, "cancelled") not in listed


def test_order_says_why_a_kraken_order_cannot_be_read_once_its_rest_api_is_gone(fresh_simulator: Simulator) -> None:
    """After the switch-off, `order` names the missing id with the reason the client found, not the REST-era one."""
    kraken = "kraken_futures"
    fresh_simulator.decommission_rest(kraken)
    closed_id = fresh_simulator.orders.id(kraken, "cancelled")
    arguments = ["order", kraken, closed_id, "--base-url", fresh_simulator.base_url(kraken)]
    arguments += ["--stream-url", fresh_simulator.stream_url(kraken)]

    result = CliRunner().invoke(cli, arguments, env=credentials_environment(fresh_simulator.accounts))

    assert result.exit_code == 4, result.output
    assert result.stderr.startswith(f"error: no Kraken Futures order {closed_id}: Kraken offers no lookup")
