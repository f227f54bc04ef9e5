"""
watch_orders on DigiFinex over a real WebSocket, against the simulator.

Deflate frames, `server.auth`, pushes only for the markets subscribed, and a margin order reconciled over REST in its
own market.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import zlib
from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.digifinex._stream import auth_signature, inflate
from exchange_clients.simulator import Simulator
from tests.streams.helpers import WAIT, client, take, until


def test_updates_arrive_for_the_subscribed_market_only(fresh_simulator: Simulator) -> None:
    """An ETH order changing is not pushed to a BTC subscription; a BTC order filling is, once."""
    notices: list[ec.StreamNotice] = []

    async def watch() -> list[ec.Order]:
        async with client(fresh_simulator, "digifinex") as connected:
            stream = connected.watch_orders(symbols=["BTC_USDT"], on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("digifinex") == 1)
            fresh_simulator.change_order("digifinex", "filled", symbol="ETH_USDT")
            fresh_simulator.change_order("digifinex", "open", executed_amount=Decimal("0.25"), avg_price=9000, status=1)
            orders = [await asyncio.wait_for(first, WAIT)]
            with contextlib.suppress(TimeoutError):  # once: nothing more comes (the ETH change above included)
                orders.append(await asyncio.wait_for(anext(stream), 0.3))
            await stream.aclose()
            return orders

    (order,) = asyncio.run(watch())

    assert (order.order_id, order.status, order.filled, order.remaining) == (
        fresh_simulator.orders.id("digifinex", "open"),
        ec.OrderStatus.PARTIALLY_FILLED,
        Decimal("0.25"),
        Decimal(0),
    )
    assert [notice.kind for notice in notices] == ["connected"]


def test_a_margin_order_is_reconciled_in_its_own_market(fresh_simulator: Simulator) -> None:
    """After a drop, the margin order followed is read over REST with market="margin", and its cancel delivered."""

    async def watch() -> list[ec.Order]:
        async with client(fresh_simulator, "digifinex") as connected:
            stream = connected.watch_orders(symbols=["BTC_USDT"])
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("digifinex") == 1)
            fresh_simulator.change_order("digifinex", "cancelled_partially_filled", status=1)
            orders = [await asyncio.wait_for(first, WAIT)]
            fresh_simulator.drop_streams("digifinex")
            await until(lambda: fresh_simulator.stream_connections("digifinex") == 0)
            fresh_simulator.change_order("digifinex", "cancelled_partially_filled", status=4)
            orders += await take(stream, 1)
            await stream.aclose()
            return orders

    orders = asyncio.run(watch())

    assert [order.status for order in orders] == [ec.OrderStatus.PARTIALLY_FILLED, ec.OrderStatus.CANCELED]
    margin = [request for request in fresh_simulator.requests() if "/margin/" in request.path]
    assert margin
    assert margin[-1].outcome == "accepted"


def test_a_margin_order_known_only_from_rest_is_reconciled_in_its_own_market(fresh_simulator: Simulator) -> None:
    """Open before the watch starts, it is known from the margin market's open orders (REST `kind`, not `mode`)."""
    fresh_simulator.change_order("digifinex", "cancelled_partially_filled", status=1)  # no connection hears it
    notices: list[ec.StreamNotice] = []

    async def watch() -> ec.Order:
        async with client(fresh_simulator, "digifinex") as connected:
            stream = connected.watch_orders(symbols=["BTC_USDT"], on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: "connected" in [notice.kind for notice in notices])
            fresh_simulator.drop_streams("digifinex")
            await until(lambda: fresh_simulator.stream_connections("digifinex") == 0)
            fresh_simulator.change_order("digifinex", "cancelled_partially_filled", status=4)
            order = await asyncio.wait_for(first, WAIT)
            await stream.aclose()
            return order

    order = asyncio.run(watch())

    assert (order.status, order.filled) == (ec.OrderStatus.CANCELED, Decimal("0.4"))
    assert "unconfirmed" not in [notice.kind for notice in notices]


def test_a_wrong_secret_is_refused_at_authentication(fresh_simulator: Simulator) -> None:
    """server.auth with a signature of another secret is refused: AuthenticationError, no reconnecting."""
    wrong = ec.digifinex.DigiFinexCredentials(
        api_key=fresh_simulator.accounts.digifinex.api_key, api_secret="not-the-secret-at-all"
    )

    async def watch() -> None:
        async with client(fresh_simulator, "digifinex", wrong) as connected:
            async with asyncio.timeout(WAIT):
                await anext(connected.watch_orders(symbols=["BTC_USDT"]))

    with pytest.raises(ec.AuthenticationError, match="refused the stream's authentication"):
        asyncio.run(watch())


def test_symbols_are_a_list_and_another_exchanges_option_is_refused() -> None:
    """One str for symbols is a TypeError (it would be read as one market per character); subaccount_id is Derive's."""
    connected = ec.connect_async(
        "digifinex", ec.digifinex.DigiFinexCredentials(api_key="k", api_secret="s"), base_url="http://127.0.0.1:9"
    )

    with pytest.raises(TypeError, match="list of market symbols"):
        connected.watch_orders(symbols="BTC_USDT")
    with pytest.raises(ec.InvalidRequestError, match="subaccount_id"):
        connected.watch_orders(subaccount_id=1)


def test_the_auth_signature_and_inflation_match_the_documented_forms() -> None:
    """The signature is base64 HMAC-SHA256 of the timestamp text; raw deflate and zlib frames both inflate."""
    # base64(HMAC-SHA256(key="secret", msg="1583135616239")), worked out with the openssl command line.
    assert auth_signature("secret", "1583135616239") == "LX7ahH6PQmnbVvv6lyqjlSkiCfr1tPxhZN4qCTwndzc="
    text = b'{"method":"order.update"}'
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert inflate(raw.compress(text) + raw.flush()) == text
    assert inflate(zlib.compress(text)) == text
    assert inflate(text.decode()) == text


def test_frames_are_logged_without_the_key_or_the_signature(
    fresh_simulator: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG the stream logs its frames: the ones sent (its login) by size only, the ones received in full."""
    api_key = fresh_simulator.accounts.digifinex.api_key

    async def watch() -> None:
        async with client(fresh_simulator, "digifinex") as connected:
            stream = connected.watch_orders(symbols=["BTC_USDT"])
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("digifinex") == 1)
            fresh_simulator.change_order("digifinex", "open", status=3)
            await asyncio.wait_for(first, WAIT)
            await stream.aclose()

    with caplog.at_level("DEBUG", logger="exchange_clients.stream"):
        asyncio.run(watch())

    lines = [record.getMessage() for record in caplog.records if record.name == "exchange_clients.stream"]
    sent = [line for line in lines if line.startswith("> TEXT")]
    assert sent
    assert all(re.fullmatch(r"> TEXT \[\d+ bytes\]", line) for line in sent)
    assert any(line.startswith("< BINARY") for line in lines)
    assert not [line for line in lines if api_key in line or "server.auth" in line]


def test_without_symbols_the_watch_is_refused_at_the_handshake(fresh_simulator: Simulator) -> None:
    """DigiFinex subscribes per market: none named is an InvalidRequestError saying how; nothing is subscribed."""

    async def watch() -> None:
        async with client(fresh_simulator, "digifinex") as connected:
            stream = connected.watch_orders()
            try:
                await asyncio.wait_for(anext(stream), WAIT)
            finally:
                await stream.aclose()

    with pytest.raises(ec.InvalidRequestError, match=r"symbols=\['BTC_USDT'"):
        asyncio.run(watch())

    assert fresh_simulator.stream_connections("digifinex") == 0
