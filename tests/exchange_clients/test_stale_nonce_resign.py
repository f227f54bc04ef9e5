"""
A nonce or timestamp that aged before it reached the exchange is signed anew and sent once more.
"""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import digifinex
from exchange_clients.derive import DeriveAuth
from exchange_clients.generated.digifinex.api.orders import get_order_status
from exchange_clients.generated.digifinex.models import Market, OrderStatusResponse
from exchange_clients.simulator import Incoming, Reply, Simulator, json_reply
from tests.clock import Clock


IN_FLIGHT = 50
WINDOW_SECONDS = 5


@pytest.fixture
def held_clock(clock: Clock) -> Clock:
    clock.frozen = 1_700_000_000
    return clock


def test_digifinex_calls_that_waited_past_the_window_all_succeed(simulator: Simulator, held_clock: Clock) -> None:
    """50 calls signed at once wait in a one-connection pool past DigiFinex's window; each is re-signed and served."""
    signed = 0
    all_signed = asyncio.Event()

    def timestamp() -> int:
        nonlocal signed
        signed += 1
        if signed == IN_FLIGHT:
            all_signed.set()
        assert held_clock.frozen is not None
        return int(held_clock.frozen)

    waited = False

    async def wait_for_the_connection(_request: httpx.Request) -> None:
        # Every call is signed before any is sent; then the queue for the one connection takes longer than the
        # window: the shared clock (the simulator's and the signer's) moves past it once.
        nonlocal waited
        await all_signed.wait()
        if not waited:
            waited = True
            assert held_clock.frozen is not None
            held_clock.frozen += WINDOW_SECONDS + 1

    order = simulator.orders.named("digifinex", "open")
    refused: list[int] = []

    def count_refusals(response: httpx.Response) -> None:
        response.read()
        if response.json().get("code") == 10008:
            refused.append(1)

    async def main() -> list[OrderStatusResponse | None]:
        async with digifinex.client(
            simulator.accounts.credentials("digifinex"),
            base_url=simulator.base_url("digifinex"),
            nonce=timestamp,
            limits=httpx.Limits(max_connections=1),
            event_hooks={"request": [wait_for_the_connection], "response": [_async(count_refusals)]},
        ) as client:
            calls = [
                get_order_status.asyncio(Market.SPOT, client=client, order_id=order.order_id) for _ in range(IN_FLIGHT)
            ]
            answers = await asyncio.wait_for(asyncio.gather(*calls), timeout=60)
        return [answer if isinstance(answer, OrderStatusResponse) else None for answer in answers]

    answers = asyncio.run(main())

    assert len(refused) == IN_FLIGHT  # every first attempt was outside the window
    assert all(answer is not None and answer.code == 0 for answer in answers)


def _async(hook: object) -> object:
    async def run(response: httpx.Response) -> None:
        await response.aread()
        hook(response)  # type: ignore[operator]

    return run


@pytest.mark.parametrize(
    ("exchange", "refusal"),
    [
        (
            "kraken_futures",
            {"result": "error", "serverTime": "2026-11-22T10:00:00.000Z", "error": "nonceBelowThreshold"},
        ),
        ("kraken_futures", {"result": "error", "serverTime": "2026-11-22T10:00:00.000Z", "error": "nonceDuplicate"}),
        ("digifinex", {"code": 10008}),
        ("derive", {"jsonrpc": "2.0", "id": 1, "error": {"code": 14014, "message": "Invalid signature"}}),
    ],
)
def test_refused_nonce_is_resent_once_with_a_fresh_one(simulator: Simulator, exchange: str, refusal: object) -> None:
    """One nonce refusal is answered by a fresh signature and a second send, whose answer the call returns."""
    seen: list[Incoming] = []

    def refuse(incoming: Incoming) -> Reply:
        seen.append(incoming)
        if exchange == "derive":
            # Derive's 14014 is a stale timestamp only when the answer came late; a prompt one is a wrong key.
            time.sleep(DeriveAuth.STALE_AFTER + 0.2)
        return json_reply(200, refusal)

    simulator.faults.push(refuse, exchange=exchange)
    order_id = simulator.orders.id(exchange, simulator.orders.names(exchange)[0])
    credentials = simulator.accounts.credentials(exchange)
    extra = {"subaccount_id": simulator.accounts.derive.subaccount_id} if exchange == "derive" else {}
    with ec.connect(exchange, credentials, base_url=simulator.base_url(exchange), max_retries=0) as client:
        order = client.get_order(order_id, **extra)  # type: ignore[arg-type]

    assert order.order_id == order_id
    assert len(seen) == 1


def test_refused_nonce_twice_is_the_error(simulator: Simulator) -> None:
    """A second refusal is not resent again: the call raises NonceError after exactly two sends."""

    def refuse(_incoming: Incoming) -> Reply:
        return json_reply(200, {"code": 10008})

    simulator.faults.push(refuse, exchange="digifinex")
    simulator.faults.push(refuse, exchange="digifinex")
    order_id = simulator.orders.id("digifinex", simulator.orders.names("digifinex")[0])
    credentials = simulator.accounts.credentials("digifinex")
    with (
        ec.connect("digifinex", credentials, base_url=simulator.base_url("digifinex"), max_retries=0) as client,
        pytest.raises(ec.NonceError) as raised,
    ):
        client.get_order(order_id)

    assert raised.value.code == "10008"
