"""
find_orders keeps what was found, and a progress callback hears of every call; get_orders stays all-or-nothing.

Ids the exchange does not know are `missing`; ids whose call failed are in `failed`, with the error.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients.simulator import Simulator, faults


# An id of the exchange's own shape that no simulated order has.
UNKNOWN_ID = {
    "gemini": "999999999999",
    "kraken_futures": str(uuid.UUID(int=7)),
    "digifinex": "ffffffffffffffffffffffffffffffff",
    "derive": str(uuid.UUID(int=9)),
}


def _known_ids(simulator: Simulator, exchange: str) -> list[str]:
    # The orders get_orders finds with no options (DigiFinex's margin orders need market="margin").
    return [order.order_id for order in simulator.orders.of(exchange) if not order.read_with]


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_missing_ids_are_listed_beside_the_orders_found(simulator: Simulator, exchange: str) -> None:
    """An unknown id among known ones: every known order comes back, in order, and the unknown id is missing."""
    known = _known_ids(simulator, exchange)[:3]
    asked = [known[0], UNKNOWN_ID[exchange], *known[1:]]
    credentials = simulator.accounts.credentials(exchange)

    with ec.connect(exchange, credentials, base_url=simulator.base_url(exchange)) as client:
        result = client.find_orders(asked)
        with pytest.raises(ec.OrderNotFoundError, match=UNKNOWN_ID[exchange]):
            client.get_orders(asked)

    assert [order.order_id for order in result.found] == known
    assert result.missing == (UNKNOWN_ID[exchange],)
    assert result.failed == {}
    assert not result.complete


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_progress_hears_of_every_call_up_to_the_total(simulator: Simulator, exchange: str) -> None:
    """The callback gets (done, total) after each call, rising to the number of ids asked for."""
    asked = _known_ids(simulator, exchange)
    heard: list[tuple[int, int]] = []
    credentials = simulator.accounts.credentials(exchange)

    with ec.connect(exchange, credentials, base_url=simulator.base_url(exchange)) as client:
        orders = client.get_orders(asked, progress=lambda done, total: heard.append((done, total)))

    assert len(orders) == len(asked)
    assert heard
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert heard[-1] == (len(asked), len(asked))
    assert {total for _, total in heard} == {len(asked)}


def test_a_failed_call_is_recorded_and_the_others_still_run(fresh_simulator: Simulator) -> None:
    """A 503 on Gemini's first call (one id per call) puts that id in `failed`; the rest are found."""
    asked = _known_ids(fresh_simulator, "gemini")[:4]
    fresh_simulator.faults.push(faults.unavailable(503), exchange="gemini", times=1)
    credentials = fresh_simulator.accounts.credentials("gemini")

    with ec.connect("gemini", credentials, base_url=fresh_simulator.base_url("gemini"), max_retries=0) as client:
        result = client.find_orders(asked)

    assert [order.order_id for order in result.found] == asked[1:]
    assert list(result.failed) == [asked[0]]
    assert isinstance(result.failed[asked[0]], ec.ExchangeUnavailableError)
    assert result.failed[asked[0]].http_status == 503
    assert result.missing == ()


def test_an_error_every_call_would_meet_is_raised(simulator: Simulator) -> None:
    """Refused credentials are not collected once per id: find_orders raises the AuthenticationError."""
    wrong = ec.kraken_futures.KrakenFuturesCredentials(
        api_key=simulator.accounts.kraken_futures.api_key, api_secret="AAAA" * 16
    )

    with (
        ec.connect("kraken_futures", wrong, base_url=simulator.base_url("kraken_futures")) as client,
        pytest.raises(ec.AuthenticationError),
    ):
        client.find_orders(_known_ids(simulator, "kraken_futures"))


@pytest.mark.parametrize("exchange", ["gemini", "derive"])
def test_the_async_client_finds_concurrently_with_the_same_result(simulator: Simulator, exchange: str) -> None:
    """With one call per id run four at a time, found, missing and progress are what the sync client gives."""
    known = _known_ids(simulator, exchange)
    asked = [*known, UNKNOWN_ID[exchange]]
    heard: list[int] = []
    credentials = simulator.accounts.credentials(exchange)

    async def find() -> ec.FoundOrders:
        async with ec.connect_async(exchange, credentials, base_url=simulator.base_url(exchange)) as client:
            return await client.find_orders(asked, progress=lambda done, _total: heard.append(done))

    result = asyncio.run(find())

    assert [order.order_id for order in result.found] == known
    assert result.missing == (UNKNOWN_ID[exchange],)
    assert sorted(heard) == list(range(1, len(asked) + 1))


def test_progress_must_be_callable(simulator: Simulator) -> None:
    """A progress that cannot be called is refused before anything is sent."""
    credentials = simulator.accounts.credentials("gemini")

    with (
        ec.connect("gemini", credentials, base_url=simulator.base_url("gemini")) as client,
        pytest.raises(TypeError, match="progress must be a callable"),
    ):
        client.get_orders(["1"], progress=42)  # type: ignore[arg-type]
