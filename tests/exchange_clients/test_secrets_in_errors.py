"""
No error the library raises carries a credential or a signed value: not in its text, body, repr or traceback.

The server here quotes every request header back, as an error page that echoes the request would.
"""

from __future__ import annotations

import base64
import json
import traceback
from typing import Any

import httpx
import pytest

import exchange_clients as ec


SECRET = "super-secret-0123456789abcdef"
KEY = "account-verysecretkey-0123456789"
PRIVATE_KEY = "0x" + "4c" * 32

CREDENTIALS: dict[str, Any] = {
    "gemini": ec.gemini.GeminiCredentials(api_key=KEY, api_secret=SECRET),
    "kraken_futures": ec.kraken_futures.KrakenFuturesCredentials(
        api_key=KEY, api_secret=base64.b64encode(SECRET.encode()).decode()
    ),
    "digifinex": ec.digifinex.DigiFinexCredentials(api_key=KEY, api_secret=SECRET),
    "derive": ec.derive.DeriveCredentials(wallet="0x" + "00" * 19 + "aa", private_key=PRIVATE_KEY, subaccount_id=7),
}
ORDER_ID = {"kraken_futures": "a1108796-1996-4da9-a1f2-af7463586234", "derive": "a1108796-1996-4da9-a1f2-af7463586234"}
SIGNED_HEADERS = {
    "x-gemini-apikey",
    "x-gemini-payload",
    "x-gemini-signature",
    "apikey",
    "authent",
    "access-key",
    "access-sign",
    "x-derivesignature",
}


def _error_quoting_the_request(exchange: str, status: int, shape: str) -> tuple[ec.ExchangeError, set[str]]:
    sent: set[str] = set()

    def answer(request: httpx.Request) -> httpx.Response:
        headers = dict(request.headers)
        sent.update(value for name, value in headers.items() if name in SIGNED_HEADERS)
        quoted = json.dumps({"you sent": headers, "body": request.content.decode()})
        if shape == "json-error":
            return httpx.Response(status, content=b'{"surprise": ' + quoted.encode() + b"}")
        return httpx.Response(status, content=quoted.encode(), headers={"Content-Type": "text/plain"})

    extra = {"subaccount_id": 7} if exchange == "derive" else {}
    transport = httpx.MockTransport(answer)
    with (
        ec.connect(exchange, CREDENTIALS[exchange], max_retries=1, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order(ORDER_ID.get(exchange, "1"), **extra)
    return raised.value, sent


def _texts(error: ec.ExchangeError) -> list[str]:
    return ["".join(traceback.format_exception(error)), str(error), repr(error), error.body or "", error.code or ""]


@pytest.mark.parametrize("shape", ["json-error", "text"])
@pytest.mark.parametrize("status", [200, 400, 503])
@pytest.mark.parametrize("exchange", sorted(CREDENTIALS))
def test_quoted_request_leaves_no_secret_in_the_error(exchange: str, status: int, shape: str) -> None:
    """The key, secret, payload and signature the request carried appear in no text of the error or its chain."""
    error, sent = _error_quoting_the_request(exchange, status, shape)

    assert sent  # the request was signed, and the server saw the values
    forbidden = {SECRET, KEY, PRIVATE_KEY, PRIVATE_KEY.removeprefix("0x"), *sent}
    for text in _texts(error):
        leaked = [value[:6] for value in forbidden if value and value in text]
        assert not leaked, f"{type(error).__name__} leaks values starting {leaked}"
    assert error.__cause__ is None or not any(value in str(error.__cause__) for value in forbidden)


@pytest.mark.parametrize("exchange", sorted(CREDENTIALS))
def test_no_object_shows_more_than_the_keys_first_four_characters(exchange: str) -> None:
    """The generated client's repr and the httpx client's default headers hold a hint of the key, never the key."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500, content=b"down")

    extra = {"subaccount_id": 7} if exchange == "derive" else {}
    transport = httpx.MockTransport(answer)
    with ec.connect(exchange, CREDENTIALS[exchange], max_retries=0, httpx_args={"transport": transport}) as client:
        texts = [repr(client), repr(client.generated), repr(dict(client.generated.get_httpx_client().headers))]
        with pytest.raises(ec.ExchangeUnavailableError):
            client.get_order(ORDER_ID.get(exchange, "1"), **extra)

    for text in texts:
        assert KEY not in text
        assert SECRET not in text
    if exchange != "derive":  # Derive's header carries the (public) wallet, not a key
        assert KEY in seen[0].headers.values()  # the signer still sends the whole key
