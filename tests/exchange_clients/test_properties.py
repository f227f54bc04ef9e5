"""
Whatever body arrives, reading it gives an `Order` (or a list of them) or a typed `ExchangeError`, nothing else.

Bodies come from two sources: every response schema of our specs (each exchange's order object, and each
operation's success and error answers), and mutations that break valid bodies (a key dropped, a value of another
type, NaN where a number belongs, a truncated or duplicated text). Orders that come out must carry no number a bad
answer could fake: every amount finite and not negative, every time in UTC, every text encodable.

hypothesis-jsonschema draws every leaf of a schema; objects, arrays and unions are composed here from those leaves
(`bodies`). Its own object strategy resolves each property's schema again on every draw, about 50 ms a body: 1,000
bodies per schema would take a quarter of an hour instead of minutes.

Each test runs with two budgets: 1,000 bodies under the `slow` marker and 100 others (another seed) without it, for
a quick `-m "not slow"` run. The default run has both (pyproject.toml says how long they take).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import httpx
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import exchange_clients as ec
from codegen.specs import EXCHANGES, resolved_spec
from exchange_clients.simulator import SimulatedAccounts
from tests.spec_examples import ResponseExample, documented_media, follow, response_examples


BUDGETS = [pytest.param(100, id="100"), pytest.param(1000, id="1000", marks=pytest.mark.slow)]
"""Bodies per schema (and per exchange, for mutations); each budget has its own seed, so neither repeats the other."""

EXCERPT_LIMIT = 600
"""The most an error's body excerpt may hold: 500 characters, the note on what was cut, and room to spare."""

TEXT_LIMIT = 1000
"""The most `str(error)` may hold: exchange, operation, status, code and a message, never the answer itself."""

FIXTURES = Path(__file__).parent.parent / "fixtures"

PARSERS: Mapping[str, Callable[[bytes], ec.Order]] = {
    "gemini": ec.gemini.parse_order,
    "kraken_futures": ec.kraken_futures.parse_order,
    "digifinex": ec.digifinex.parse_order,
    "derive": ec.derive.parse_order,
}

# The component that is one order as parse_order takes it.
ORDER_SCHEMAS = {"gemini": "Order", "kraken_futures": "OrderStatusDetailsJson", "digifinex": "Order", "derive": "Order"}

# The id the client asks for, written into generated orders so that normalization, not id matching, decides.
ASKED = {
    "gemini": "107421205",
    "kraken_futures": "2a1c6d4f-8d5e-4f9b-8c2b-3d4e5f6a7b81",
    "digifinex": "2a6f0c1b9e8d7c6b5a4f3e2d1c0b9a88",
    "derive": "e4774cdd-a079-4f86-814e-8b9140bb6db4",
}

OPERATIONS: Mapping[tuple[str, str], Callable[[ec.Client, str], object]] = {
    ("gemini", "getOrderStatus"): lambda client, order_id: client.get_order(order_id),
    ("gemini", "listActiveOrders"): lambda client, _: client.list_open_orders(),
    ("kraken_futures", "getOrderStatus"): lambda client, order_id: client.get_order(order_id),
    ("digifinex", "getOrderStatus"): lambda client, order_id: client.get_order(order_id),
    ("digifinex", "getCurrentOrders"): lambda client, _: client.list_open_orders(),
    ("derive", "getOrder"): lambda client, order_id: client.get_order(order_id),
    ("derive", "getOpenOrders"): lambda client, _: client.list_open_orders(),
}

AMOUNTS = ("price", "amount", "filled", "remaining", "average_price")

# Schema keywords that describe rather than constrain; OpenAPI extensions (x-...) go too.
_ANNOTATIONS = frozenset({"description", "examples", "example", "title", "discriminator", "deprecated"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_VALUES = frozenset({"items", "additionalProperties", "not", "contains", "propertyNames"})


def hypothesis_settings(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Deterministic runs of `examples` bodies: a seed per budget, no example database (no .hypothesis directory)."""
    configured = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )

    def apply(test: Callable[..., None]) -> Callable[..., None]:
        return seed(examples)(configured(test))

    return apply


# ------------------------------------------------------------------------------------------------------- schemas


def _plain(value: Any) -> Any:
    # The exact YAML loader gives numbers as Decimal; hypothesis-jsonschema takes int and float.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def json_schema(document: Mapping[str, Any], node: Any, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The OpenAPI schema `node` as a self-contained JSON Schema: references inlined, annotations dropped."""
    node, seen = follow(document, node, seen)
    schema: dict[str, Any] = {}
    for key, value in node.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        if key in _SCHEMA_MAPS:
            schema[key] = {name: json_schema(document, item, seen) for name, item in value.items()}
        elif key in _SCHEMA_LISTS:
            schema[key] = [json_schema(document, item, seen) for item in value]
        elif key in _SCHEMA_VALUES and isinstance(value, dict):
            schema[key] = json_schema(document, value, seen)
        else:
            schema[key] = _plain(value)
    return schema


class ResponseSchema(NamedTuple):
    """One schema an operation answers with, and the HTTP statuses it is documented for."""

    exchange: str
    operation_id: str
    statuses: tuple[int, ...]
    schema: dict[str, Any]

    @property
    def id(self) -> str:
        """A readable pytest id."""
        return f"{self.exchange}-{self.operation_id}-{'-'.join(map(str, self.statuses))}"


def response_schemas() -> list[ResponseSchema]:
    """Every distinct response schema of every operation of the four specs."""
    found: dict[tuple[str, str, str], ResponseSchema] = {}
    for exchange in EXCHANGES:
        for document, operation_id, status, media in documented_media(exchange):
            schema = json_schema(document, media["schema"])
            key = (exchange, operation_id, json.dumps(schema, sort_keys=True))
            known = found.get(key)
            statuses = (*known.statuses, status) if known else (status,)
            found[key] = ResponseSchema(exchange, operation_id, statuses, schema)
    return list(found.values())


def order_schema(exchange: str) -> dict[str, Any]:
    """The JSON Schema of one order as `parse_order` takes it."""
    return json_schema(resolved_spec(exchange), {"$ref": f"#/components/schemas/{ORDER_SCHEMAS[exchange]}"})


RESPONSE_SCHEMAS = response_schemas()


# -------------------------------------------------------------------------------------------------------- bodies


def decimal_texts() -> st.SearchStrategy[str]:
    """What a `format: decimal` string holds: mostly amounts as exchanges write them, sometimes a broken form.

    Seven in ten are plain non-negative decimals, so that most bodies are orders and the Order checks run; the
    rest are any finite decimal, in both notations, and the forms a broken answer sends.
    """
    amounts = st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False, places=10)
    finite = st.decimals(allow_nan=False, allow_infinity=False)
    odd = st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "1E-400", "-0", "1_000", " 1", "0x10", "\u0661"])
    others = st.one_of(finite.map(lambda value: f"{value:f}"), finite.map(str), odd)
    return st.integers(0, 9).flatmap(lambda draw: amounts.map(lambda value: f"{value:f}") if draw < 7 else others)


FORMATS = {"decimal": decimal_texts(), "uuid": st.uuids().map(str)}

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _merged_objects(members: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """One object schema with every member's properties and requirements, or None if a member is not an object."""
    merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for member in members:
        schema = _merged_objects(member["allOf"]) if "allOf" in member else member
        if schema is None or not ("properties" in schema or schema.get("type") == "object"):
            return None
        merged["properties"].update(schema.get("properties", {}))
        merged["required"] += [name for name in schema.get("required", []) if name not in merged["required"]]
    return merged


def bodies(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values `schema` allows, objects with up to two properties it does not name (new fields)."""
    if "allOf" in schema and (merged := _merged_objects(schema["allOf"])) is not None:
        return bodies(merged)
    for union in ("oneOf", "anyOf"):
        if union in schema:
            return st.one_of([bodies(member) for member in schema[union]])
    if schema.get("type") == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        named = {name: bodies(properties.get(name, {})) for name in required}
        optional = {name: bodies(item) for name, item in properties.items() if name not in required}
        unnamed = st.text(max_size=8).filter(lambda name: name not in properties and name not in required)
        new_fields = st.dictionaries(unnamed, JSON_VALUES, max_size=2)
        return st.builds(lambda known, new: new | known, st.fixed_dictionaries(named, optional=optional), new_fields)
    if schema.get("type") == "array" and "items" in schema:
        return st.lists(bodies(schema["items"]), max_size=3)
    return from_schema(schema, custom_formats=FORMATS)


class Constant(NamedTuple):
    """A JSON extension constant (NaN, Infinity, -Infinity) that Python's json would read, written bare."""

    token: str


def dumps(value: Any) -> str:
    """JSON text with Decimal and int as their exact digits, floats as json writes them, Constant bare."""
    if isinstance(value, Constant):
        return value.token
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(key))}: {dumps(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dumps(item) for item in value) + "]"
    return json.dumps(value)


ODD_STRINGS = [
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "-1",
    "-0.0",
    "1e400",
    "1e-400",
    "1e5000",
    "",
    " 1",
    "1_000",
    "\u0661\u0662",
    "\ud800",
    "9" * 400,
    "2026-11-22T10:00:00.000000001Z",
]

ODD_VALUES = [
    True,
    False,
    None,
    0,
    -1,
    2**64,
    2**70,
    10**400,
    Decimal("1E+400"),
    Decimal("1E-5000"),
    Decimal("-0.5"),
    Decimal("0.1"),
    [],
    {},
    Constant("NaN"),
    Constant("Infinity"),
    Constant("-Infinity"),
]


def odd_values() -> st.SearchStrategy[Any]:
    """A value a broken answer might hold where another was documented."""
    scalars = st.one_of(st.sampled_from(ODD_VALUES), st.sampled_from(ODD_STRINGS), st.text(max_size=8))
    return st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _mutate(document: Any, data: st.DataObject) -> Any:
    """`document` with one part dropped, replaced, wrapped in a list, or given a sibling it does not document."""
    path = data.draw(st.sampled_from(list(_paths(document))), label="path")
    action = data.draw(st.sampled_from(["drop", "replace", "replace", "wrap", "add"]), label="action")
    if not path:
        return [document] if action == "wrap" else data.draw(odd_values(), label="document")
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = data.draw(odd_values(), label="value")
    elif action == "wrap":
        parent[last] = [parent[last]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=6), label="new name")] = data.draw(odd_values(), label="new value")
    else:
        parent.append(data.draw(odd_values(), label="new item"))
    return document


def mutated(document: Any, data: st.DataObject, depths: Sequence[int]) -> bytes:
    """`document` mutated one to three times as JSON text, sometimes also truncated, nested or with a name twice."""
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        document = _mutate(document, data)
    text = dumps(document)
    damage = data.draw(st.sampled_from(["none", "none", "truncate", "nest", "duplicate"]), label="damage")
    if damage == "truncate" and text:
        text = text[: data.draw(st.integers(0, len(text) - 1), label="cut")]
    elif damage == "nest":
        depth = data.draw(st.sampled_from(depths), label="depth")
        text = "[" * depth + text + "]" * depth
    elif damage == "duplicate" and isinstance(document, dict) and document:
        name = data.draw(st.sampled_from(sorted(document, key=str)), label="duplicated")
        text = "{" + json.dumps(str(name)) + ": " + dumps(document[name]) + ", " + text[1:]
    return text.encode()


def _fixture_orders(exchange: str) -> list[Any]:
    return [
        json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        for path in sorted((FIXTURES / exchange).glob("*.json"))
    ]


def with_asked_ids(body: Any, exchange: str) -> Any:
    """A copy of `body` whose orders carry the id the client asks for, wherever the answer has orders."""
    body = copy.deepcopy(body)
    orders: list[Any] = []
    if exchange == "gemini":
        orders = body if isinstance(body, list) else [body]
    elif isinstance(body, dict) and exchange == "kraken_futures" and isinstance(body.get("orders"), list):
        orders = [item.get("order") for item in body["orders"] if isinstance(item, dict)]
    elif isinstance(body, dict) and exchange == "digifinex" and isinstance(body.get("data"), list):
        orders = body["data"]
    elif isinstance(body, dict) and exchange == "derive":
        orders = [body.get("result")]
    key = "orderId" if exchange == "kraken_futures" else "order_id"
    for order in orders:
        if isinstance(order, dict) and key in order:
            order[key] = ASKED[exchange]
    return body


# ------------------------------------------------------------------------------------------------------ outcomes


def check_order(order: object, exchange: str) -> None:
    """An Order of `exchange` whose amounts are finite and not negative, times UTC and texts encodable."""
    assert isinstance(order, ec.Order)
    assert order.exchange is ec.Exchange(exchange)
    for field in AMOUNTS:
        value = getattr(order, field)
        assert value is None or (isinstance(value, Decimal) and value.is_finite() and value >= 0), field
    assert order.fee is None or order.fee.is_finite()
    for moment in (order.created_at, order.updated_at):
        assert moment is None or moment.utcoffset() == timedelta(0)
    for text in (order.order_id, order.symbol, order.raw_status, order.client_order_id, order.fee_currency):
        if text is not None:
            text.encode()  # raises for a lone surrogate; "" (an empty client order id) is fine


def check_error(error: ec.ExchangeError, exchange: str) -> None:
    """A typed error of `exchange` keeping at most a short excerpt of the body, and short itself."""
    assert error.exchange is ec.Exchange(exchange)
    assert error.body is None or len(error.body) <= EXCERPT_LIMIT
    assert len(str(error)) <= TEXT_LIMIT


def parse(exchange: str, body: bytes) -> None:
    """parse_order gives an Order or raises UnexpectedResponseError; anything else escapes and fails the test."""
    try:
        order = PARSERS[exchange](body)
    except ec.UnexpectedResponseError as error:
        check_error(error, exchange)
        return
    check_order(order, exchange)


class Served:
    """A unified client whose requests are all answered with the status and body set last, without a network."""

    def __init__(self, exchange: str) -> None:
        self.exchange = exchange
        self.status = 200
        self.body = b""
        self.client = ec.connect(
            exchange,
            SimulatedAccounts().credentials(exchange),
            base_url="http://127.0.0.1:9",
            max_retries=0,
            httpx_args={"transport": httpx.MockTransport(self._answer)},
        )

    def _answer(self, _: httpx.Request) -> httpx.Response:
        return httpx.Response(self.status, content=self.body, headers={"content-type": "application/json"})

    def read(self, operation_id: str, status: int, body: bytes) -> None:
        """Orders or a typed ExchangeError from the answer; anything else escapes and fails the test."""
        self.status, self.body = status, body
        try:
            result = OPERATIONS[self.exchange, operation_id](self.client, ASKED[self.exchange])
        except ec.ExchangeError as error:
            check_error(error, self.exchange)
            return
        for order in result if isinstance(result, list) else [result]:
            check_order(order, self.exchange)


@pytest.fixture
def served() -> Iterator[Callable[[str], Served]]:
    """Served clients for the test, closed after it."""
    made: list[Served] = []

    def make(exchange: str) -> Served:
        made.append(Served(exchange))
        return made[-1]

    yield make
    for each in made:
        each.client.close()


# --------------------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("examples", BUDGETS)
@pytest.mark.parametrize("exchange", EXCHANGES)
def test_schema_orders_parse_to_an_order_or_an_error(exchange: str, examples: int) -> None:
    """parse_order turns every body its order schema allows into an Order or an UnexpectedResponseError."""
    runs: list[int] = []

    @hypothesis_settings(examples)
    @given(body=bodies(order_schema(exchange)))
    def check(body: Any) -> None:
        runs.append(len(text := dumps(body).encode()))
        parse(exchange, text)

    check()
    assert len(runs) >= examples


@pytest.mark.parametrize("examples", BUDGETS)
@pytest.mark.parametrize("response", RESPONSE_SCHEMAS, ids=[response.id for response in RESPONSE_SCHEMAS])
def test_schema_answers_read_to_orders_or_an_error(
    response: ResponseSchema, examples: int, served: Callable[[str], Served]
) -> None:
    """The client turns every answer a response schema allows, at its documented statuses, into orders or an error."""
    client = served(response.exchange)
    runs: list[int] = []

    @hypothesis_settings(examples)
    @given(body=bodies(response.schema), status=st.sampled_from(response.statuses))
    def check(body: Any, status: int) -> None:
        runs.append(len(text := dumps(with_asked_ids(body, response.exchange)).encode()))
        client.read(response.operation_id, status, text)

    check()
    assert len(runs) >= examples


@pytest.mark.parametrize("examples", BUDGETS)
@pytest.mark.parametrize("exchange", EXCHANGES)
def test_mutated_orders_parse_to_an_order_or_an_error(exchange: str, examples: int) -> None:
    """parse_order turns every mutation of a valid order into an Order or an UnexpectedResponseError."""
    orders = _fixture_orders(exchange)
    runs: list[int] = []

    @hypothesis_settings(examples)
    @given(index=st.integers(0, len(orders) - 1), data=st.data())
    def check(index: int, data: st.DataObject) -> None:
        runs.append(len(text := mutated(copy.deepcopy(orders[index]), data, depths=[50, 101, 5000, 100_000])))
        parse(exchange, text)

    check()
    assert len(runs) >= examples


@pytest.mark.parametrize("examples", BUDGETS)
@pytest.mark.parametrize("exchange", EXCHANGES)
def test_mutated_answers_read_to_orders_or_an_error(
    exchange: str, examples: int, served: Callable[[str], Served]
) -> None:
    """The client turns every mutation of a documented answer, at any documented status, into orders or an error."""
    answers: list[ResponseExample] = response_examples((exchange,))
    statuses = sorted({answer.status for answer in answers} | {200, 502})
    client = served(exchange)
    runs: list[int] = []

    @hypothesis_settings(examples)
    @given(index=st.integers(0, len(answers) - 1), status=st.sampled_from(statuses), data=st.data())
    def check(index: int, status: int, data: st.DataObject) -> None:
        answer = answers[index]
        runs.append(len(text := mutated(with_asked_ids(answer.value, exchange), data, depths=[50, 101, 5000, 100_000])))
        client.read(answer.operation_id, data.draw(st.sampled_from([answer.status, status]), label="status"), text)

    check()
    assert len(runs) >= examples
