"""
JSON numbers reach the generated models as exact Decimal, annotated Decimal; decimal strings stay exact text.
"""

from __future__ import annotations

import inspect
import sys
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
import pytest

from exchange_clients.generated.derive import AuthenticatedClient as DeriveClient
from exchange_clients.generated.derive.api.orders import get_order
from exchange_clients.generated.derive.models import GetOrderParams, GetOrderResponse
from exchange_clients.generated.digifinex import AuthenticatedClient as DigiFinexClient
from exchange_clients.generated.digifinex.api.orders import get_order_status as digifinex_get_order_status
from exchange_clients.generated.digifinex.models import Market, OrderStatusResponse
from exchange_clients.generated.digifinex.models import Order as DigiFinexOrder
from exchange_clients.generated.gemini import AuthenticatedClient as GeminiClient
from exchange_clients.generated.gemini.api.orders import get_order_status as gemini_get_order_status
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.gemini.models import OrderStatusRequest
from exchange_clients.generated.kraken_futures import AuthenticatedClient as KrakenClient
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status as kraken_get_order_status
from exchange_clients.generated.kraken_futures.errors import ResponseParseError
from exchange_clients.generated.kraken_futures.models import (
    CachedOrderJson,
    GetOrderStatusSuccessResponse,
    TriggerOptions,
)
from tests.exact_json import dumps
from tests.spec_examples import response_examples


LONG = "34567.123456789012345"
NOT_QUITE_POINT_THREE = "0.30000000000000004441"
ORDER_ID = UUID("1f0b5c3e-7c4d-4e8a-9b1a-2c3d4e5f6a70")


def _example(exchange: str, name: str) -> Any:
    return next(example.value for example in response_examples((exchange,)) if example.name == name)


def _serving(body: str, status: int = 200) -> dict[str, Any]:
    return {"transport": httpx.MockTransport(lambda _request: httpx.Response(status, content=body.encode()))}


def _kraken_body(quantity: str = NOT_QUITE_POINT_THREE, limit_price: str = LONG) -> str:
    return (
        '{"result":"success","serverTime":"2026-11-22T10:00:05.123Z","orders":[{"order":{"type":"ORDER",'
        f'"orderId":"{ORDER_ID}","cliOrdId":null,"symbol":"PF_XBTUSD","side":"buy","quantity":{quantity},'
        f'"filled":0,"limitPrice":{limit_price},"reduceOnly":false,"timestamp":"2026-11-22T10:00:00.000Z",'
        '"lastUpdateTimestamp":"2026-11-22T10:00:00.000Z","priceTriggerOptions":null,"triggerTime":null,'
        '"algoId":null},"status":"ENTERED_BOOK","updateReason":null,"error":null}]}'
    )


def _kraken_get(body: str) -> Any:
    with KrakenClient(base_url="https://kraken.invalid", token="k", httpx_args=_serving(body)) as client:
        return kraken_get_order_status.sync(client=client, order_ids=[ORDER_ID])


def test_kraken_numbers_keep_every_digit() -> None:
    """A Kraken limitPrice and quantity come back digit for digit, as Decimal, even a whole `0`."""
    answer = _kraken_get(_kraken_body())

    assert isinstance(answer, GetOrderStatusSuccessResponse)
    order = answer.orders[0].order
    assert order.limit_price == Decimal(LONG)
    assert str(order.limit_price) == LONG
    assert str(order.quantity) == NOT_QUITE_POINT_THREE
    assert type(order.filled) is Decimal
    assert order.filled == 0


def test_digifinex_numbers_keep_every_digit() -> None:
    """DigiFinex amounts and prices (JSON numbers) come back digit for digit, as Decimal."""
    body = (
        '{"code":0,"data":[{"symbol":"BTC_USDT","order_id":"dd3164b333a4afa9d5730bb87f6db8b3","created_date":1,'
        f'"finished_date":0,"price":{LONG},"amount":{NOT_QUITE_POINT_THREE},"cash_amount":1,"executed_amount":0,'
        '"avg_price":0,"status":1,"type":"buy","kind":"spot"}]}'
    )
    with DigiFinexClient(base_url="https://digifinex.invalid", token="k", httpx_args=_serving(body)) as client:
        answer = digifinex_get_order_status.sync(
            Market.SPOT, client=client, order_id="dd3164b333a4afa9d5730bb87f6db8b3"
        )

    assert isinstance(answer, OrderStatusResponse)
    assert isinstance(answer.data, list)
    (order,) = answer.data
    assert (str(order.price), str(order.amount)) == (LONG, NOT_QUITE_POINT_THREE)
    assert type(order.cash_amount) is Decimal


def test_gemini_and_derive_decimal_strings_stay_exact() -> None:
    """Gemini and Derive send amounts as decimal strings; the models keep the text untouched."""
    gemini = _example("gemini", "liveUnfilled") | {"price": LONG, "original_amount": NOT_QUITE_POINT_THREE}
    derive = _example("derive", "v2_open_unfilled")
    derive["result"] |= {"limit_price": LONG, "amount": "0.000000000000000001"}
    with GeminiClient(base_url="https://gemini.invalid", token="k", httpx_args=_serving(dumps(gemini))) as client:
        gemini_order = gemini_get_order_status.sync(client=client, body=OrderStatusRequest(order_id=2**63 - 1))
    with DeriveClient(base_url="https://derive.invalid", token="k", httpx_args=_serving(dumps(derive))) as client:
        derive_answer = get_order.sync(client=client, body=GetOrderParams(order_id="x", subaccount_id=1))

    assert isinstance(gemini_order, GeminiOrder)
    assert (gemini_order.price, gemini_order.original_amount) == (LONG, NOT_QUITE_POINT_THREE)
    assert isinstance(derive_answer, GetOrderResponse)
    assert (derive_answer.result.limit_price, derive_answer.result.amount) == (LONG, "0.000000000000000001")


@pytest.mark.parametrize(
    ("model", "field", "annotation"),
    [
        pytest.param(CachedOrderJson, "quantity", "Decimal | None", id="kraken-quantity"),
        pytest.param(CachedOrderJson, "limit_price", "Decimal | None", id="kraken-limit-price"),
        pytest.param(TriggerOptions, "trigger_price", "Decimal", id="kraken-trigger-price"),
        pytest.param(DigiFinexOrder, "price", "Decimal", id="digifinex-price"),
        pytest.param(DigiFinexOrder, "executed_amount", "Decimal", id="digifinex-executed-amount"),
    ],
)
def test_numbers_are_annotated_decimal(model: type, field: str, annotation: str) -> None:
    """The generated annotation of a JSON number says Decimal, so type checkers see what runs."""
    assert inspect.get_annotations(model)[field] == annotation
    assert sys.modules[model.__module__].Decimal is Decimal


@pytest.mark.parametrize(
    ("quantity", "complaint"),
    [
        pytest.param('"1.5"', "'quantity': expected a JSON number, got str '1.5'", id="string"),
        pytest.param("true", "'quantity': expected a JSON number, got bool True", id="boolean"),
        pytest.param("NaN", "NaN is not a JSON number", id="nan"),
        pytest.param("Infinity", "Infinity is not a JSON number", id="infinity"),
    ],
)
def test_a_number_field_refuses_what_is_not_a_json_number(quantity: str, complaint: str) -> None:
    """A quantity that is not a finite JSON number fails the response with the field and the value named."""
    with pytest.raises(ResponseParseError) as caught:
        _kraken_get(_kraken_body(quantity=quantity))

    assert complaint in str(caught.value)
    assert "ResultErrorResult" not in str(caught.value)  # the error branch of the oneOf is not the cause
    assert caught.value.status_code == 200
    assert quantity.encode() in caught.value.content


def test_a_float_from_a_lossy_decoder_is_refused() -> None:
    """from_dict on a dict decoded without parse_float=Decimal is refused, not silently rounded."""
    order = _example("kraken_futures", "orders_in_every_status")["orders"][1]["order"] | {"triggerTime": None}
    order["quantity"] = 2.5

    with pytest.raises(ValueError, match=r"'quantity': expected a JSON number decoded as Decimal, got the float 2.5"):
        CachedOrderJson.from_dict(order)
