"""
list_open_orders on every exchange with an open-orders call, against the simulator over loopback HTTP.

Gemini's active orders (/v1/orders), Derive's orders resting on a subaccount's book (private/get_open_orders), a
DigiFinex market's current orders (/v3/{market}/order/current); Kraken Futures' from its Unified WebSocket (a
subscription's snapshot, or a running watch). Each answer holds the open orders of the simulator's catalogue, and
nothing else.
"""

from __future__ import annotations

import asyncio

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator


def _client(simulator: Simulator, exchange: str) -> ec.Client:
    return ec.connect(
        ec.Exchange(exchange),
        simulator.accounts.credentials(exchange),  # type: ignore[arg-type]
        base_url=simulator.base_url(exchange),
    )


def _open_ids(simulator: Simulator, exchange: str, kind: str | None = None) -> set[str]:
    # The catalogue's orders that are working on the book: OPEN or PARTIALLY_FILLED (a Derive trigger order that
    # has not fired is listed by get_trigger_orders, not here), of one DigiFinex market when `kind` says which.
    return {
        order.order_id
        for order in simulator.orders.of(exchange)
        if order.expected_status in {"OPEN", "PARTIALLY_FILLED"} and (kind is None or order.body.get("kind") == kind)
    }


def test_derive_lists_the_subaccounts_orders_on_the_book(simulator: Simulator) -> None:
    with _client(simulator, "derive") as client:
        listed = client.list_open_orders()

    assert {order.order_id for order in listed} == _open_ids(simulator, "derive")
    assert all(order.status in {ec.OrderStatus.OPEN, ec.OrderStatus.PARTIALLY_FILLED} for order in listed)


def test_derive_refuses_another_subaccount_with_its_own_code(simulator: Simulator) -> None:
    with _client(simulator, "derive") as client, pytest.raises(ec.ExchangeError) as raised:
        client.list_open_orders(subaccount_id=999_999_999)

    assert raised.value.code == "14001"
    assert raised.value.operation == "list_open_orders"


@pytest.mark.parametrize("market", ["spot", "margin"])
def test_digifinex_lists_one_markets_current_orders(simulator: Simulator, market: str) -> None:
    with _client(simulator, "digifinex") as client:
        listed = client.list_open_orders(market=market)

    assert {order.order_id for order in listed} == _open_ids(simulator, "digifinex", market)


def test_digifinex_lists_spot_unless_told(simulator: Simulator) -> None:
    with _client(simulator, "digifinex") as client:
        assert {order.order_id for order in client.list_open_orders()} == _open_ids(simulator, "digifinex", "spot")


def test_the_async_client_lists_the_same(simulator: Simulator) -> None:
    async def listed() -> list[ec.Order]:
        async with ec.connect_async(
            ec.Exchange.DERIVE, simulator.accounts.credentials("derive"), base_url=simulator.base_url("derive")
        ) as client:
            return await client.list_open_orders()

    assert {order.order_id for order in asyncio.run(listed())} == _open_ids(simulator, "derive")


@pytest.mark.parametrize(("exchange", "option"), [("gemini", {"market": "spot"}), ("digifinex", {"subaccount_id": 1})])
def test_an_option_of_another_exchange_is_refused_unsent(simulator: Simulator, exchange: str, option: dict) -> None:
    sent = len(simulator.requests())
    with _client(simulator, exchange) as client, pytest.raises(ec.InvalidRequestError):
        client.list_open_orders(**option)

    assert len(simulator.requests()) == sent


def test_kraken_futures_lists_the_open_orders_of_a_unified_websocket_snapshot(simulator: Simulator) -> None:
    """Its REST client has no open-orders call: the Unified WebSocket's snapshot holds them, trigger orders too."""
    urls = {"base_url": simulator.base_url("kraken_futures"), "stream_url": simulator.stream_url("kraken_futures")}
    with ec.connect("kraken_futures", simulator.accounts.credentials("kraken_futures"), **urls) as client:
        listed = client.list_open_orders()

    untriggered = {order.order_id for order in simulator.orders.of("kraken_futures") if order.name == "trigger_placed"}
    assert {order.order_id for order in listed} == _open_ids(simulator, "kraken_futures") | untriggered
    assert all(not order.status.is_final for order in listed)


def test_kraken_futures_refuses_another_exchanges_option_unsent(simulator: Simulator) -> None:
    sent = len(simulator.requests())
    with _client(simulator, "kraken_futures") as client, pytest.raises(ec.InvalidRequestError):
        client.list_open_orders(market="spot")

    assert len(simulator.requests()) == sent  # not even the stream's token request
