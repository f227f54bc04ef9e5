"""
Retries against the simulator: transient failures cured, Retry-After obeyed, final errors never repeated.

Giving up says what every attempt met.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import attrs
import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients import _retry as retry_module
from exchange_clients._retry import RetryPolicy
from exchange_clients.gemini import _operations as gemini_operations
from exchange_clients.simulator import Simulator, faults


def _connect(simulator: Simulator, exchange: str, **options: object) -> ec.Client:
    credentials = simulator.accounts.credentials(exchange)
    return ec.connect(exchange, credentials, base_url=simulator.base_url(exchange), **options)  # type: ignore[arg-type]


def _first_order(simulator: Simulator, exchange: str) -> str:
    return simulator.orders.id(exchange, simulator.orders.names(exchange)[0])


def _requests(simulator: Simulator, exchange: str) -> int:
    return sum(1 for request in simulator.requests() if request.exchange == exchange)


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_rate_limits_then_success(fresh_simulator: Simulator, exchange: str) -> None:
    """Two throttling answers in the exchange's own shape, then the order: the caller just gets the order."""
    fresh_simulator.faults.push(faults.rate_limited(exchange, retry_after="0"), exchange=exchange, times=2)

    with _connect(fresh_simulator, exchange) as client:
        order = client.get_order(_first_order(fresh_simulator, exchange))

    assert order.exchange is ec.Exchange(exchange)
    assert _requests(fresh_simulator, exchange) == 3


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_outage_burst_then_success(fresh_simulator: Simulator, exchange: str) -> None:
    """Three 5xx HTML pages in a row are within the default budget of three retries."""
    fresh_simulator.faults.push(faults.unavailable(502), exchange=exchange, times=3)

    with _connect(fresh_simulator, exchange) as client:
        client.get_order(_first_order(fresh_simulator, exchange))

    assert _requests(fresh_simulator, exchange) == 4


def test_every_attempt_is_signed_afresh(fresh_simulator: Simulator) -> None:
    """Each retry carries a new nonce: Gemini, which refuses a repeated one, accepts the third attempt."""
    fresh_simulator.faults.push(faults.unavailable(503), exchange="gemini", times=2)

    with _connect(fresh_simulator, "gemini") as client:
        client.get_order(_first_order(fresh_simulator, "gemini"))

    payloads = [request.headers["x-gemini-payload"] for request in fresh_simulator.requests()]
    assert len(set(payloads)) == 3


@pytest.mark.parametrize("exchange", ["gemini", "derive"])
def test_dropped_connection_is_retried(fresh_simulator: Simulator, exchange: str) -> None:
    """A connection that drops mid-answer is a TransportError, and the next attempt gets the order."""
    fresh_simulator.faults.push(faults.dropped(after_bytes=5), exchange=exchange)

    with _connect(fresh_simulator, exchange) as client:
        client.get_order(_first_order(fresh_simulator, exchange))

    assert _requests(fresh_simulator, exchange) == 2


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_is_obeyed(fresh_simulator: Simulator, form: str) -> None:
    """The wait before the retry is the one Retry-After asks for (in seconds or as an HTTP-date)."""
    in_two_seconds = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
    retry_after = "1" if form == "seconds" else in_two_seconds
    fresh_simulator.faults.push(faults.rate_limited("gemini", retry_after=retry_after), exchange="gemini")
    started = time.monotonic()

    with _connect(fresh_simulator, "gemini") as client:
        client.get_order(_first_order(fresh_simulator, "gemini"))

    assert time.monotonic() - started >= 0.9
    assert _requests(fresh_simulator, "gemini") == 2


def test_retry_after_beyond_the_deadline_gives_up_at_once(fresh_simulator: Simulator) -> None:
    """A Retry-After longer than the remaining deadline ends the call now, with the advice in the error."""
    fresh_simulator.faults.push(faults.rate_limited("gemini", retry_after="60"), exchange="gemini")
    started = time.monotonic()

    with _connect(fresh_simulator, "gemini", retry_deadline=5.0) as client, pytest.raises(ec.RateLimitError) as raised:
        client.get_order(_first_order(fresh_simulator, "gemini"))

    assert time.monotonic() - started < 2.0
    assert raised.value.retry_after == 60.0
    assert _requests(fresh_simulator, "gemini") == 1


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_authentication_failures_are_never_repeated(fresh_simulator: Simulator, exchange: str) -> None:
    """A refused signature is sent once: retrying cannot cure it."""
    accounts = fresh_simulator.accounts
    wrong = {
        "gemini": ec.gemini.GeminiCredentials(api_key=accounts.gemini.api_key, api_secret="wrong-secret-0000"),
        "kraken_futures": ec.kraken_futures.KrakenFuturesCredentials(
            api_key=accounts.kraken_futures.api_key, api_secret="d3Jvbmctc2VjcmV0LTAwMDA="
        ),
        "digifinex": ec.digifinex.DigiFinexCredentials(api_key=accounts.digifinex.api_key, api_secret="wrong-0000"),
        "derive": ec.derive.DeriveCredentials(
            wallet=accounts.derive.wallet,
            private_key="0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            subaccount_id=accounts.derive.subaccount_id,
        ),
    }[exchange]

    with (
        ec.connect(exchange, wrong, base_url=fresh_simulator.base_url(exchange)) as client,
        pytest.raises(ec.AuthenticationError) as raised,
    ):
        client.get_order(_first_order(fresh_simulator, exchange))

    assert _requests(fresh_simulator, exchange) == 1
    assert raised.value.attempts == ()


def test_not_found_is_never_repeated(fresh_simulator: Simulator) -> None:
    """An unknown order is asked for once."""
    with _connect(fresh_simulator, "derive") as client, pytest.raises(ec.OrderNotFoundError):
        client.get_order("no-such-order")

    assert _requests(fresh_simulator, "derive") == 1


def test_giving_up_reports_every_attempt(fresh_simulator: Simulator) -> None:
    """When the outage outlasts the budget, the error counts the attempts and says what each one met."""
    fresh_simulator.faults.push(faults.unavailable(503), exchange="kraken_futures", times=None)

    with (
        _connect(fresh_simulator, "kraken_futures", max_retries=2) as client,
        pytest.raises(ec.ExchangeUnavailableError) as raised,
    ):
        client.get_order(_first_order(fresh_simulator, "kraken_futures"))

    assert len(raised.value.attempts) == 3
    assert all(attempt.http_status == 503 for attempt in raised.value.attempts)
    assert "gave up after 3 attempts: 1-3: ExchangeUnavailableError HTTP 503" in str(raised.value)
    assert _requests(fresh_simulator, "kraken_futures") == 3


def test_a_final_error_after_transient_ones_lists_them_all(fresh_simulator: Simulator) -> None:
    """A 503 then a not-found: the not-found is raised, carrying both attempts."""
    fresh_simulator.faults.push(faults.unavailable(503), exchange="gemini")

    with _connect(fresh_simulator, "gemini") as client, pytest.raises(ec.OrderNotFoundError) as raised:
        client.get_order("999999999")

    assert [type(attempt) for attempt in raised.value.attempts] == [ec.ExchangeUnavailableError, ec.OrderNotFoundError]
    assert "1: ExchangeUnavailableError HTTP 503; 2: OrderNotFoundError HTTP 404" in str(raised.value)


def test_hung_server_ends_in_transport_error_within_the_timeout(fresh_simulator: Simulator) -> None:
    """An exchange that never answers in time is a TransportError after the read timeout, not a hang."""
    fresh_simulator.faults.push(faults.slow(5.0), exchange="digifinex")
    started = time.monotonic()

    with (
        _connect(fresh_simulator, "digifinex", timeout=0.5, max_retries=0) as client,
        pytest.raises(ec.TransportError, match="timed out"),
    ):
        client.get_order(_first_order(fresh_simulator, "digifinex"))

    assert time.monotonic() - started < 2.0


def test_slow_answer_within_the_timeout_is_fine(fresh_simulator: Simulator) -> None:
    """A slow but timely answer is just an answer."""
    fresh_simulator.faults.push(faults.slow(0.3), exchange="digifinex")

    with _connect(fresh_simulator, "digifinex", timeout=2.0) as client:
        order = client.get_order(_first_order(fresh_simulator, "digifinex"))

    assert order.exchange is ec.Exchange.DIGIFINEX


def test_operations_not_marked_idempotent_are_sent_once(fresh_simulator: Simulator) -> None:
    """Retry safety comes from the spec's x-idempotent marker, not the method: unmarked, a 503 is final."""
    order_id = _first_order(fresh_simulator, "gemini")
    call = attrs.evolve(gemini_operations.order_calls([order_id])[0], idempotent=False)
    fresh_simulator.faults.push(faults.unavailable(503), exchange="gemini")

    with _connect(fresh_simulator, "gemini") as client, pytest.raises(ec.ExchangeUnavailableError):
        call.run(client.generated, RetryPolicy(max_retries=3))

    assert _requests(fresh_simulator, "gemini") == 1


def test_async_client_retries_too(fresh_simulator: Simulator) -> None:
    """The async client retries the same way (a 429 then the orders)."""
    fresh_simulator.faults.push(faults.rate_limited("derive", retry_after="0"), exchange="derive")
    ids = [fresh_simulator.orders.id("derive", name) for name in fresh_simulator.orders.names("derive")[:3]]
    credentials = fresh_simulator.accounts.credentials("derive")

    async def run() -> list[ec.Order]:
        async with ec.connect_async("derive", credentials, base_url=fresh_simulator.base_url("derive")) as client:
            return await client.get_orders(ids)

    assert [order.order_id for order in asyncio.run(run())] == ids
    assert _requests(fresh_simulator, "derive") == len(ids) + 1  # the throttled request was sent again


def _unavailable() -> ec.ExchangeUnavailableError:
    return ec.ExchangeUnavailableError("down", exchange=ec.Exchange.GEMINI, operation="get_order", http_status=503)


def test_a_final_first_failure_is_raised_alone() -> None:
    """A failure no retry can cure ends the call at once, listing no attempts."""
    with pytest.raises(ec.OrderNotFoundError) as raised:
        retry_module.call_with_retries(_raises(ec.OrderNotFoundError("gone")), RetryPolicy())
    assert raised.value.attempts == ()  # a single attempt lists none


def _raises(error: Exception) -> Callable[[], str]:
    def attempt() -> str:
        raise error

    return attempt


def test_the_first_failure_is_backed_off_like_any_other() -> None:
    """After a failed first attempt, the backoff is waited before the second."""
    outcomes: list[Exception | str] = [_unavailable(), "order"]
    started: list[float] = []

    def attempt() -> str:
        started.append(time.monotonic())
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    policy = RetryPolicy(wait_initial=0.2, wait_jitter=0.0)
    assert retry_module.call_with_retries(attempt, policy) == "order"
    assert started[1] - started[0] >= 0.2


def test_the_deadline_counts_from_the_first_attempt() -> None:
    """A first attempt that fails after using up the deadline is not followed by another."""
    calls: list[float] = []

    def slow_failure() -> str:
        calls.append(time.monotonic())
        time.sleep(0.3)
        raise _unavailable()

    with pytest.raises(ec.ExchangeUnavailableError):
        retry_module.call_with_retries(slow_failure, RetryPolicy(deadline=0.2, wait_initial=0.01))
    assert len(calls) == 1


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_no_retry_starts_after_the_deadline(use_async: bool) -> None:  # noqa: FBT001 - a parameter of the test
    """A backoff that would end past the deadline is not waited out: the call gives up instead."""
    started: list[float] = []

    def attempt() -> str:
        started.append(time.monotonic())
        raise _unavailable()

    async def attempt_async() -> str:
        return attempt()

    policy = RetryPolicy(max_retries=5, deadline=1.0, wait_initial=0.6, wait_max=0.6, wait_jitter=0.0)

    def call() -> str:
        if use_async:
            return asyncio.run(retry_module.call_with_retries_async(attempt_async, policy))
        return retry_module.call_with_retries(attempt, policy)

    with pytest.raises(ec.ExchangeUnavailableError) as raised:
        call()

    assert len(started) == 2  # at 0 and 0.6 s; a third would start at 1.2 s, past the deadline
    assert started[-1] - started[0] < 1.0
    assert len(raised.value.attempts) == 2


def test_async_first_failure_is_retried() -> None:
    outcomes: list[Exception | str] = [_unavailable(), _unavailable(), "order"]

    async def attempt() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    policy = RetryPolicy(wait_initial=0.01, wait_jitter=0.0)
    assert asyncio.run(retry_module.call_with_retries_async(attempt, policy)) == "order"
    assert outcomes == []
