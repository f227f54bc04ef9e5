"""
Every response example in the four specs parses through its generated client and serializes back unchanged.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.exact_json import canonical, dumps
from tests.spec_examples import ResponseExample, endpoint_module, response_examples


EXAMPLES = response_examples()


def _parse(example: ResponseExample) -> Any:
    module = endpoint_module(example.exchange, example.operation_id)
    client = module.AuthenticatedClient(base_url="https://exchange.invalid", token="unused")
    response = httpx.Response(example.status, content=dumps(example.value).encode())
    return module._build_response(client=client, response=response).parsed  # noqa: SLF001


def _to_json(parsed: Any) -> Any:
    return [item.to_dict() for item in parsed] if isinstance(parsed, list) else parsed.to_dict()


IS_ERROR_ANSWER = {
    "gemini": lambda example: example.status >= 400,
    "kraken_futures": lambda example: example.value.get("result") == "error",
    "digifinex": lambda example: example.value.get("code") != 0,
    "derive": lambda example: "error" in example.value,
}


@pytest.mark.parametrize("exchange", IS_ERROR_ANSWER)
def test_exchange_documents_orders_and_errors(exchange: str) -> None:
    """Each spec carries examples of both order answers and error answers for its order-status operation."""
    kinds = {IS_ERROR_ANSWER[exchange](example) for example in EXAMPLES if example.exchange == exchange}

    assert kinds == {True, False}


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_round_trips(example: ResponseExample) -> None:
    """The example parses into typed models, nothing lands in additional_properties, and to_dict gives it back."""
    parsed = _parse(example)

    assert parsed is not None
    assert canonical(_to_json(parsed)) == canonical(example.value)
    for model in parsed if isinstance(parsed, list) else [parsed]:
        assert model.additional_properties == {}
