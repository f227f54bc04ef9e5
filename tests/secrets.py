"""
The secrets a test run knows of, and where they turn up in text.

The clients keep no registry of secrets (each redacts with its own credentials), so the suite notes, from the moment
it starts, the secrets of every credentials object it makes: module-level fakes included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from exchange_clients._redact import Redactor
from exchange_clients.simulator import SimulatedAccounts


_MADE: set[str] = set()


def note_the_secrets_of(credentials_types: Iterable[type]) -> None:
    """From now on, every instance of these credentials classes adds its secrets to `known_secrets()`.

    The secrets are what the client's own Redactor hides entirely (not API keys, nor values too short to redact).
    """
    for credentials_type in credentials_types:
        credentials_type.__init__ = _noting(credentials_type.__init__)  # type: ignore[misc]


def _noting(init: Callable[..., None]) -> Callable[..., None]:
    def noting_init(self: object, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)
        _MADE.update(Redactor.for_credentials(self).secrets())

    return noting_init


def known_secrets() -> set[str]:
    """Every API secret and private key of the simulator's accounts, and of every credentials made so far."""
    accounts = SimulatedAccounts()
    return {secret for name in accounts for secret in _account_secrets(getattr(accounts, name))} | _MADE


def _account_secrets(account: object) -> set[str]:
    # A simulated account keeps its secrets out of its repr (attrs repr=False): those fields are the secrets, with
    # a hex key also as written without its 0x.
    secrets = set()
    for field in attrs.fields(type(account)):
        if field.repr is False:
            value = getattr(account, field.name)
            for secret in value if isinstance(value, tuple) else (value,):
                secrets |= {secret, secret.removeprefix("0x")}
    return secrets


def leaked_secrets(texts: Iterable[str]) -> list[str]:
    """The texts that contain a known secret, shortened to show where, never the secret itself."""
    secrets = known_secrets()
    return [text[: text.find(secret)][-60:] + "<SECRET>" for text in texts for secret in secrets if secret in text]
