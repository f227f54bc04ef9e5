"""
Answers built to break a reader end in one typed ExchangeError, never a raw Python exception.
"""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import exchange_clients as ec
from exchange_clients._error_mapping import parse_retry_after


HUGE = b"1e9999999999999999999"  # 21 bytes; beyond Decimal's exponent range

CREDENTIALS: dict[str, Any] = {
    "gemini": ec.gemini.GeminiCredentials(api_key="account-fakefakefake", api_secret="fake-secret-for-tests"),
    "kraken_futures": ec.kraken_futures.KrakenFuturesCredentials(
        api_key="fake-key", api_secret=base64.b64encode(b"fake-secret").decode()
    ),
    "digifinex": ec.digifinex.DigiFinexCredentials(api_key="fake-key", api_secret="fake-secret"),
    "derive": ec.derive.DeriveCredentials(
        wallet="0x" + "00" * 19 + "aa", private_key="0x" + "11" * 32, subaccount_id=7
    ),
}
ORDER_ID = {"kraken_futures": "a1108796-1996-4da9-a1f2-af7463586234", "derive": "a1108796-1996-4da9-a1f2-af7463586234"}

BODIES = {
    "gemini": b'{"order_id": "1", "symbol": "btcusd", "price": "1", "extra": ' + HUGE + b"}",
    "kraken_futures": b'{"result": "success", "serverTime": "2026-02-12T19:14:24.000Z", "orders": [], "x": '
    + HUGE
    + b"}",
    "digifinex": b'{"code": 0, "data": [{"order_id": "1", "amount": ' + HUGE + b"}]}",
    "derive": b'{"id": 1, "result": {"amount": ' + HUGE + b"}}",
}


def _get_order(exchange: str, status: int, body: bytes) -> ec.ExchangeError:
    transport = httpx.MockTransport(lambda _request: httpx.Response(status, content=body))
    extra = {"subaccount_id": 7} if exchange == "derive" else {}
    with (
        ec.connect(exchange, CREDENTIALS[exchange], max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order(ORDER_ID.get(exchange, "1"), **extra)
    return raised.value


@pytest.mark.parametrize("exchange", sorted(BODIES))
def test_number_beyond_decimal_range_in_an_answer_is_unexpected(exchange: str) -> None:
    """A number beyond Decimal's range anywhere in a 200 is UnexpectedResponseError naming that number."""
    error = _get_order(exchange, 200, BODIES[exchange])

    assert type(error) is ec.UnexpectedResponseError
    assert "1e9999999999999999999" in error.message
    assert "beyond Decimal's range" in error.message


@pytest.mark.parametrize("exchange", sorted(BODIES))
def test_number_beyond_decimal_range_in_an_error_body_falls_back_on_the_status(exchange: str) -> None:
    """The same number in a 503's body leaves the answer unread; the status still says what happened."""
    error = _get_order(exchange, 503, b'{"error": ' + HUGE + b"}")

    assert type(error) is ec.ExchangeUnavailableError


@pytest.mark.parametrize("exchange", sorted(BODIES))
def test_parse_order_refuses_a_number_beyond_range(exchange: str) -> None:
    """parse_order of one order carrying such a number raises UnexpectedResponseError, not decimal's error."""
    with pytest.raises(ec.UnexpectedResponseError):
        getattr(ec, exchange).parse_order(b'{"order_id": "1", "amount": ' + HUGE + b"}")


@pytest.mark.parametrize("value", ["²", "³", "①", "١٢", "1²", "Mon, 99 Foo 99999999 99:99:99 GMT", "9" * 400])
def test_retry_after_reads_only_ascii_digits_and_dates(value: str) -> None:
    """Digits other than ASCII, and broken dates, are ignored: no exception, and never a negative wait."""
    seconds = parse_retry_after(value)

    assert seconds is None or seconds >= 0


@given(st.text(max_size=40))
def test_retry_after_never_raises(value: str) -> None:
    """Whatever text a server puts in Retry-After, reading it gives seconds or None."""
    seconds = parse_retry_after(value)

    assert seconds is None or seconds >= 0


def test_rate_limit_with_a_superscript_retry_after_is_still_a_rate_limit() -> None:
    """A 429 whose Retry-After is "²" is a RateLimitError without advice, not a ValueError."""
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(
            429,
            headers=[(b"Retry-After", "²".encode())],
            json={"result": "error", "reason": "RateLimit", "message": "slow down"},
        )
    )
    with (
        ec.connect("gemini", CREDENTIALS["gemini"], max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.RateLimitError) as raised,
    ):
        client.get_order("1")

    assert raised.value.retry_after is None
