"""
The generated clients with our signers, against the simulator over loopback HTTP.

Orders come back typed, and every refusal the simulator makes (its own verification, not ours) surfaces as the
right typed error.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients import derive, digifinex, gemini, kraken_futures
from exchange_clients.generated.derive.api.orders import get_order
from exchange_clients.generated.derive.models import GetOrderParams, GetOrderResponse
from exchange_clients.generated.digifinex.api.orders import get_order_status as digifinex_get_order_status
from exchange_clients.generated.digifinex.models import Market, OrderStatusResponse
from exchange_clients.generated.gemini.api.orders import get_order_status as gemini_get_order_status
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.gemini.models import OrderStatusRequest
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status as kraken_get_order_status
from exchange_clients.generated.kraken_futures.models import GetOrderStatusSuccessResponse
from exchange_clients.simulator import Simulator


# Hardhat development key #3: a valid key that is neither the simulated wallet's owner nor its session key.
STRANGER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"


def _cases(simulator_orders: list[tuple[str, str]]) -> list[Any]:
    return [pytest.param(exchange, name, id=f"{exchange}-{name}") for exchange, name in simulator_orders]


ORDERS = [(exchange, name) for exchange in EXCHANGES for name in Simulator().orders.names(exchange)]


@pytest.mark.parametrize(("exchange", "name"), _cases(ORDERS))
def test_unified_client_reads_every_simulated_order(simulator: Simulator, exchange: str, name: str) -> None:
    """Every order the simulator serves comes back as an Order with the status DESIGN.md's table gives it."""
    expected = simulator.orders.named(exchange, name)

    # DigiFinex looks in one market per call; its catalogue has a margin order.
    market = "margin" if expected.body.get("kind") == "margin" else None

    with ec.connect(
        exchange, simulator.accounts.credentials(exchange), base_url=simulator.base_url(exchange)
    ) as client:
        order = client.get_order(expected.order_id, market=market)

    assert order.exchange == ec.Exchange(exchange)
    assert order.status is ec.OrderStatus[expected.expected_status]
    assert order.order_id.lower() == expected.order_id.lower()


def test_digifinex_margin_orders_need_the_margin_market(simulator: Simulator) -> None:
    """A margin order is found with market="margin" and is absent from the spot market."""
    order_id = simulator.orders.id("digifinex", "cancelled_partially_filled")
    credentials = simulator.accounts.credentials("digifinex")

    with ec.connect("digifinex", credentials, base_url=simulator.base_url("digifinex")) as client:
        assert client.get_order(order_id, market="margin").status is ec.OrderStatus.CANCELED
        with pytest.raises(ec.OrderNotFoundError, match=order_id):
            client.get_order(order_id)


def test_generated_gemini_client_returns_the_typed_order(simulator: Simulator) -> None:
    """gemini.client() gives the generated client, signed, and its answer is the generated Order model."""
    order_id = simulator.orders.id("gemini", "wide_id")
    credentials = simulator.accounts.credentials("gemini")
    assert isinstance(credentials, gemini.GeminiCredentials)

    with gemini.client(credentials, base_url=simulator.base_url("gemini")) as client:
        answer = gemini_get_order_status.sync(client=client, body=OrderStatusRequest(order_id=int(order_id)))

    assert isinstance(answer, GeminiOrder)
    assert answer.order_id == str(2**63 - 1)


def test_generated_kraken_client_returns_the_typed_answer(simulator: Simulator) -> None:
    """kraken_futures.client() signs the query it sends; the answer is the generated success model."""
    first = simulator.orders.id("kraken_futures", "entered_book")
    second = simulator.orders.id("kraken_futures", "cancelled")
    credentials = simulator.accounts.credentials("kraken_futures")
    assert isinstance(credentials, kraken_futures.KrakenFuturesCredentials)

    with kraken_futures.client(credentials, base_url=simulator.base_url("kraken_futures")) as client:
        answer = kraken_get_order_status.sync(client=client, order_ids=[_uuid(first), _uuid(second)])

    assert isinstance(answer, GetOrderStatusSuccessResponse)
    assert {str(detail.order.order_id) for detail in answer.orders} == {first, second}


def test_generated_digifinex_client_returns_the_typed_answer(simulator: Simulator) -> None:
    """digifinex.client() signs the comma-joined ids as sent; the answer is the generated response model."""
    ids = [simulator.orders.id("digifinex", name) for name in ("filled", "open")]
    credentials = simulator.accounts.credentials("digifinex")
    assert isinstance(credentials, digifinex.DigiFinexCredentials)

    with digifinex.client(credentials, base_url=simulator.base_url("digifinex")) as client:
        answer = digifinex_get_order_status.sync(Market.SPOT, client=client, order_id=",".join(ids))

    assert isinstance(answer, OrderStatusResponse)
    assert answer.code == 0
    assert sorted(order.order_id for order in answer.data or []) == sorted(ids)


@pytest.mark.parametrize("environment", ["production", "lyra"])
def test_generated_derive_client_returns_the_typed_answer(simulator: Simulator, environment: str) -> None:
    """derive.client() signs with the header family of the environment's generation (v3 or v2)."""
    order_id = simulator.orders.id("derive", "filled")
    credentials = simulator.accounts.credentials("derive")
    assert isinstance(credentials, derive.DeriveCredentials)
    assert credentials.subaccount_id is not None
    url = simulator.base_url("derive", environment)

    with derive.client(credentials, environment=environment, base_url=url) as client:
        answer = get_order.sync(
            client=client, body=GetOrderParams(order_id=order_id, subaccount_id=credentials.subaccount_id)
        )

    assert isinstance(answer, GetOrderResponse)
    assert answer.result.order_id == order_id


def _uuid(order_id: str) -> Any:
    import uuid  # noqa: PLC0415 - only this helper needs it

    return uuid.UUID(order_id)


def _wrong_secret(simulator: Simulator, exchange: str) -> Any:
    accounts = simulator.accounts
    wrong = {
        "gemini": lambda: gemini.GeminiCredentials(api_key=accounts.gemini.api_key, api_secret="not-the-secret-at-all"),
        "kraken_futures": lambda: kraken_futures.KrakenFuturesCredentials(
            api_key=accounts.kraken_futures.api_key, api_secret="bm90LXRoZS1zZWNyZXQtYXQtYWxs"
        ),
        "digifinex": lambda: digifinex.DigiFinexCredentials(
            api_key=accounts.digifinex.api_key, api_secret="not-the-secret-at-all"
        ),
        "derive": lambda: derive.DeriveCredentials(
            wallet=accounts.derive.wallet, private_key=STRANGER_KEY, subaccount_id=accounts.derive.subaccount_id
        ),
    }
    return wrong[exchange]()


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_wrong_secret_is_an_authentication_error(simulator: Simulator, exchange: str) -> None:
    """A signature by the wrong secret (Derive: a stranger's key) is AuthenticationError naming status and code."""
    order_id = simulator.orders.id(exchange, simulator.orders.names(exchange)[0])
    credentials = _wrong_secret(simulator, exchange)

    with (
        ec.connect(exchange, credentials, base_url=simulator.base_url(exchange)) as client,
        pytest.raises(ec.AuthenticationError) as raised,
    ):
        client.get_order(order_id)

    expected_code = {"gemini": "InvalidSignature", "kraken_futures": "authenticationError", "digifinex": "10003"}
    assert raised.value.code == expected_code.get(exchange, "14014")
    assert raised.value.exchange is ec.Exchange(exchange)
    assert raised.value.operation == "get_order"
    assert raised.value.http_status is not None
    assert ec.Exchange(exchange).display_name in str(raised.value)


def _client_with_nonce(simulator: Simulator, exchange: str, nonce: Callable[[], int]) -> ec.Client:
    # The unified client has no nonce seam; the per-exchange factory's is reached through a fixed-nonce client.
    client = ec.connect(exchange, simulator.accounts.credentials(exchange), base_url=simulator.base_url(exchange))
    auth_type = {"gemini": gemini.GeminiAuth, "kraken_futures": kraken_futures.KrakenFuturesAuth}[exchange]
    client.generated.get_httpx_client().auth = auth_type(simulator.accounts.credentials(exchange), nonce=nonce)
    return client


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures"])
def test_stale_nonce_is_a_nonce_error(fresh_simulator: Simulator, exchange: str) -> None:
    """After a request with a current nonce, a lower one is refused as NonceError.

    Gemini's one resend gets the same stale value from the fixed source, so its refusal is final too.
    """
    order_id = fresh_simulator.orders.id(exchange, fresh_simulator.orders.names(exchange)[0])
    credentials = fresh_simulator.accounts.credentials(exchange)
    with ec.connect(exchange, credentials, base_url=fresh_simulator.base_url(exchange)) as client:
        client.get_order(order_id)

    with _client_with_nonce(fresh_simulator, exchange, lambda: 1) as stale, pytest.raises(ec.NonceError) as raised:
        stale.get_order(order_id)

    assert raised.value.code == {"gemini": "InvalidNonce", "kraken_futures": "nonceBelowThreshold"}[exchange]


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures"])
def test_repeated_nonce_is_a_nonce_error(fresh_simulator: Simulator, exchange: str) -> None:
    """The same nonce twice: the first request is answered, the second refused as NonceError."""
    order_id = fresh_simulator.orders.id(exchange, fresh_simulator.orders.names(exchange)[0])
    fixed = time.time_ns() // 1_000_000

    with _client_with_nonce(fresh_simulator, exchange, lambda: fixed) as client:
        client.get_order(order_id)
        with pytest.raises(ec.NonceError) as raised:
            client.get_order(order_id)

    assert raised.value.code == {"gemini": "InvalidNonce", "kraken_futures": "nonceDuplicate"}[exchange]


@pytest.mark.parametrize("offset", [-60, +60])
def test_digifinex_timestamp_outside_the_window_is_a_nonce_error(simulator: Simulator, offset: int) -> None:
    """A DigiFinex timestamp a minute off the server's clock either way is refused (10008) as NonceError."""
    order_id = simulator.orders.id("digifinex", "filled")
    credentials = simulator.accounts.credentials("digifinex")
    assert isinstance(credentials, digifinex.DigiFinexCredentials)

    with ec.connect("digifinex", credentials, base_url=simulator.base_url("digifinex")) as client:
        client.generated.get_httpx_client().auth = digifinex.DigiFinexAuth(
            credentials, nonce=lambda: int(time.time()) + offset
        )
        with pytest.raises(ec.NonceError) as raised:
            client.get_order(order_id)

    assert (raised.value.code, raised.value.http_status) == ("10008", 200)


def test_derive_stale_timestamp_is_refused(simulator: Simulator) -> None:
    """A Derive signature over a timestamp a minute old is refused (the simulator's 30 s window)."""
    order_id = simulator.orders.id("derive", "filled")
    credentials = simulator.accounts.credentials("derive")
    assert isinstance(credentials, derive.DeriveCredentials)

    with ec.connect("derive", credentials, base_url=simulator.base_url("derive")) as client:
        client.generated.get_httpx_client().auth = derive.DeriveAuth(
            credentials, nonce=lambda: time.time_ns() // 1_000_000 - 60_000
        )
        with pytest.raises(ec.AuthenticationError) as raised:
            client.get_order(order_id)

    assert raised.value.code == "14014"


def test_async_batch_failure_is_the_typed_error_not_a_group(simulator: Simulator) -> None:
    """When one of several concurrent calls fails, the async client raises that ExchangeError itself."""
    known = simulator.orders.id("derive", "filled")
    credentials = simulator.accounts.credentials("derive")

    async def run() -> None:
        async with ec.connect_async("derive", credentials, base_url=simulator.base_url("derive")) as client:
            await client.get_orders([known, "no-such-order", known])

    with pytest.raises(ec.OrderNotFoundError) as raised:
        asyncio.run(run())

    assert raised.value.order_id == "no-such-order"
    assert raised.value.code == "11006"
