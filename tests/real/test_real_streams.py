"""
Every published stream message in tests/fixtures/real/ reads through the generated message models and normalizers.

Each expectation is written by hand from the fixture's text; the SOURCES.toml beside it says where it was published
and what it shows. None is a live capture: Gemini's is its own SDK's conformance vector, DigiFinex's are its docs'
examples, Derive's are other clients' fixtures (ccxt's comments, nautilus_trader's and hummingbot's test data).
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import exchange_clients as ec
from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients.derive._updates import parse_notification
from exchange_clients.digifinex._updates import parse_update as parse_digifinex_update
from exchange_clients.gemini._updates import parse_update as parse_gemini_update
from exchange_clients.generated.streams import derive, digifinex, kraken_futures
from tests.real import published
from tests.real.published import assert_exact


def _fixture(exchange: str, name: str) -> Any:
    return published.load(published.REAL / exchange / name)


def test_gemini_conformance_vector_is_filled_whole_at_its_millisecond_time() -> None:
    """Gemini's own FILLED vector: the whole 0.25 filled, whatever `z` says; its 13-digit times are milliseconds."""
    order = parse_gemini_update(_fixture("gemini", "stream_official_conformance_order_update_filled.json"))

    assert order.status is ec.OrderStatus.FILLED
    assert (order.order_id, order.client_order_id, order.symbol) == ("12345", "client-order-1", "BTCUSD")
    assert (order.side, order.order_type) == (ec.Side.BUY, ec.OrderType.LIMIT)
    assert_exact(order.price, "1000.00")
    assert_exact(order.amount, "0.25")
    assert_exact(order.filled, "0.25")
    assert order.remaining == 0
    assert order.updated_at == datetime(2023, 11, 14, 22, 13, 20, 1000, tzinfo=UTC)


def test_digifinex_documented_market_buy_has_an_unknown_amount_not_a_negative_remainder() -> None:
    """The docs' push: amount "0" with filled "0.9969" is a market buy sized by notional, so amount is unknown."""
    [order] = parse_digifinex_update(_fixture("digifinex", "stream_official_order_update_market_buy_filled.json"))

    assert order.status is ec.OrderStatus.FILLED
    assert (order.order_id, order.symbol, order.side) == ("31b7f41c81787b4200c75eb074e6edc9", "BTC_USDT", ec.Side.BUY)
    assert order.order_type is ec.OrderType.MARKET
    assert order.amount is None
    assert order.remaining is None
    assert order.price is None
    assert_exact(order.filled, "0.9969")
    assert_exact(order.average_price, "9700")
    assert order.updated_at == datetime(2020, 5, 12, 8, 35, 47, tzinfo=UTC)


@pytest.mark.parametrize(
    "name", ["stream_official_server_auth_success.json", "stream_official_order_subscribe_success.json"]
)
def test_digifinex_documented_success_answers_read(name: str) -> None:
    """server.auth's and order.subscribe's documented answer: status "success", no error, the request's id."""
    answer = read_message(_fixture("digifinex", name), digifinex.StatusResponse)

    assert (answer.id, answer.result.status, answer.error) == (12312, "success", None)


def test_derive_v2_notification_reads_as_the_rest_order_it_carries() -> None:
    """The notification in ccxt's comment: an untriggered post-only stop-loss buy, read as get_order reads it."""
    notification = _fixture("derive", "stream_ccxt_v2_orders_notification_untriggered_stoploss.js")

    [order] = parse_notification(notification)

    assert order == ec.derive.parse_order(notification["params"]["data"][0])
    assert order.status is ec.OrderStatus.UNTRIGGERED
    assert (order.order_id, order.client_order_id) == ("1f44c564-5658-4b69-b8c4-4019924207d5", "test1234")
    assert_exact(order.amount, "0.01")
    assert_exact(order.price, "10000")
    assert order.filled == 0
    assert order.average_price is None


def test_derive_order_element_cancelled_by_the_user() -> None:
    """The order element of hummingbot's test (no envelope): cancelled with nothing filled."""
    order = ec.derive.parse_order(_fixture("derive", "stream_hummingbot_orders_element_cancelled_user_request.pyrepr"))

    assert order.status is ec.OrderStatus.CANCELED
    assert order.filled == 0
    assert_exact(order.amount, "20")
    assert order.updated_at == datetime(2025, 1, 25, 12, 9, 8, 556000, tzinfo=UTC)


def test_derive_login_answer_lists_the_subaccounts() -> None:
    answer = read_message(_fixture("derive", "stream_ccxt_v2_login_answer_one_subaccount.js"), derive.LoginResponse)

    assert (answer.id, answer.result) == (1, [130837])


def test_derive_error_answer_with_a_string_id() -> None:
    """An error answers with the code a number and the id a UUID string, not the integer ids this client sends."""
    answer = read_message(
        _fixture("derive", "stream_ccxt_v2_error_minus_32600_invalid_request.js"), derive.ErrorResponse
    )

    assert (answer.id, answer.error.code, answer.error.message) == (
        "690c6276-0fc6-4121-aafa-f28bf5adedcb",
        -32600,
        "Invalid Request",
    )


def test_derive_subscribe_answer_names_a_refused_channel_only_in_its_status() -> None:
    """A refused channel is no JSON-RPC error: only its status text says so, which is what the handshake checks."""
    answer = read_message(
        _fixture("derive", "stream_nautilus_subscribe_answer_with_channel_error.json"), derive.SubscribeResponse
    )

    assert "trades.spot.ETH" not in answer.result.current_subscriptions
    assert answer.result.status["trades.spot.ETH"] == "{'instrument_type': ['Invalid enum value spot']}"
    assert answer.result.status["trades.ETH-USDC"] == "ok"


def test_derive_unsubscribe_answer_is_not_taken_for_a_subscription() -> None:
    """The unsubscribe answer has remaining_subscriptions, not current_subscriptions: it is not a SubscribeResponse."""
    message = _fixture("derive", "stream_ccxt_v2_unsubscribe_answer_status_map.js")

    with pytest.raises(MessageShapeError, match="current_subscriptions"):
        read_message(message, derive.SubscribeResponse)


def test_every_stream_fixture_is_read_here() -> None:
    """No published stream message sits in the fixtures unread: each one's name appears in this module."""
    this_module = Path(__file__).read_text(encoding="utf-8")
    for folder in sorted(published.REAL.iterdir()):
        sources = tomllib.loads((folder / "SOURCES.toml").read_text(encoding="utf-8"))
        for name, source in sources.items():
            if source["shape"].startswith("stream"):
                assert name in this_module, f"{folder.name}/{name} is not read by any test"


def test_amounts_stay_decimal() -> None:
    """The JavaScript literal loader keeps ccxt's quoted amounts as text and its numbers as exact integers."""
    notification = _fixture("derive", "stream_ccxt_v2_orders_notification_untriggered_stoploss.js")
    data = notification["params"]["data"][0]

    assert (data["amount"], data["nonce"]) == ("0.01", 1738578973570)
    assert not any(isinstance(value, float) for value in data.values())
    assert Decimal(data["trigger_price"]) == Decimal(102800)


# Kraken's Unified WebSocket: every published message and the generated model it reads into; None for a message
# this client neither sends nor reads (kept for what it shows: Kraken's number and id formats, the connect frame).
KRAKEN_MESSAGES: dict[str, str | None] = {
    "stream_official_uws_ping_request.json": "PingRequest",
    "stream_official_spotv2_pong.json": "PongResponse",
    "stream_official_uws_heartbeat.json": "Heartbeat",
    "stream_official_spotv2_executions_subscribe_ack.json": "SubscribeExecutionsResponse",
    "stream_kraken_async_rs_executions_subscribe_ack_warnings.json": "SubscribeExecutionsResponse",
    "stream_kraken_async_rs_subscribe_error_invalid_session.json": "ErrorResponse",
    "stream_official_spotv2_executions_update_pending_new.json": "ExecutionsMessage",
    "stream_kraken_async_rs_executions_snapshot_trades.json": "ExecutionsMessage",
    "stream_kraken_async_rs_executions_update_canceled.json": "ExecutionsMessage",
    "stream_kraken_async_rs_executions_update_new.json": "ExecutionsMessage",
    "stream_kraken_async_rs_executions_update_pending_new.json": "ExecutionsMessage",
    # A Spot v2 subscribe: no asset_class, which the Unified WebSocket requires.
    "stream_official_spotv2_executions_subscribe_request.json": None,
    # The amend_order method: its derivatives examples show UUID order ids and amounts as JSON numbers.
    "stream_official_uws_amend_order_request_derivatives_cl_ord_id.json": None,
    "stream_official_uws_amend_order_request_derivatives_order_id.json": None,
    "stream_official_uws_amend_order_answer.json": None,
    # The connect frame: skipped by a reader; its connection_id does not fit an int64.
    "stream_kraken_async_rs_status_update_online.json": None,
}
_KRAKEN_MODELS = (
    kraken_futures.PingRequest,
    kraken_futures.PongResponse,
    kraken_futures.Heartbeat,
    kraken_futures.SubscribeExecutionsResponse,
    kraken_futures.ErrorResponse,
    kraken_futures.ExecutionsMessage,
    kraken_futures.SubscribeExecutionsRequest,
)


def _reads_as(message: Any) -> list[str]:
    readable = []
    for model in _KRAKEN_MODELS:
        try:
            read_message(message, model)
        except MessageShapeError:
            continue
        readable.append(model.__name__)
    return readable


@pytest.mark.parametrize(("name", "model"), KRAKEN_MESSAGES.items())
def test_kraken_messages_read_into_their_model_and_no_other(name: str, model: str | None) -> None:
    assert _reads_as(_fixture("kraken_futures", name)) == ([model] if model else [])


def test_every_kraken_stream_fixture_is_listed() -> None:
    listed = {path.name for path in (published.REAL / "kraken_futures").glob("stream_*")}
    assert listed == set(KRAKEN_MESSAGES)


def test_kraken_amounts_are_exact_decimals_as_sent() -> None:
    """JSON numbers keep their digits: 0.00016000 is not 0.00016, and a cancel's cum_qty 0.00000000 stays so."""
    snapshot = read_message(
        _fixture("kraken_futures", "stream_kraken_async_rs_executions_snapshot_trades.json"),
        kraken_futures.ExecutionsMessage,
    )
    cancel = read_message(
        _fixture("kraken_futures", "stream_kraken_async_rs_executions_update_canceled.json"),
        kraken_futures.ExecutionsMessage,
    )

    assert_exact(snapshot.data[0].last_qty, "0.00016000")
    assert (cancel.data[0].exec_type, cancel.data[0].order_status) == ("canceled", "canceled")
    assert_exact(cancel.data[0].cum_qty, "0.00000000")
    assert cancel.data[0].symbol is None  # a cancel names only the order: the rest is known from before
