"""
Every documented error of every exchange, served by the simulator, raises the class its table names.

The simulator answers in the exchange's own format and status; the error carries exchange, operation, HTTP
status and code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients._error_mapping import parse_retry_after
from exchange_clients.derive._errors import ERROR_TABLE as DERIVE
from exchange_clients.digifinex._errors import ERROR_TABLE as DIGIFINEX
from exchange_clients.gemini._errors import ERROR_TABLE as GEMINI
from exchange_clients.generated.derive.models import RpcErrorCode
from exchange_clients.generated.digifinex.models import ErrorCode
from exchange_clients.generated.gemini.models import ErrorReason
from exchange_clients.generated.kraken_futures.models import Error as KrakenError
from exchange_clients.kraken_futures._errors import ERROR_TABLE as KRAKEN_FUTURES
from exchange_clients.simulator import Incoming, Reply, Simulator, json_reply


# Gemini's documented HTTP status per reason (error-codes page and conformance fixtures); the rest are 400.
GEMINI_STATUS = {"MissingRole": 403, "OrderNotFound": 404, "RateLimit": 429, "Maintenance": 503, "System": 500}


def _gemini(reason: str) -> Reply:
    body = {"result": "error", "reason": reason, "message": f"the {reason} message"}
    return json_reply(GEMINI_STATUS.get(reason, 400), body, headers={"Retry-After": "3"})


def _kraken(error: str) -> Reply:
    return json_reply(200, {"result": "error", "serverTime": "2026-11-22T10:00:00.000Z", "error": error})


def _digifinex(code: int) -> Reply:
    return json_reply(200, {"code": code})


def _derive(code: int) -> Reply:
    return json_reply(200, {"jsonrpc": "2.0", "id": 1, "error": {"code": code, "message": f"the {code} message"}})


def _error_of_get_order(simulator: Simulator, exchange: str, order_id: str) -> ec.ExchangeError:
    """The ExchangeError one get_order raises, retries off so that the answer served is the one that counts."""
    credentials = simulator.accounts.credentials(exchange)
    with (
        ec.connect(exchange, credentials, base_url=simulator.base_url(exchange), max_retries=0) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order(order_id)
    return raised.value


RESENT = {
    ("gemini", "InvalidNonce"),
    ("kraken_futures", "nonceBelowThreshold"),
    ("kraken_futures", "nonceDuplicate"),
    ("digifinex", "10008"),
}

CASES: list[Any] = [
    *(pytest.param("gemini", reason, cls, _gemini(reason), id=f"gemini-{reason}") for reason, cls in GEMINI.items()),
    *(
        pytest.param("kraken_futures", error, cls, _kraken(error), id=f"kraken-{error}")
        for error, cls in KRAKEN_FUTURES.items()
    ),
    *(
        pytest.param("digifinex", str(code), cls, _digifinex(code), id=f"digifinex-{code}")
        for code, cls in DIGIFINEX.items()
    ),
    *(pytest.param("derive", str(code), cls, _derive(code), id=f"derive-{code}") for code, cls in DERIVE.items()),
]


@pytest.mark.parametrize(("exchange", "code", "expected", "reply"), CASES)
def test_documented_error_raises_its_class(
    simulator: Simulator, exchange: str, code: str, expected: type[ec.ExchangeError], reply: Reply
) -> None:
    """The exchange's error body becomes the mapped class carrying exchange, operation, status and code."""
    order_id = simulator.orders.id(exchange, simulator.orders.names(exchange)[0])

    def answer(_: Incoming) -> Reply:
        return reply

    simulator.faults.push(answer, exchange=exchange)
    if (exchange, code) in RESENT:
        # The signers re-sign and resend once on a refused nonce or timestamp; the refusal must come twice to reach us.
        simulator.faults.push(answer, exchange=exchange)
    error = _error_of_get_order(simulator, exchange, order_id)
    assert type(error) is expected
    assert (error.exchange, error.operation, error.code) == (ec.Exchange(exchange), "get_order", code)
    assert error.http_status == reply.status
    assert code in str(error)
    assert f"HTTP {reply.status}" in str(error)
    if isinstance(error, ec.RateLimitError) and exchange == "gemini":
        assert error.retry_after == 3.0
    if isinstance(error, ec.OrderNotFoundError):
        assert error.order_id == order_id


@pytest.mark.parametrize(
    ("enum", "table", "ignored"),
    [
        pytest.param(ErrorReason, GEMINI, set(), id="gemini"),
        pytest.param(KrakenError, KRAKEN_FUTURES, set(), id="kraken_futures"),
        pytest.param(ErrorCode, DIGIFINEX, {0}, id="digifinex"),
        pytest.param(RpcErrorCode, DERIVE, set(), id="derive"),
    ],
)
def test_every_code_in_the_spec_is_mapped(enum: Any, table: Mapping[Any, Any], ignored: set[object]) -> None:
    """The tables map exactly the codes our specs document (DigiFinex's 0 is success)."""
    assert set(table) == {member.value for member in enum} - ignored


_HTML_STATUSES = [
    (401, ec.AuthenticationError),
    (403, ec.PermissionDeniedError),
    # Only an exchange's own code says an order is missing (Gemini's conformance fixture not-found-404-empty-body).
    (404, ec.InvalidRequestError),
    (429, ec.RateLimitError),
    (500, ec.ExchangeUnavailableError),
    (502, ec.ExchangeUnavailableError),
    (503, ec.ExchangeUnavailableError),
    (520, ec.ExchangeUnavailableError),
    (418, ec.RateLimitError),
    (409, ec.UnexpectedResponseError),
]


@pytest.mark.parametrize(
    ("exchange", "status", "expected"),
    [
        (exchange, status, expected)
        for exchange in EXCHANGES
        for status, expected in _HTML_STATUSES
        # Kraken Futures' order status answering a page with 404 is its REST API removed: the order is read from the
        # Unified WebSocket instead (tests/streams/test_kraken_after_rest.py).
        if (exchange, status) != ("kraken_futures", 404)
    ],
)
def test_html_error_page_falls_back_on_the_status(
    simulator: Simulator, exchange: str, status: int, expected: type[ec.ExchangeError]
) -> None:
    """An HTML page instead of the exchange's error body is classified by its HTTP status, body kept short."""
    page = b"<html><head><title>Error</title></head><body>" + b"x" * 5000 + b"</body></html>"

    def answer(_: Incoming) -> Reply:
        return Reply(status=status, content=page, media_type="text/html", headers={"Retry-After": "7"})

    simulator.faults.push(answer, exchange=exchange)
    order_id = simulator.orders.id(exchange, simulator.orders.names(exchange)[0])
    error = _error_of_get_order(simulator, exchange, order_id)

    assert type(error) is expected
    assert error.http_status == status
    assert error.code is None
    assert error.body is not None
    assert error.body.startswith("<html>")
    assert len(error.body) < 600
    if isinstance(error, ec.RateLimitError):
        assert error.retry_after == 7.0


def test_garbage_with_200_is_an_unexpected_response(simulator: Simulator) -> None:
    """A 200 whose body is not the documented shape is UnexpectedResponseError with the body excerpt."""

    def answer(_: Incoming) -> Reply:
        return Reply(status=200, content=b'{"order_id": "1", "surprise": tru', media_type="application/json")

    simulator.faults.push(answer, exchange="gemini")
    with (
        ec.connect(
            "gemini", simulator.accounts.credentials("gemini"), base_url=simulator.base_url("gemini"), max_retries=0
        ) as client,
        pytest.raises(ec.UnexpectedResponseError) as raised,
    ):
        client.get_order("107421210")

    assert raised.value.http_status == 200
    assert raised.value.body == '{"order_id": "1", "surprise": tru'


def test_retry_after_reads_seconds_and_http_dates() -> None:
    """Retry-After in seconds or as an HTTP-date gives seconds to wait; a past date is 0, garbage None."""
    now = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)

    assert parse_retry_after("120", now=now) == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None, now=now) is None
