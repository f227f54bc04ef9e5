"""Operations the spec marks `x-idempotent: true`: safe to send again after a timeout, a 429 or a 5xx.

Written by the exchange-clients pipeline (codegen/extensions.py) from the spec; do not edit.
"""

IDEMPOTENT_OPERATIONS: frozenset[str] = frozenset(
    {
        "get_websockets_token",
    }
)
