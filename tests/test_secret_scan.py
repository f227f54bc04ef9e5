"""
Redaction is per client: each redacts with its own credentials, and the leak scan around every test knows them all.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import _redact
from exchange_clients._redact import Redactor, redact_text, redacting
from tests.secrets import known_secrets, leaked_secrets


SECRET = "scan-test-secret-0123456789"
KEY = "scan-test-key-0002"


def test_scan_finds_a_secret_of_credentials_made_in_the_suite() -> None:
    """A secret held by credentials made anywhere in the run is known to the scan, which never shows it."""
    ec.gemini.GeminiCredentials(api_key="scan-test-key-0001", api_secret=SECRET)

    leaks = leaked_secrets(["a harmless line", f"header X: {SECRET} trailing"])

    assert SECRET in known_secrets()
    assert leaks == ["header X: <SECRET>"]


def test_a_redactor_hides_its_credentials_and_shows_a_keys_first_four_characters() -> None:
    credentials = ec.digifinex.DigiFinexCredentials(api_key=KEY, api_secret=SECRET)
    redact = Redactor.for_credentials(credentials)

    text = redact(f"refused key {KEY} with {SECRET}, and {SECRET[:6]} alone")

    assert text == f"refused key scan…<redacted> with <redacted>, and {SECRET[:6]} alone"
    assert SECRET not in repr(redact)
    assert KEY not in repr(redact)
    assert redact.secrets() == {SECRET}


def test_a_private_key_is_hidden_with_and_without_its_0x() -> None:
    private_key = "0x" + "4c" * 32
    credentials = ec.derive.DeriveCredentials(wallet="0x" + "00" * 19 + "aa", private_key=private_key)

    redact = Redactor.for_credentials(credentials)

    assert redact(f"a={private_key} b={private_key[2:10]}-{private_key[2:]}") == "a=<redacted> b=4c4c4c4c-<redacted>"


def test_an_error_made_during_a_call_redacts_that_clients_credentials_only() -> None:
    """Errors take the redactor of the call in progress; outside any call only signature-shaped text is hidden."""
    mine = Redactor(secrets=(SECRET,))
    theirs = Redactor(secrets=("another-clients-secret",))

    with redacting(mine):
        inside = ec.AuthenticationError(f"echo {SECRET}", exchange=ec.Exchange.GEMINI, body=f"[{SECRET}]")
        with redacting(theirs):
            nested = redact_text(f"{SECRET} another-clients-secret")
        after_nested = redact_text(SECRET)
    outside = redact_text(f"{SECRET} {'ab' * 30}")

    assert SECRET not in str(inside)
    assert inside.body == "[<redacted>]"
    assert nested == f"{SECRET} <redacted>"
    assert after_nested == "<redacted>"
    assert outside == f"{SECRET} <redacted>"  # the long hex run is signature-shaped


def test_concurrent_tasks_redact_each_with_their_own_client() -> None:
    """Two async calls in flight at once: each error is redacted by its own client's redactor, not the other's."""

    async def call(redactor: Redactor, text: str, other_started: asyncio.Event, started: asyncio.Event) -> str:
        with redacting(redactor):
            started.set()
            await other_started.wait()
            return redact_text(text)

    async def both() -> list[str]:
        first, second = asyncio.Event(), asyncio.Event()
        return list(
            await asyncio.gather(
                call(Redactor(secrets=("secret-of-client-a",)), "secret-of-client-a secret-of-client-b", second, first),
                call(Redactor(secrets=("secret-of-client-b",)), "secret-of-client-a secret-of-client-b", first, second),
            )
        )

    assert asyncio.run(both()) == ["<redacted> secret-of-client-b", "secret-of-client-a <redacted>"]


def test_nothing_is_kept_process_wide() -> None:
    """Making credentials registers nothing: a client's secrets live in its own redactor, as long as the client."""
    before = {name: repr(value) for name, value in vars(_redact).items()}
    unique = "never-kept-anywhere-0123456789"

    ec.gemini.GeminiCredentials(api_key="kept-nowhere-key-01", api_secret=unique)
    with (
        ec.connect(
            "gemini",
            ec.gemini.GeminiCredentials(api_key="kept-nowhere-key-02", api_secret=unique),
            httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(500))},
            max_retries=0,
        ) as client,
        pytest.raises(ec.ExchangeUnavailableError),
    ):
        client.get_order("1")

    assert {name: repr(value) for name, value in vars(_redact).items()} == before
    assert redact_text(unique) == unique
