"""
Keeping credentials out of every text this package produces: error messages, body excerpts, log lines.

Credentials register themselves when constructed (an attrs validator on each secret field); `redact_text`
then replaces every registered value wherever it appears. Matching the known values rather than patterns
catches a secret however it got into a text (an exchange echoing a header, a server error quoting the
request), and a private key also in its other common spelling (with or without `0x`).
"""

from __future__ import annotations

import re
import threading
from typing import Any


REDACTED = "<redacted>"

_MINIMUM_SECRET_LENGTH = 8
"""Shorter values are not redacted: replacing every "abc" in a text would destroy it and protect nothing."""

_replacements: dict[str, str] = {}
_guard = threading.Lock()


def register_secret(_instance: Any, _attribute: Any, value: str) -> None:
    """Attrs validator for a secret field: from now on `redact_text` hides `value` entirely."""
    _register(value, REDACTED)
    if value.startswith(("0x", "0X")):
        _register(value[2:], REDACTED)


def register_key(_instance: Any, _attribute: Any, value: str) -> None:
    """Attrs validator for an API key: from now on `redact_text` shows only its first four characters."""
    _register(value, f"{value[:4]}…{REDACTED}")


def _register(value: str, replacement: str) -> None:
    if len(value) >= _MINIMUM_SECRET_LENGTH:
        with _guard:
            _replacements[value] = replacement


# What a signature or a signed payload looks like on the wire: a long run of hex or base64. These change with every
# request, so they cannot be registered like a key; a server that quotes the request back (an error page echoing
# its headers) would otherwise put X-GEMINI-PAYLOAD, Authent or ACCESS-SIGN into an error's text. No order id,
# amount or enum of these exchanges is 40 such characters in a row (UUIDs are 36, with hyphens).
_SIGNATURE_LIKE = re.compile(r"[A-Za-z0-9+/=]{40,}")


def redact_text(text: str) -> str:
    """`text` with every registered credential, and anything shaped like a signature, replaced.

    Registered values go first and longest first, so no secret is half-replaced.
    """
    with _guard:
        replacements = sorted(_replacements.items(), key=lambda item: len(item[0]), reverse=True)
    for secret, replacement in replacements:
        if secret in text:
            text = text.replace(secret, replacement)
    return _SIGNATURE_LIKE.sub(REDACTED, text)


def registered_secrets() -> frozenset[str]:
    """Every value registered as a secret (not API keys): what a leak check must never find in a text."""
    with _guard:
        return frozenset(value for value, replacement in _replacements.items() if replacement == REDACTED)
