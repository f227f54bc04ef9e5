"""Contains shared errors types that can be raised from API functions"""

from collections.abc import Mapping

_SHOWN_BYTES = 1000


def _excerpt(content: bytes) -> str:
    text = content[:_SHOWN_BYTES].decode(errors="replace")
    return text if len(content) <= _SHOWN_BYTES else f"{text}... ({len(content)} bytes in all)"


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(f"Unexpected status code: {status_code}\n\nResponse content:\n{_excerpt(content)}")


class ResponseParseError(Exception):
    """A documented response whose body is not JSON or does not fit its schema; the cause is chained."""

    def __init__(self, status_code: int, content: bytes, cause: Exception, headers: Mapping[str, str] | None = None):
        self.status_code = status_code
        self.content = content
        self.cause = cause
        self.headers: Mapping[str, str] = headers if headers is not None else {}

        super().__init__(
            f"HTTP {status_code} response does not fit the spec: {type(cause).__name__}: {cause}"
            f"\n\nResponse content:\n{_excerpt(content)}"
        )


__all__ = ["ResponseParseError", "UnexpectedStatus"]
