"""
Where a client may send credentials, and the keyword arguments every per-exchange factory shares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from exchange_clients._logging import LoggedAuth
from exchange_clients._redact import Redactor
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES, guarded_transport, is_loopback


class InsecureBaseURLError(ValueError):
    """A base URL would send signed requests in clear text to a host that is not this machine."""


def resolve_base_url(exchange: str, environments: Mapping[str, str], environment: str, base_url: str | None) -> str:
    """
    The URL to send to: `base_url` when given, else the named environment's.

    The environment name is checked even with `base_url` (Derive picks its header family from it). Plain
    http is accepted only for a loopback host (the simulator, a local proxy): anywhere else the API key and
    signatures would cross the network readable by anyone on the path.
    """
    if environment not in environments:
        msg = f"{exchange} has no environment {environment!r}; choose one of {', '.join(sorted(environments))}"
        raise ValueError(msg)
    if base_url is None:
        return environments[environment]
    url = httpx.URL(base_url)
    if url.scheme == "https" or (url.scheme == "http" and is_loopback(url.host)):
        return base_url.rstrip("/")
    msg = f"refusing {exchange} base URL {base_url!r}: credentials go over https, or plain http to a loopback host"
    raise InsecureBaseURLError(msg)


DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
"""Every phase bounded: 5 s to connect (a healthy exchange connects in well under one), 10 s to read, write, or wait
for a pooled connection. httpx's own default (5 s everywhere) is too short for a slow read under load."""


def as_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """`timeout` as httpx.Timeout: a number bounds every phase (connect at most 5 s), None means DEFAULT_TIMEOUT."""
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout, connect=min(timeout, DEFAULT_TIMEOUT.connect or timeout))


ClientT = TypeVar("ClientT")


def signed_client(
    client_class: Callable[..., ClientT],
    *,
    credentials: object,
    base_url: str,
    key: str,
    key_header: str,
    signer: httpx.Auth,
    timeout: float | httpx.Timeout | None,
    raise_on_unexpected_status: bool,
    httpx_args: Mapping[str, Any],
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
) -> ClientT:
    """A generated `AuthenticatedClient` whose every request goes through `signer`, logged with `credentials` redacted.

    The generated client insists on a token, which it keeps in its repr and in the httpx client's default headers.
    It gets only the key's first four characters: the signer writes the key's header on every request anyway, so
    the full key lives in the signer alone and no repr or default header shows it.
    """
    return client_class(
        base_url=base_url,
        token=f"{key[:4]}...",
        prefix="",
        auth_header_name=key_header,
        timeout=as_timeout(timeout),
        raise_on_unexpected_status=raise_on_unexpected_status,
        httpx_args={
            **guarded_transport(base_url, max_response_bytes, httpx_args),
            "auth": LoggedAuth(signer, Redactor.for_credentials(credentials)),
        },
    )
