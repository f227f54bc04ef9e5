"""
A body that does not fit its schema fails with the real cause named and the HTTP status and body kept.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from exchange_clients.generated.derive import errors as derive_errors
from exchange_clients.generated.derive.api.orders import get_order
from exchange_clients.generated.kraken_futures import errors as kraken_errors
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status
from tests.exact_json import dumps
from tests.spec_examples import response_examples


def _example(exchange: str, name: str) -> Any:
    value = next(example.value for example in response_examples((exchange,)) if example.name == name)
    return copy.deepcopy(value)


def _kraken_parse(body: bytes, status: int = 200) -> Any:
    client = get_order_status.AuthenticatedClient(base_url="https://kraken.invalid", token="k")
    return get_order_status._build_response(client=client, response=httpx.Response(status, content=body))  # noqa: SLF001


def _derive_parse(body: bytes, status: int = 200) -> Any:
    client = get_order.AuthenticatedClient(base_url="https://derive.invalid", token="k")
    return get_order._build_response(client=client, response=httpx.Response(status, content=body))  # noqa: SLF001


def test_kraken_missing_field_is_named_not_the_error_branch() -> None:
    """An order without symbol is reported as the missing symbol, not as "'success' is not a valid ..."."""
    body = _example("kraken_futures", "orders_in_every_status")
    del body["orders"][2]["order"]["symbol"]

    with pytest.raises(kraken_errors.ResponseParseError) as caught:
        _kraken_parse(dumps(body).encode())

    message = str(caught.value)
    assert "GetOrderStatusSuccessResponse: KeyError: 'symbol'" in message
    assert "ErrorResponse" not in message.split("Response content", maxsplit=1)[0]
    assert isinstance(caught.value.cause, ValueError)


def test_kraken_bad_uuid_is_named() -> None:
    """An orderId that is not a UUID is reported with the offending value."""
    body = _example("kraken_futures", "orders_in_every_status")
    body["orders"][0]["order"]["orderId"] = "not-a-uuid"

    with pytest.raises(kraken_errors.ResponseParseError, match="badly formed hexadecimal UUID string"):
        _kraken_parse(dumps(body).encode())


def test_derive_bad_field_in_result_is_named_not_the_error_branch() -> None:
    """A Derive order with a missing creation_timestamp names it, not the JSON-RPC error member."""
    body = _example("derive", "v2_filled")
    del body["result"]["creation_timestamp"]

    with pytest.raises(derive_errors.ResponseParseError) as caught:
        _derive_parse(dumps(body).encode())

    message = str(caught.value).split("Response content")[0]
    assert "KeyError: 'creation_timestamp'" in message
    assert "RpcErrorResponse" not in message


def test_when_no_member_applies_every_reason_is_listed() -> None:
    """A body that is neither a success nor an error lists why each member refused it."""
    with pytest.raises(kraken_errors.ResponseParseError) as caught:
        _kraken_parse(b'{"result": "maybe"}')

    message = str(caught.value)
    assert "as GetOrderStatusSuccessResponse:" in message
    assert "as ErrorResponse:" in message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"<html><body>502 Bad Gateway</body></html>", id="html"),
        pytest.param(b'{"result": "success", "orders": [', id="truncated"),
        pytest.param(b"[1, 2]", id="array"),
        pytest.param(b"", id="empty"),
    ],
)
def test_garbage_keeps_status_and_body(body: bytes) -> None:
    """A body that is not the documented JSON raises ResponseParseError carrying the status and the body."""
    with pytest.raises(kraken_errors.ResponseParseError) as caught:
        _kraken_parse(body)

    assert caught.value.status_code == 200
    assert caught.value.content == body


def test_a_huge_body_is_shown_truncated() -> None:
    """The message shows at most the first 1,000 bytes of a body and says how long it was."""
    body = b"<html>" + b"x" * 50_000

    with pytest.raises(kraken_errors.ResponseParseError) as caught:
        _kraken_parse(body)

    assert len(str(caught.value)) < 1_300
    assert "(50006 bytes in all)" in str(caught.value)
    assert caught.value.content == body
