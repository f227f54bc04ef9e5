"""
Every real order answer in tests/fixtures/real/, served by the simulator, reads through the unified client over HTTP.

What get_order returns is exactly what parse_order reads from the same answer.
"""

from __future__ import annotations

import tomllib
from typing import Any

import attrs
import pytest

import exchange_clients as ec
from exchange_clients.simulator import Incoming, Reply, Simulator, json_reply
from tests import exact_json
from tests.real import published


def _orders(exchange: str, document: Any) -> list[Any]:
    """The order objects in one published answer, as the exchange's parse_order takes them."""
    if exchange == "digifinex":
        data = document.get("data")
        return data if isinstance(data, list) else []
    if exchange == "derive":
        return [document.get("result", document)]
    return document if isinstance(document, list) else [document]


def _envelope(exchange: str, order: Any) -> Any:
    if exchange == "kraken_futures":
        return {"result": "success", "serverTime": "2026-02-12T19:14:24.000Z", "orders": [order]}
    if exchange == "digifinex":
        return {"code": 0, "data": [order]}
    if exchange == "derive":
        return {"jsonrpc": "2.0", "id": 1, "result": order}
    return order


def _cases() -> list[Any]:
    cases = []
    for folder in sorted(published.REAL.iterdir()):
        sources = tomllib.loads((folder / "SOURCES.toml").read_text(encoding="utf-8"))
        for name, source in sorted(sources.items()):
            if "error" in source["shape"] or source["shape"].startswith("stream"):
                continue  # errors have no order; stream messages are read in test_real_streams.py
            for index, order in enumerate(_orders(folder.name, published.load(folder / name))):
                cases.append(pytest.param(folder.name, order, id=f"{folder.name}-{name}-{index}"))
    return cases


@pytest.mark.parametrize(("exchange", "order"), _cases())
def test_real_order_reads_over_http(simulator: Simulator, exchange: str, order: Any) -> None:
    """The simulator serves the real order in its exchange's answer; get_order returns what parse_order reads."""
    body = exact_json.dumps(order).encode()
    expected = getattr(ec, exchange).parse_order(body)

    def answer(_incoming: Incoming) -> Reply:
        return json_reply(200, _envelope(exchange, order))

    simulator.faults.push(answer, exchange=exchange)
    extra = {"subaccount_id": simulator.accounts.derive.subaccount_id} if exchange == "derive" else {}
    with ec.connect(
        exchange, simulator.accounts.credentials(exchange), base_url=simulator.base_url(exchange), max_retries=0
    ) as client:
        read = client.get_order(expected.order_id, **extra)  # type: ignore[arg-type]

    assert attrs.evolve(read, raw=None) == attrs.evolve(expected, raw=None)
    assert read.status is not ec.OrderStatus.UNKNOWN
