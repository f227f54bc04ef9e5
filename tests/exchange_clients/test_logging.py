"""
The `exchange_clients` logger at DEBUG shows each request and response, and never a credential.
"""

from __future__ import annotations

import logging

import pytest

import exchange_clients as ec
from exchange_clients._logging import redacted_headers
from exchange_clients.simulator import Simulator


@pytest.mark.parametrize("exchange", ["gemini", "kraken_futures", "digifinex", "derive"])
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
