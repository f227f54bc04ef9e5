"""
Wrong input to the unified client is refused before anything is sent, never with a raw exception from deep inside.

TypeError for a wrong type; InvalidRequestError for a malformed id or a closed client.
"""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import SharedNonceStore


KRAKEN = ec.kraken_futures.KrakenFuturesCredentials(
    api_key="fake-kraken-key", api_secret=base64.b64encode(b"fake-kraken-secret").decode()
)
GEMINI = ec.gemini.GeminiCredentials(api_key="account-fakefakefake", api_secret="fake-secret-for-tests")


@pytest.fixture
def sent() -> list[httpx.Request]:
    return []


def _transport(sent: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"result": "success", "serverTime": "2026-01-01T00:00:00.000Z", "orders": []})

    return httpx.MockTransport(answer)


@pytest.mark.parametrize("order_id", [123, None, b"abc", 1.5], ids=["int", "none", "bytes", "float"])
def test_an_id_of_the_wrong_type_is_a_type_error(sent: list[httpx.Request], order_id: object) -> None:
    """get_order with something that is not a str raises TypeError naming the argument, and sends nothing."""
    with (
        ec.connect("kraken_futures", KRAKEN, httpx_args={"transport": _transport(sent)}) as client,
        pytest.raises(TypeError, match="order_id"),
    ):
        client.get_order(order_id)  # type: ignore[arg-type]

    assert sent == []


def test_a_bare_str_is_not_a_list_of_ids(sent: list[httpx.Request]) -> None:
    """get_orders("one-id") raises TypeError instead of asking for one id per character."""
    with (
        ec.connect("kraken_futures", KRAKEN, httpx_args={"transport": _transport(sent)}) as client,
        pytest.raises(TypeError, match="list"),
    ):
        client.get_orders("one-id")

    assert sent == []


@pytest.mark.parametrize(
    "order_id",
    ["\ud800", "x" * 10_000_000, "", "a\nb", "ordre-é"],
    ids=["lone-surrogate", "ten-megabytes", "empty", "newline", "non-ascii"],
)
def test_a_malformed_id_is_refused_before_sending(sent: list[httpx.Request], order_id: str) -> None:
    """An id no exchange could have is InvalidRequestError, and no request leaves."""
    with (
        ec.connect("kraken_futures", KRAKEN, httpx_args={"transport": _transport(sent)}) as client,
        pytest.raises(ec.InvalidRequestError, match="nothing was sent"),
    ):
        client.get_order(order_id)

    assert sent == []


@pytest.mark.parametrize("name", ["follow_redirects", "auth", "headers", "timeout", "base_url"])
def test_httpx_args_may_not_override_what_the_client_sets(name: str) -> None:
    """httpx_args that would clash with the signer or the generated client are a TypeError at connect."""
    with pytest.raises(TypeError, match=name):
        ec.connect("gemini", GEMINI, httpx_args={name: True})


def test_a_closed_client_sends_nothing(sent: list[httpx.Request]) -> None:
    """After close(), a call raises InvalidRequestError saying the client is closed, and sends nothing."""
    client = ec.connect("kraken_futures", KRAKEN, httpx_args={"transport": _transport(sent)})
    client.close()

    with pytest.raises(ec.InvalidRequestError, match="closed"):
        client.get_order("a1108796-1996-4da9-a1f2-af7463586234")

    assert sent == []


def test_calls_queued_before_aclose_are_not_sent() -> None:
    """Async calls waiting for a slot when the client is closed end with InvalidRequestError, unsent."""
    sent: list[httpx.Request] = []
    release = asyncio.Event()
    first_sent = asyncio.Event()

    async def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        first_sent.set()
        await release.wait()
        return httpx.Response(404, json={"result": "error", "reason": "OrderNotFound", "message": "no"})

    async def main() -> list[BaseException | Any]:
        transport = httpx.MockTransport(answer)
        client = ec.connect_async("gemini", GEMINI, max_retries=0, httpx_args={"transport": transport})
        ids = [str(n) for n in range(1, 11)]  # more than the four calls in flight at once
        batch = asyncio.create_task(client.get_orders(ids))
        await first_sent.wait()
        await client.aclose()
        release.set()
        return await asyncio.gather(batch, return_exceptions=True)

    (outcome,) = asyncio.run(asyncio.wait_for(main(), timeout=30))

    assert isinstance(outcome, ec.ExchangeError)
    assert len(sent) < 10


def test_a_corrupt_nonce_file_is_recovered_from(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A nonce file holding garbage is logged; the next nonce is above the clock's and this process's last."""
    store = SharedNonceStore(tmp_path)
    draw = store.source("gemini", "account-fakefakefake", "ms", wall_clock_ns=lambda: 1_700_000_000_000_000_000)
    first = draw()
    for path in tmp_path.glob("*.nonce"):
        path.write_bytes(b"\xff\xfe garbage")

    second = draw()

    assert second > first >= 1_700_000_000_000
    assert "nonce file" in caplog.text
