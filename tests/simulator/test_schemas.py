"""
Every body the simulator serves, success or error, validates against the response schema of our resolved specs.

The specs are OpenAPI 3.1, so their schemas are JSON Schema 2020-12; `$ref`s resolve inside the whole document.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from codegen.specs import resolved_spec
from exchange_clients.simulator import EXCHANGES, RecordedRequest, Simulator
from tests.simulator.signing import derive_headers, digifinex_headers, gemini_headers, kraken_headers, next_nonce


# Where each exchange's answers are documented: the spec path and method of the operation a request reached.
OPERATIONS: dict[str, Callable[[str], tuple[str, str]]] = {
    "gemini": lambda path: (path, "post"),
    "kraken_futures": lambda path: (path.removeprefix("/derivatives/api/v3"), "post"),
    "digifinex": lambda _path: ("/v3/{market}/order", "get"),
    "derive": lambda _path: ("/private/get_order", "post"),
}
# The schema of answers to endpoints or statuses the specs do not document: each exchange's error object.
UNDOCUMENTED = {
    "gemini": "ErrorResponse",
    "kraken_futures": "ErrorResponse",
    "digifinex": "OrderStatusResponse",
    "derive": "RpcErrorResponse",
}


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


@functools.cache
def _spec(exchange: str) -> dict[str, Any]:
    return resolved_spec(exchange)


@functools.cache
def _registry(exchange: str) -> Registry[Any]:
    return Registry().with_resource("urn:spec", DRAFT202012.create_resource(_spec(exchange)))


@functools.cache
def _validator(exchange: str, path: str, status: int) -> Draft202012Validator:
    spec = _spec(exchange)
    spec_path, method = OPERATIONS[exchange](path)
    operation = spec["paths"].get(spec_path, {}).get(method)
    if operation is None or str(status) not in operation["responses"]:
        pointer = f"/components/schemas/{UNDOCUMENTED[exchange]}"
    else:
        response = operation["responses"][str(status)]
        pointer = (
            response["$ref"].removeprefix("#")
            if "$ref" in response
            else (f"/paths/{_escape(spec_path)}/{method}/responses/{status}")
        )
        pointer += "/content/application~1json/schema"
    return Draft202012Validator(
        {"$ref": f"urn:spec#{pointer}"},
        registry=_registry(exchange),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _gemini(http: httpx.Client, simulator: Simulator) -> None:
    url = simulator.base_url("gemini")
    trader, auditor = simulator.accounts.gemini, simulator.accounts.gemini_auditor

    def post(payload: dict[str, Any], *, path: str = "/v1/order/status", key: Any = trader, secret: str = "") -> None:
        headers = gemini_headers(key.api_key, secret or key.api_secret, {"nonce": next_nonce()} | payload)
        http.post(url + path, headers=headers)

    for order in simulator.orders.of("gemini"):
        for include_trades in (False, True):
            post({"request": "/v1/order/status", "order_id": int(order.order_id), "include_trades": include_trades})
    post({"request": "/v1/orders"}, path="/v1/orders")
    post({"request": "/v1/order/status", "order_id": 1})
    post({"request": "/v1/order/status", "order_id": 1}, secret="wrong")
    post({"request": "/v1/orders", "order_id": 1})
    post({"request": "/v1/order/status", "order_id": 1}, key=auditor)
    post({"request": "/v1/order/status", "order_id": 1, "nonce": 1})
    post({"request": "/v1/order/status", "order_id": "1"})
    http.post(url + "/v1/order/status")
    http.post(url + "/v1/unknown")


def _kraken(http: httpx.Client, simulator: Simulator) -> None:
    account = simulator.accounts.kraken_futures
    url = simulator.base_url("kraken_futures") + "/orders/status"

    def post(query: str, nonce: int | None = None, secret: str = "") -> None:
        headers = kraken_headers(account.api_key, secret or account.api_secret, query, nonce)
        http.post(f"{url}?{query}", headers=headers)

    orders = simulator.orders.of("kraken_futures")
    post("&".join(f"orderIds={order.order_id}" for order in orders))
    for order in orders:
        post(f"orderIds={order.order_id}", next_nonce())
    post("orderIds=00000000-0000-4000-8000-000000000000")
    post("orderIds=00000000-0000-4000-8000-000000000000", secret="AAAA")
    post("orderIds=00000000-0000-4000-8000-000000000000", nonce=1)
    post("")
    post("orderIds=x")
    http.get(simulator.base_url("kraken_futures") + "/openorders")


def _digifinex(http: httpx.Client, simulator: Simulator) -> None:
    account = simulator.accounts.digifinex
    base = simulator.base_url("digifinex")

    def get(query: str, *, market: str = "spot", secret: str = "", key: str = "", lag: int = 0) -> None:
        headers = digifinex_headers(key or account.api_key, secret or account.api_secret, query, int(time.time()) - lag)
        http.get(f"{base}/v3/{market}/order?{query}", headers=headers)

    orders = simulator.orders.of("digifinex")
    for order in orders:
        get(f"order_id={order.order_id}", market=order.body["kind"])
    get("order_id=" + ",".join(order.order_id for order in orders))
    get("order_id=ffffffffffffffffffffffffffffffff")
    get("order_id=a,,b")
    get("order_id=a", secret="wrong")
    get("order_id=a", key="unknown")
    get("order_id=a", lag=60)
    http.post(f"{base}/v3/spot/order")
    http.get(f"{base}/v3/spot/unknown")


def _derive(http: httpx.Client, simulator: Simulator) -> None:
    account = simulator.accounts.derive
    stranger = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
    bodies = [
        json.dumps({"order_id": order.order_id, "subaccount_id": 30769}) for order in simulator.orders.of("derive")
    ]
    bodies += ['{"order_id": "x", "subaccount_id": 30769}', '{"order_id": "x", "subaccount_id": 1}', '{"order_id": 1}']
    bodies += ["{not json"]
    signers = [(account.wallet, account.private_key), (account.wallet, stranger), ("0x" + "00" * 20, stranger)]
    for environment, prefix in (("production", "X-Derive"), ("lyra", "X-Lyra")):
        url = simulator.base_url("derive", environment) + "/private/get_order"
        for (wallet, key), body in [*((signers[0], body) for body in bodies), *((signer, "{}") for signer in signers)]:
            headers = derive_headers(wallet, key, time.time_ns() // 1_000_000, prefix=prefix)
            http.post(url, headers=headers, content=body)
        http.post(url, content=b"{}")
        http.post(url.removesuffix("get_order") + "get_orders", content=b"{}")


@pytest.fixture(scope="module")
def served() -> list[RecordedRequest]:
    with Simulator() as simulator, httpx.Client(timeout=5.0) as http:
        for scenario in (_gemini, _kraken, _digifinex, _derive):
            scenario(http, simulator)
        return simulator.requests()


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_every_served_body_validates(served: list[RecordedRequest], exchange: str) -> None:
    """Each body the exchange's simulator sent validates against the spec schema for its operation and status."""
    problems = [
        f"{record.method} {record.path} {record.status} {record.reason}: {error.message}"
        for record in served
        if record.exchange == exchange
        for error in _validator(exchange, record.path, record.status).iter_errors(
            json.loads(record.response, parse_float=Decimal)
        )
    ]

    assert problems == []


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_scenarios_cover_orders_and_refusals(served: list[RecordedRequest], exchange: str) -> None:
    """The validated bodies include accepted answers and at least five kinds of refusal for every exchange."""
    records = [record for record in served if record.exchange == exchange]
    reasons = {record.reason for record in records if record.outcome == "rejected"}

    assert any(record.outcome == "accepted" for record in records)
    assert len(reasons) >= 5


STATUS_FIELD: dict[str, Callable[[Any], Any]] = {
    "gemini": lambda body: body,
    "kraken_futures": lambda body: body["orders"][0],
    "digifinex": lambda body: body["data"][0],
    "derive": lambda body: body["result"],
}
STATUS_NAME = {"gemini": "is_live", "kraken_futures": "status", "digifinex": "status", "derive": "order_status"}


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_validation_has_teeth(served: list[RecordedRequest], exchange: str) -> None:
    """A served order whose status field is a JSON string of the wrong kind fails validation: bodies are checked."""
    record = next(record for record in served if record.exchange == exchange and record.outcome == "accepted")
    body = json.loads(record.response, parse_float=Decimal)
    # Removing the field is no test for Gemini, whose document requires none; a wrong type is refused everywhere.
    STATUS_FIELD[exchange](body)[STATUS_NAME[exchange]] = ["not", "a", "status"]

    assert list(_validator(exchange, record.path, record.status).iter_errors(body))
