"""
What every exchange's credentials share: reading them from the environment and never showing a secret.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


class MissingCredentialsError(LookupError):
    """Credentials were asked for from the environment and a variable they need is not set."""

    def __init__(self, exchange: str, missing: list[str]) -> None:
        self.exchange = exchange
        self.missing = tuple(missing)
        names = ", ".join(missing)
        super().__init__(f"{exchange} credentials need the environment variable(s) {names}, which are not set")


def read_environment(exchange: str, names: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """The values of the named variables, or MissingCredentialsError naming every one that is unset or empty."""
    source = os.environ if environ is None else environ
    missing = [name for name in names if not source.get(name)]
    if missing:
        raise MissingCredentialsError(exchange, missing)
    return [source[name] for name in names]


def redacted(_: object) -> str:
    """The repr of a secret field: it says a value is there and nothing about it."""
    return "'<redacted>'"


def key_hint(key: str) -> str:
    """The repr of an API key: enough to tell two keys apart in a log, not enough to use one."""
    return repr(f"{key[:4]}…") if len(key) > 8 else "'<redacted>'"
