"""
The leak scan that runs around every test finds a secret when one is there, and errors never carry one.
"""

from __future__ import annotations

import exchange_clients as ec
from tests.secrets import known_secrets, leaked_secrets


SECRET = "scan-test-secret-0123456789"


def test_scan_finds_a_registered_secret_in_text() -> None:
    """A secret held by credentials is known to the scan, which reports a text containing it, without the secret."""
    ec.gemini.GeminiCredentials(api_key="scan-test-key-0001", api_secret=SECRET)

    leaks = leaked_secrets(["a harmless line", f"header X: {SECRET} trailing"])

    assert SECRET in known_secrets()
    assert leaks == ["header X: <SECRET>"]


def test_errors_redact_secrets_in_message_and_body() -> None:
    """An error built from a message or body that quotes a secret (or an API key) shows neither."""
    ec.digifinex.DigiFinexCredentials(api_key="scan-test-key-0002", api_secret=SECRET)

    error = ec.AuthenticationError(
        f"refused key scan-test-key-0002 with {SECRET}",
        exchange=ec.Exchange.KRAKEN_FUTURES,
        operation="get_order",
        http_status=200,
        code="authenticationError",
        body=f'{{"echo": "{SECRET}"}}'.encode(),
    )

    assert leaked_secrets([str(error), repr(error), error.body or ""]) == []
    assert "scan-test-key-0002" not in str(error)
    assert "scan…" in str(error)
