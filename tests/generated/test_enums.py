"""
Enum values the specs do not list parse into members that keep the raw value; discriminators stay strict.
"""

from __future__ import annotations

import copy
from enum import Enum, EnumType
from typing import Any

import pytest
from derive_api.models import GetOrderResponse
from derive_api.models import OrderStatus as DeriveOrderStatus
from digifinex_api.models import ErrorCode as DigiFinexErrorCode
from digifinex_api.models import OrderStatus as DigiFinexOrderStatus
from digifinex_api.models import OrderStatusResponse
from gemini_api.models import ErrorReason as GeminiErrorReason
from gemini_api.models import ErrorResponse as GeminiErrorResponse
from kraken_futures_api.models import Error as KrakenError
from kraken_futures_api.models import ErrorResponse as KrakenErrorResponse
from kraken_futures_api.models import GetOrderStatusSuccessResponse, OrderStatusJson, ResultSuccessResult
from kraken_futures_api.types import DiscriminatorMismatch

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
    assert member is enum._value2member_map_[value]  # noqa: SLF001
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


ENUM_CALLS: list[Any] = [
    OrderStatusJson,
    DeriveOrderStatus,
    GeminiErrorReason,
    KrakenError,
    DigiFinexOrderStatus,
    DigiFinexErrorCode,
    ResultSuccessResult,
]


def _without_the_shortcut(enum: Any, value: object) -> Any:
    """What the enum's call did before ByValue: the integer enums' JSON-integer check, then EnumType's lookup."""
    if issubclass(enum, int) and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(value)
    return EnumType.__call__(enum, value)


def _outcome(call: Any, value: object) -> tuple[str, object]:
    try:
        member = call(value)
    except (ValueError, TypeError) as error:
        return "error", type(error)
    return "member", (type(member), member.name, member.value)


@pytest.mark.parametrize("enum", ENUM_CALLS, ids=lambda enum: f"{enum.__module__.split('.')[0]}.{enum.__name__}")
@pytest.mark.parametrize(
    "value",
    ["ENTERED_BOOK", "rejected", "InvalidNonce", "success", "new", 2, 20013, 7, True, 2.0, None, [1], {"a": 1}],
    ids=repr,
)
def test_the_lookup_by_value_answers_as_enum_itself(enum: Any, value: object) -> None:
    """ByValue's shortcut gives what EnumType.__call__ gives: the member, a pseudo-member or the same error."""
    assert _outcome(enum, value) == _outcome(lambda raw: _without_the_shortcut(enum, raw), value)


def test_an_enum_cannot_be_extended_through_its_call() -> None:
    """Extra arguments go to EnumType, which refuses to extend an enum with members; the members stay as they were.

    CPython refuses with TypeError up to 3.12 and, reading the arguments as one value, with ValueError from 3.13.
    """
    enum: Any = OrderStatusJson
    members = list(enum)
    with pytest.raises((TypeError, ValueError)):
        enum("Extended", ["A"])
    assert list(enum) == members
