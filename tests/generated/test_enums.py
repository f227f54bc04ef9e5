"""
Enum values the specs do not list parse into members that keep the raw value; discriminators stay strict.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest

from exchange_clients.generated.derive.models import GetOrderResponse
from exchange_clients.generated.derive.models import OrderStatus as DeriveOrderStatus
from exchange_clients.generated.digifinex.models import ErrorCode as DigiFinexErrorCode
from exchange_clients.generated.digifinex.models import OrderStatus as DigiFinexOrderStatus
from exchange_clients.generated.digifinex.models import OrderStatusResponse
from exchange_clients.generated.gemini.models import ErrorReason as GeminiErrorReason
from exchange_clients.generated.gemini.models import ErrorResponse as GeminiErrorResponse
from exchange_clients.generated.kraken_futures.models import Error as KrakenError
from exchange_clients.generated.kraken_futures.models import ErrorResponse as KrakenErrorResponse
from exchange_clients.generated.kraken_futures.models import (
    GetOrderStatusSuccessResponse,
    OrderStatusJson,
    ResultSuccessResult,
)
from exchange_clients.runtime import DiscriminatorMismatch
from tests.exact_json import canonical
from tests.spec_examples import response_examples


def _example(exchange: str, name: str) -> Any:
    value = next(example.value for example in response_examples((exchange,)) if example.name == name)
    return copy.deepcopy(value)


def _kraken_with_status(status: str) -> Any:
    body = _example("kraken_futures", "orders_in_every_status")
    body["orders"][0]["status"] = status
    return body


def _digifinex_with_status(status: int) -> Any:
    body = _example("digifinex", "status_0_none_executed")
    body["data"][0]["status"] = status
    return body


def _derive_with_status(status: str) -> Any:
    body = _example("derive", "v2_open_unfilled")
    body["result"]["order_status"] = status
    return body


def _gemini_with_reason(reason: str) -> Any:
    return _example("gemini", "orderNotFound") | {"reason": reason}


@pytest.mark.parametrize(
    ("model", "body", "read", "raw"),
    [
        pytest.param(
            GetOrderStatusSuccessResponse,
            _kraken_with_status("PARTIALLY_FILLED"),
            lambda parsed: parsed.orders[0].status,
            "PARTIALLY_FILLED",
            id="kraken-status",
        ),
        pytest.param(
            OrderStatusResponse,
            _digifinex_with_status(7),
            lambda parsed: parsed.data[0].status,
            7,
            id="digifinex-status",
        ),
        pytest.param(
            GetOrderResponse,
            _derive_with_status("replaced"),
            lambda parsed: parsed.result.order_status,
            "replaced",
            id="derive-status",
        ),
        pytest.param(
            GeminiErrorResponse,
            _gemini_with_reason("SomethingNew"),
            lambda parsed: parsed.reason,
            "SomethingNew",
            id="gemini-reason",
        ),
        pytest.param(
            OrderStatusResponse,
            {"code": 10099},
            lambda parsed: parsed.code,
            10099,
            id="digifinex-code",
        ),
        pytest.param(
            KrakenErrorResponse,
            {"result": "error", "serverTime": "2026-11-22T10:00:05.123Z", "error": "someNewError"},
            lambda parsed: parsed.error,
            "someNewError",
            id="kraken-error",
        ),
    ],
)
def test_unlisted_value_parses_and_keeps_its_raw_value(model: Any, body: Any, read: Any, raw: object) -> None:
    """A value the spec does not list becomes an UNRECOGNIZED member equal to the raw value, and round-trips."""
    parsed = model.from_dict(body)
    member = read(parsed)

    assert isinstance(member, Enum)
    assert member.name == "UNRECOGNIZED"
    assert member.value == raw
    assert member == raw
    assert member.is_recognized is False
    assert canonical(parsed.to_dict()) == canonical(body)


@pytest.mark.parametrize(
    ("enum", "value"),
    [
        pytest.param(OrderStatusJson, "ENTERED_BOOK", id="kraken"),
        pytest.param(DigiFinexOrderStatus, 2, id="digifinex"),
        pytest.param(DeriveOrderStatus, "rejected", id="derive"),
        pytest.param(GeminiErrorReason, "InvalidNonce", id="gemini"),
        pytest.param(DigiFinexErrorCode, 20013, id="digifinex-code"),
        pytest.param(KrakenError, "apiLimitExceeded", id="kraken-error"),
    ],
)
def test_listed_values_are_the_named_members(enum: Any, value: object) -> None:
    """A listed value is the ordinary member, recognized, and unlisted values do not pollute the enum."""
    member = enum(value)

    assert member.is_recognized is True
    assert member is enum._value2member_map_[value]
    assert "UNRECOGNIZED" not in enum.__members__


def test_digifinex_members_carry_the_documented_names() -> None:
    """DigiFinex's integer statuses and codes have readable names, not VALUE_n."""
    assert DigiFinexOrderStatus(4).name == "CANCELLED_PARTIALLY_EXECUTED"
    assert DigiFinexErrorCode(20013).name == "NO_ORDER_INFO_FOUND"


@pytest.mark.parametrize(
    "value",
    [pytest.param("error", id="other-member"), pytest.param("ok", id="unknown"), pytest.param(1, id="not-a-string")],
)
def test_single_value_discriminators_stay_strict(value: object) -> None:
    """`result: success` accepts only "success", so an error body can never half-parse as a success."""
    with pytest.raises(DiscriminatorMismatch):
        ResultSuccessResult(value)


def test_wrong_json_type_for_an_enum_is_refused() -> None:
    """A number where Kraken's status string belongs is refused, not kept as a pseudo-member."""
    with pytest.raises(ValueError, match="is not a valid OrderStatusJson"):
        OrderStatusJson(5)


@pytest.mark.parametrize(
    ("enum", "value", "outcome"),
    [
        pytest.param(DigiFinexOrderStatus, 2, "FULLY_EXECUTED", id="int-listed"),
        pytest.param(DigiFinexOrderStatus, 7, "UNRECOGNIZED", id="int-unlisted"),
        pytest.param(DigiFinexOrderStatus, True, ValueError, id="int-true-is-not-1"),
        pytest.param(DigiFinexErrorCode, False, ValueError, id="int-false-is-not-0"),
        pytest.param(DigiFinexOrderStatus, Decimal("2.0"), ValueError, id="int-decimal-hashing-as-2"),
        pytest.param(DigiFinexOrderStatus, 2.0, ValueError, id="int-float"),
        pytest.param(DigiFinexOrderStatus, "2", ValueError, id="int-string"),
        pytest.param(OrderStatusJson, "ENTERED_BOOK", "ENTERED_BOOK", id="str-listed"),
        pytest.param(OrderStatusJson, "PARKED", "UNRECOGNIZED", id="str-unlisted"),
        pytest.param(GeminiErrorReason, None, ValueError, id="str-null"),
        pytest.param(DeriveOrderStatus, ["open"], ValueError, id="str-array"),
        pytest.param(ResultSuccessResult, "success", "SUCCESS", id="discriminator-listed"),
    ],
)
def test_an_enum_takes_only_its_json_type(enum: Any, value: object, outcome: object) -> None:
    """A listed value is its member, an unlisted one of the right JSON type is UNRECOGNIZED, and any other is refused.

    Enum looks a value up by hash first, so without the integers-only check `true` would read as status 1.
    """
    if outcome is ValueError:
        with pytest.raises(ValueError, match=enum.__name__):
            enum(value)
        return
    member = enum(value)
    assert member.name == outcome
    assert member == value
    assert type(member) is enum


def test_an_enum_cannot_be_extended_through_its_call() -> None:
    """Extra arguments go to EnumType, which refuses to extend an enum with members; the members stay as they were.

    CPython refuses with TypeError up to 3.12 and, reading the arguments as one value, with ValueError from 3.13.
    """
    enum: Any = OrderStatusJson
    members = list(enum)
    with pytest.raises((TypeError, ValueError)):
        enum("Extended", ["A"])
    assert list(enum) == members
