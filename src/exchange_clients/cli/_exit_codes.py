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
    """A bad command line: unknown option, exchange or environment, an invalid id, an operation the exchange lacks,
    a base URL that is malformed or insecure (click's own code for usage errors too)."""
    AUTH = 3
    """Credentials missing, malformed (a secret that is not base64, a key that is not hex), refused, without
    permission, or a nonce refused."""
    NOT_FOUND = 4
    """The exchange does not know an order asked for."""
    UNAVAILABLE = 5
    """The exchange is down, throttling, or unreachable; trying later may work."""


class ConfigurationError(Exception):
    """A mistake in the command line or the environment, found before anything is sent: one line and `exit_code`.

    The library raises plain ValueErrors for these (an unknown environment, a secret that is not base64), which a
    bug raises too; the command turns only the ones it provoked itself, at the step that checks one setting, into
    this, so every other ValueError still ends in a traceback.
    """

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def exit_code_for(error: Exception) -> ExitCode:
    """The exit code an error ends the command with."""
    if isinstance(error, ConfigurationError):
        return error.exit_code
    classes: list[tuple[tuple[type[Exception], ...], ExitCode]] = [
        ((MissingCredentialsError, AuthenticationError, PermissionDeniedError, NonceError), ExitCode.AUTH),
        ((OrderNotFoundError,), ExitCode.NOT_FOUND),
        ((ExchangeUnavailableError, RateLimitError, TransportError), ExitCode.UNAVAILABLE),
        ((InvalidRequestError, InsecureBaseURLError, UnsupportedOperationError), ExitCode.USAGE),
        ((ExchangeError,), ExitCode.ERROR),
    ]
    return next((code for kinds, code in classes if isinstance(error, kinds)), ExitCode.ERROR)
