"""
What every exchange's credentials share: reading them from the environment and never showing a secret.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar


T = TypeVar("T")


class MissingCredentialsError(LookupError):
    """Credentials were asked for from the environment and a variable they need is not set."""

    def __init__(self, exchange: str, missing: list[str], *, needed_for: str = "") -> None:
        self.exchange = exchange
        self.missing = tuple(missing)
        names = ", ".join(missing)
        why = f". {needed_for}" if needed_for else ""
        super().__init__(f"{exchange} credentials need the environment variable(s) {names}, which are not set{why}")


def read_environment(exchange: str, names: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """The values of the named variables, or MissingCredentialsError naming every one that is unset or empty."""
    source = os.environ if environ is None else environ
    missing = [name for name in names if not source.get(name)]
    if missing:
        raise MissingCredentialsError(exchange, missing)
    return [source[name] for name in names]


def printable_token(_instance: object, attribute: Any, value: str) -> None:
    """Attrs validator: a key or secret is a non-empty string of printable ASCII without spaces.

    A key that ends in a newline (pasted from a file) would otherwise be refused by httpx at the first request in
    an error that quotes the header, key and all. The message names the field and the position, never the value.
    """
    name = attribute.name
    if not isinstance(value, str):
        msg = f"{name} must be a str, not {type(value).__name__}"
        raise TypeError(msg)
    if not value:
        msg = f"{name} is empty"
        raise ValueError(msg)
    for position, character in enumerate(value):
        if not "!" <= character <= "~":
            what = "a space" if character == " " else "a control character" if character.isascii() else "non-ASCII"
            msg = f"{name} has {what} at position {position}: keys and secrets are printable ASCII"
            raise ValueError(msg)


def from_variables(make: Callable[..., T], variables: Mapping[str, str], **values: Any) -> T:
    """`make(**values)` for credentials read from the environment; a refused value names its variable.

    `variables` maps each field to the environment variable it came from, so that "api_key has a control
    character" reads "GEMINI_API_KEY has a control character" to the person who set it.
    """
    try:
        return make(**values)
    except (TypeError, ValueError) as error:
        message = str(error)
        for field, variable in variables.items():
            if message.startswith(f"{field} "):
                message = f"{variable}{message[len(field) :]}"
        raise type(error)(message) from None


def redacted(_: object) -> str:
    """The repr of a secret field: it says a value is there and nothing about it."""
    return "'<redacted>'"


def key_hint(key: str) -> str:
    """The repr of an API key: enough to tell two keys apart in a log, not enough to use one."""
    return repr(f"{key[:4]}…") if len(key) > 8 else "'<redacted>'"
