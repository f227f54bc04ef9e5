"""
What every stream does alike: a fresh login per connection, no secret in its log.

Kraken's fresh token per connection is tested in tests/streams/test_kraken_stream.py.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from tests.streams.helpers import KRAKEN_FILLED, WAIT, client, until


_OPTIONS: dict[str, dict[str, Any]] = {"digifinex": {"symbols": ["BTC_USDT"]}}
_OPEN = {"gemini": "live_unfilled", "digifinex": "open", "derive": "open", "kraken_futures": "entered_book"}
_FILL = {
    "kraken_futures": KRAKEN_FILLED,
    "gemini": {"executed_amount": "1", "remaining_amount": "0", "is_live": False},
    "digifinex": {"status": 3},
    "derive": {"filled_amount": "1.5", "order_status": "filled"},
}


async def _one_update_after_an_expired_login(simulator: Simulator, exchange: str, credentials: Any) -> ec.Order:
    notices: list[ec.StreamNotice] = []
    async with client(simulator, exchange, credentials) as connected:
        stream = connected.watch_orders(**_OPTIONS.get(exchange, {}), on_notice=notices.append)
        first = asyncio.ensure_future(anext(stream))
        await until(lambda: simulator.stream_connections(exchange) == 1)
        simulator.stream_fault(exchange, "expire_auth")
        await until(lambda: [notice.kind for notice in notices].count("connected") == 2)
        await until(lambda: simulator.stream_connections(exchange) == 1)
        simulator.change_order(exchange, _OPEN[exchange], **_FILL[exchange])
        order = await asyncio.wait_for(first, WAIT)
        await stream.aclose()
    return order


@pytest.mark.parametrize(("exchange", "key"), [("gemini", "api_key"), ("digifinex", "api_key"), ("derive", "wallet")])
def test_a_login_after_an_expired_one_is_a_fresh_one(fresh_simulator: Simulator, exchange: str, key: str) -> None:
    """The second login's nonce or timestamp, accepted by the simulator, is above the first's: nothing is replayed."""
    credentials = fresh_simulator.accounts.stream_credentials(exchange)

    asyncio.run(_one_update_after_an_expired_login(fresh_simulator, exchange, credentials))

    logins = fresh_simulator.stream_logins(exchange, getattr(credentials, key))
    assert len(logins) == 2
    assert logins[0] < logins[1]


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures", "digifinex", "derive"])
def test_frames_are_logged_without_a_secret(
    fresh_simulator: Simulator, exchange: str, caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG, through a reconnect: no key, secret or signature in any line; the frames sent by their size only."""
    credentials = fresh_simulator.accounts.stream_credentials(exchange)

    with caplog.at_level("DEBUG", logger="exchange_clients.stream"):
        asyncio.run(_one_update_after_an_expired_login(fresh_simulator, exchange, credentials))

    lines = [record.getMessage() for record in caplog.records if record.name == "exchange_clients.stream"]
    sent = [line for line in lines if line.startswith("> TEXT")]
    assert sent
    assert all(re.fullmatch(r"> TEXT \[\d+ bytes\]", line) for line in sent)
    secrets = [
        str(value)
        for name in ("api_key", "api_secret", "private_key", "kraken_api_key", "kraken_api_secret")
        if (value := getattr(credentials, name, None)) is not None
    ] + fresh_simulator.stream_tokens()
    assert secrets
    assert not [line for line in lines if any(secret in line for secret in secrets)]
    # Gemini's SHA-384 signature is 96 hex digits; Derive's EIP-191 signature 130, after 0x.
    assert not [line for line in lines if re.search(r"\b[0-9a-f]{96}\b|0x[0-9a-fA-F]{130}", line)]


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures", "digifinex", "derive"])
def test_a_server_that_never_answers_the_subscription_is_left_and_tried_again(
    fresh_simulator: Simulator, exchange: str
) -> None:
    """
    It accepts the connection and answers WebSocket pings, but never the login or the subscription: no hang.

    Each attempt ends after `stall_after` as a lost connection (a `disconnected` notice), and is tried again.
    """
    from websockets.asyncio.server import ServerConnection, serve  # noqa: PLC0415 - the test's own server

    attempts: list[str] = []

    async def never_answer(connection: ServerConnection) -> None:
        attempts.append(connection.request.path if connection.request is not None else "")
        async for _ in connection:
            pass  # read, and say nothing

    async def play() -> list[ec.StreamNotice]:
        notices: list[ec.StreamNotice] = []
        async with serve(never_answer, "127.0.0.1", 0) as server:
            port = next(iter(server.sockets)).getsockname()[1]
            async with ec.connect_async(
                ec.Exchange(exchange),
                fresh_simulator.accounts.stream_credentials(exchange),
                base_url=fresh_simulator.base_url(exchange),
                stream_url=f"ws://127.0.0.1:{port}/",
            ) as connected:
                stream = connected.watch_orders(**_OPTIONS.get(exchange, {}), on_notice=notices.append, stall_after=0.5)
                first = asyncio.ensure_future(anext(stream))
                await until(lambda: len(attempts) >= 2)
                first.cancel()
                await asyncio.gather(first, return_exceptions=True)
                await stream.aclose()
        return notices

    notices = asyncio.run(play())

    assert [notice.kind for notice in notices][:1] == ["disconnected"]
    assert "TimeoutError" in notices[0].detail


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures", "digifinex", "derive"])
def test_a_frame_that_is_not_json_is_a_typed_error_not_a_crash(fresh_simulator: Simulator, exchange: str) -> None:
    """An HTML page pushed on the stream ends the watch with UnexpectedResponseError naming the exchange."""

    async def play() -> None:
        async with client(
            fresh_simulator, exchange, fresh_simulator.accounts.stream_credentials(exchange)
        ) as connected:
            notices: list[ec.StreamNotice] = []
            stream = connected.watch_orders(**_OPTIONS.get(exchange, {}), on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: bool(notices))  # subscribed, past the handshake
            fresh_simulator.push(exchange, "<html><body>502 Bad Gateway</body></html>")
            try:
                await asyncio.wait_for(first, WAIT)
            finally:
                await stream.aclose()

    with pytest.raises(ec.UnexpectedResponseError) as raised:
        asyncio.run(play())

    assert raised.value.exchange is ec.Exchange(exchange)
    assert raised.value.operation == "watch_orders"
