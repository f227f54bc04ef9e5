"""
Gemini's environments and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from gemini_api import AuthenticatedClient

from exchange_clients._http import resolve_base_url
from exchange_clients._nonce import NonceSource
from exchange_clients.gemini._auth import GeminiAuth, GeminiCredentials


ENVIRONMENTS = MappingProxyType(
    {
        "production": "https://api.gemini.com",
        "sandbox": "https://api.sandbox.gemini.com",
    }
)


def client(
    credentials: GeminiCredentials,
    *,
    environment: str = "production",
    base_url: str | None = None,
    nonce: NonceSource | None = None,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """The generated Gemini client for `environment` (or `base_url`), every request signed by GeminiAuth."""
    return AuthenticatedClient(
        base_url=resolve_base_url("Gemini", ENVIRONMENTS, environment, base_url),
        token=credentials.api_key,
        prefix="",
        auth_header_name="X-GEMINI-APIKEY",
        raise_on_unexpected_status=True,
        httpx_args={**httpx_args, "auth": GeminiAuth(credentials, nonce=nonce)},
    )
