"""
The `exchange_clients` logger at DEBUG shows each request and response, and never a credential.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients import gemini
from exchange_clients._logging import LoggedAuth, redacted_headers
from exchange_clients.simulator import Simulator


@pytest.mark.parametrize("exchange", list(EXCHANGES))
def test_debug_log_shows_requests_without_credentials(
    simulator: Simulator, exchange: str, caplog: pytest.LogCaptureFixture
) -> None:
    """One request and one response line per call; signed headers appear by name with the value redacted."""
    caplog.set_level(logging.DEBUG, logger="exchange_clients")
    credentials = simulator.accounts.credentials(exchange)
    order_id = simulator.orders.id(exchange, simulator.orders.names(exchange)[0])

    with ec.connect(exchange, credentials, base_url=simulator.base_url(exchange)) as client:
        client.get_order(order_id)

    lines = [record.getMessage() for record in caplog.records if record.name == "exchange_clients"]
    assert [line.split(" ", 1)[0] for line in lines] == ["request", "response"]
    assert "<redacted>" in lines[0]
    assert "-> HTTP 200" in lines[1]
    signed = {
        "gemini": ["X-GEMINI-PAYLOAD", "X-GEMINI-SIGNATURE"],
        "kraken_futures": ["Authent"],
        "digifinex": ["ACCESS-SIGN"],
        "derive": ["X-DeriveSignature"],
    }[exchange]
    for header in signed:
        assert f"'{header.lower()}': '<redacted>'" in lines[0]


def test_redacted_headers_keep_names_and_public_values() -> None:
    """Credential headers are redacted whatever their case; others (a public wallet) stay readable."""
    headers = {"X-Gemini-Payload": "eyJub25jZSI6MX0=", "Authent": "c2ln", "X-DeriveWallet": "0xabc", "Accept": "*/*"}

    assert redacted_headers(headers) == {
        "X-Gemini-Payload": "<redacted>",
        "Authent": "<redacted>",
        "X-DeriveWallet": "0xabc",
        "Accept": "*/*",
    }


def _refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


def test_a_failed_request_logged_at_debug_releases_the_keys_lock(caplog: pytest.LogCaptureFixture) -> None:
    """When a request fails httpx closes only the logging flow; the signer's, holding the key's lock, closes too."""
    caplog.set_level(logging.DEBUG, logger="exchange_clients")
    signer = gemini.GeminiAuth(gemini.GeminiCredentials(api_key="fake-key-debug", api_secret="fake-secret"))
    lock = signer._ordered.ordering.thread_lock  # noqa: SLF001 - the key's lock is what must not leak

    with (
        httpx.Client(transport=httpx.MockTransport(_refused), auth=LoggedAuth(signer)) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post("https://api.gemini.com/v1/order/status", json={})
    assert not lock.locked()

    async def fail_once() -> bool:
        async with httpx.AsyncClient(transport=httpx.MockTransport(_refused), auth=LoggedAuth(signer)) as client:
            with pytest.raises(httpx.ConnectError):
                await client.post("https://api.gemini.com/v1/order/status", json={})
            return lock.locked()  # still inside the loop: no async-generator finalizer has run yet

    assert asyncio.run(fail_once()) is False


def test_auth_flow_of_the_logging_wrapper_is_the_signers() -> None:
    """A caller driving `auth_flow` itself gets a signed request, not the unsigned one httpx.Auth would yield."""
    signer = gemini.GeminiAuth(gemini.GeminiCredentials(api_key="fake-key-flow", api_secret="fake-secret"))

    signed = next(LoggedAuth(signer).auth_flow(httpx.Request("POST", "https://api.gemini.com/v1/order/status")))

    assert "X-GEMINI-SIGNATURE" in signed.headers
