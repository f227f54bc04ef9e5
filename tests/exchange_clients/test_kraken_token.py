"""
The Unified WebSocket's token: Kraken's Spot REST GetWebSocketsToken, through the client generated from its document.

Signed with the Kraken key pair; against the simulator, which checks API-Sign with its own code, and against answers
Kraken documents.
"""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest

import exchange_clients as ec
from exchange_clients._http import InsecureBaseURLError
from exchange_clients.kraken_futures import KrakenFuturesCredentials
from exchange_clients.kraken_futures._token import default_nonce, token_base_url, token_client, websocket_token
from exchange_clients.simulator import Simulator
from exchange_clients.simulator.exchanges._kraken_token import api_sign as simulator_api_sign


def _token(credentials: KrakenFuturesCredentials, base_url: str, nonce: object = None, **httpx_args: object) -> str:
    async def request() -> str:
        async with token_client(credentials, base_url=base_url, **httpx_args) as client:  # type: ignore[arg-type]
            return await websocket_token(client, nonce or default_nonce(credentials))  # type: ignore[arg-type]

    return asyncio.run(request())


def test_a_signed_request_gets_a_fresh_token_each_time(fresh_simulator: Simulator) -> None:
    credentials = fresh_simulator.accounts.credentials("kraken_futures")
    base_url = fresh_simulator.base_url("kraken_futures")

    first, second = _token(credentials, base_url), _token(credentials, base_url)

    assert len(first) >= 32
    assert first != second


def test_the_token_goes_to_the_origin_of_base_url() -> None:
    assert token_base_url(None) == "https://api.kraken.com/0"
    assert token_base_url("http://127.0.0.1:8123/derivatives/api/v3") == "http://127.0.0.1:8123/0"
    assert token_base_url("https://proxy.example/derivatives/api/v3?x=1") == "https://proxy.example/0"
    with pytest.raises(InsecureBaseURLError):
        token_base_url("http://proxy.example/derivatives/api/v3")


def test_a_wrong_kraken_secret_is_refused_as_a_bad_signature(fresh_simulator: Simulator) -> None:
    real = fresh_simulator.accounts.credentials("kraken_futures")
    wrong_secret = "c2VjcmV0LXRoYXQtaXMtbm90LXRoZS1rcmFrZW4tb25l"
    wrong = KrakenFuturesCredentials(
        api_key=real.api_key,
        api_secret=real.api_secret,
        kraken_api_key=real.kraken_api_key,
        kraken_api_secret=wrong_secret,
    )

    with pytest.raises(ec.AuthenticationError) as raised:
        _token(wrong, fresh_simulator.base_url("kraken_futures"))

    error = raised.value
    assert (error.exchange, error.operation, error.http_status, error.code) == (
        "kraken_futures",
        "websocket_token",
        200,
        "EAPI:Invalid signature",
    )
    assert wrong_secret not in str(error)


def test_an_unknown_key_is_refused(fresh_simulator: Simulator) -> None:
    real = fresh_simulator.accounts.credentials("kraken_futures")
    unknown = KrakenFuturesCredentials(
        api_key=real.api_key,
        api_secret=real.api_secret,
        kraken_api_key="not-a-kraken-key",
        kraken_api_secret=real.kraken_api_secret,
    )

    with pytest.raises(ec.AuthenticationError, match="EAPI:Invalid key"):
        _token(unknown, fresh_simulator.base_url("kraken_futures"))


def test_a_nonce_used_before_is_refused(fresh_simulator: Simulator) -> None:
    credentials = fresh_simulator.accounts.credentials("kraken_futures")
    base_url = fresh_simulator.base_url("kraken_futures")
    same = itertools.repeat(1_790_000_000_000).__next__

    _token(credentials, base_url, same)
    with pytest.raises(ec.NonceError) as raised:
        _token(credentials, base_url, same)

    assert raised.value.code == "EAPI:Invalid nonce"


def test_without_the_kraken_pair_the_error_says_which_key_is_needed() -> None:
    futures_only = KrakenFuturesCredentials(api_key="futures-key-1234", api_secret="ZmFrZQ==")

    with pytest.raises(ec.AuthenticationError) as raised:
        token_client(futures_only)

    assert "KRAKEN_API_KEY" in raised.value.message
    assert "WebSocket access" in raised.value.message


@pytest.mark.parametrize(
    ("response", "error_class", "code"),
    [
        (
            httpx.Response(200, json={"error": ["EGeneral:Permission denied"]}),
            ec.PermissionDeniedError,
            "EGeneral:Permission denied",
        ),
        (
            httpx.Response(200, json={"error": ["EAPI:Rate limit exceeded"]}),
            ec.RateLimitError,
            "EAPI:Rate limit exceeded",
        ),
        (
            httpx.Response(200, json={"error": ["EGeneral:Something new"]}),
            ec.InvalidRequestError,
            "EGeneral:Something new",
        ),
        (httpx.Response(503, html="<h1>503 Service Unavailable</h1>"), ec.ExchangeUnavailableError, None),
        # Throttling without Kraken's code: still throttling, waited out by a watch rather than ending it.
        (httpx.Response(429, text="Too Many Requests", headers={"Retry-After": "3"}), ec.RateLimitError, None),
        (httpx.Response(200, text="<html>maintenance</html>"), ec.UnexpectedResponseError, None),
        (httpx.Response(200, json={"error": [], "result": {}}), ec.UnexpectedResponseError, None),
    ],
    ids=["permission", "rate_limit", "unknown_error", "html_503", "plain_429", "not_json", "no_token"],
)
def test_each_answer_kraken_may_give_is_a_typed_error(
    response: httpx.Response, error_class: type[ec.ExchangeError], code: str | None
) -> None:
    credentials = KrakenFuturesCredentials(
        api_key="futures-key-1234",
        api_secret="ZmFrZQ==",
        kraken_api_key="kraken-key-5678",
        kraken_api_secret="a3Jha2VuLXNwb3Qtc2VjcmV0",
    )

    with pytest.raises(error_class) as raised:
        _token(credentials, "https://api.kraken.com", transport=httpx.MockTransport(lambda _request: response))

    assert raised.value.code == code
    assert raised.value.exchange == "kraken_futures"
    if response.status_code == 429:
        assert isinstance(raised.value, ec.RateLimitError)
        assert raised.value.retry_after == 3


def test_the_request_is_signed_over_the_body_as_sent() -> None:
    """API-Key and API-Sign headers, the nonce in the form body, the signed path /0/private/GetWebSocketsToken."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"error": [], "result": {"token": "t" * 43, "expires": 900}})

    credentials = KrakenFuturesCredentials(
        api_key="futures-key-1234",
        api_secret="ZmFrZQ==",
        kraken_api_key="kraken-key-5678",
        kraken_api_secret="kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
    )

    token = _token(credentials, "https://api.kraken.com", lambda: 1616492376594, transport=httpx.MockTransport(answer))

    [request] = seen
    assert token == "t" * 43
    assert (request.url.path, request.content) == ("/0/private/GetWebSocketsToken", b"nonce=1616492376594")
    assert request.headers["API-Key"] == "kraken-key-5678"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    # The simulator's verifier, written apart from the client's signer from Kraken's guide.
    assert request.headers["API-Sign"] == simulator_api_sign(
        credentials.kraken_api_secret or "", "/0/private/GetWebSocketsToken", "1616492376594", b"nonce=1616492376594"
    )
