"""
The secrets a test run knows of, and where they turn up in text.
"""

from __future__ import annotations

from collections.abc import Iterable

from exchange_clients.simulator import SimulatedAccounts


def known_secrets(given: Iterable[str] = ()) -> set[str]:
    """Every API secret and private key of the simulator's accounts, and the `given` ones (a test's own fakes)."""
    accounts = SimulatedAccounts()
    simulator_secrets = {
        accounts.gemini.api_secret,
        accounts.gemini_second_trader.api_secret,
        accounts.gemini_auditor.api_secret,
        accounts.kraken_futures.api_secret,
        accounts.digifinex.api_secret,
        accounts.derive.private_key,
        accounts.derive.private_key.removeprefix("0x"),
        *accounts.derive.session_private_keys,
    }
    return simulator_secrets | set(given)


def leaked_secrets(texts: Iterable[str], given: Iterable[str] = ()) -> list[str]:
    """The texts that contain a known secret, shortened to show where, never the secret itself."""
    secrets = known_secrets(given)
    return [text[: text.find(secret)][-60:] + "<SECRET>" for text in texts for secret in secrets if secret in text]
