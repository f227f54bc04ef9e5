"""
Keeping credentials out of every text this package produces: error messages, body excerpts, log lines.

Each client redacts with its own credentials (a `Redactor` made once, when the client is made): every value of a
field marked SECRET or API_KEY is replaced wherever it appears. Matching the known values rather than patterns
catches a secret however it got into a text (an exchange echoing a header, a server error quoting the request), and
a private key also in its other common spelling (with or without `0x`). Nothing is kept process-wide: a client's
secrets live as long as the client.

A call runs inside `redacting(its client's redactor)`, so that an error made anywhere during the call, which cannot
be handed the client, still redacts with it (`redact_text`). Outside a call only signature-shaped text is redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

import attrs


REDACTED = "<redacted>"

_MINIMUM_SECRET_LENGTH = 8
"""Shorter values are not redacted: replacing every "abc" in a text would destroy it and protect nothing."""

SECRET: Final = {"redact": "secret"}
"""attrs field metadata: the value is replaced entirely wherever it appears."""
API_KEY: Final = {"redact": "key"}
"""attrs field metadata: the value shows only its first four characters (enough to tell two keys apart)."""

# What a signature or a signed payload looks like on the wire: a long run of hex or base64. These change with every
# request, so they cannot be known in advance like a key; a server that quotes the request back (an error page
# echoing its headers) would otherwise put X-GEMINI-PAYLOAD, Authent or ACCESS-SIGN into an error's text. No order id,
# amount or enum of these exchanges is 40 such characters in a row (UUIDs are 36, with hyphens).
_SIGNATURE_LIKE = re.compile(r"[A-Za-z0-9+/=]{40,}")


class Redactor:
    """Replaces one set of credentials, and anything shaped like a signature, in a text."""

    __slots__ = ("_replacements",)

    def __init__(self, secrets: tuple[str, ...] = (), keys: tuple[str, ...] = ()) -> None:
        replacements: dict[str, str] = {}
        for key in keys:
            replacements[key] = f"{key[:4]}…{REDACTED}"
        for secret in secrets:
            replacements[secret] = REDACTED
            if secret.startswith(("0x", "0X")):
                replacements[secret[2:]] = REDACTED
        # Longest first, so that no secret is half-replaced by a shorter one it contains.
        self._replacements = tuple(
            sorted(
                ((value, shown) for value, shown in replacements.items() if len(value) >= _MINIMUM_SECRET_LENGTH),
                key=lambda item: len(item[0]),
                reverse=True,
            )
        )

    @classmethod
    def for_credentials(cls, credentials: object) -> Redactor:
        """The redactor of an attrs credentials instance: its fields marked SECRET or API_KEY."""
        kind = type(credentials)
        if not attrs.has(kind):
            msg = f"credentials are an attrs class with fields marked SECRET or API_KEY, not {kind.__name__}"
            raise TypeError(msg)
        secrets: list[str] = []
        keys: list[str] = []
        for field in attrs.fields(kind):
            value = getattr(credentials, field.name)
            marked = field.metadata.get("redact")
            if isinstance(value, str) and marked in ("secret", "key"):
                (secrets if marked == "secret" else keys).append(value)
        return cls(tuple(secrets), tuple(keys))

    def __call__(self, text: str) -> str:
        """`text` with every credential of this redactor, and anything shaped like a signature, replaced."""
        for secret, replacement in self._replacements:
            if secret in text:
                text = text.replace(secret, replacement)
        return _SIGNATURE_LIKE.sub(REDACTED, text)

    def secrets(self) -> frozenset[str]:
        """The values replaced entirely (not API keys): what a leak check must never find in a text."""
        return frozenset(value for value, shown in self._replacements if shown == REDACTED)

    def __repr__(self) -> str:
        return f"<Redactor of {len(self._replacements)} values>"


SIGNATURES_ONLY = Redactor()
"""What is redacted outside any client's call: text shaped like a signature."""

_active: ContextVar[Redactor] = ContextVar("exchange_clients_redactor", default=SIGNATURES_ONLY)


@contextmanager
def redacting(redactor: Redactor) -> Iterator[None]:
    """Make `redactor` the one `redact_text` uses, in this thread or task, until the block ends."""
    token = _active.set(redactor)
    try:
        yield
    finally:
        _active.reset(token)


def redact_text(text: str) -> str:
    """`text` redacted by the redactor of the call in progress (see `redacting`)."""
    return _active.get()(text)
