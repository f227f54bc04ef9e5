"""
The command's exit codes: a script can tell a typo from bad credentials from a missing order from an outage.
"""

from __future__ import annotations

from enum import IntEnum

from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    ExchangeUnavailableError,
    InvalidRequestError,
    NonceError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TransportError,
    UnsupportedOperationError,
)
from exchange_clients._http import InsecureBaseURLError


class ExitCode(IntEnum):
    """What `exchange-clients` exits with."""

    OK = 0
    ERROR = 1
    """The exchange answered something this client does not understand (UnexpectedResponseError and others)."""
    USAGE = 2
    """A bad command line: unknown option or exchange, an invalid id, an operation the exchange lacks, an insecure
    base URL (click's own code for usage errors too)."""
    AUTH = 3
    """Credentials missing, refused, without permission, or a nonce refused."""
    NOT_FOUND = 4
    """The exchange does not know an order asked for."""
    UNAVAILABLE = 5
    """The exchange is down, throttling, or unreachable; trying later may work."""


def exit_code_for(error: Exception) -> ExitCode:
    """The exit code an error ends the command with."""
    classes: list[tuple[tuple[type[Exception], ...], ExitCode]] = [
        ((MissingCredentialsError, AuthenticationError, PermissionDeniedError, NonceError), ExitCode.AUTH),
        ((OrderNotFoundError,), ExitCode.NOT_FOUND),
        ((ExchangeUnavailableError, RateLimitError, TransportError), ExitCode.UNAVAILABLE),
        ((InvalidRequestError, InsecureBaseURLError, UnsupportedOperationError), ExitCode.USAGE),
        ((ExchangeError,), ExitCode.ERROR),
    ]
    return next((code for kinds, code in classes if isinstance(error, kinds)), ExitCode.ERROR)
