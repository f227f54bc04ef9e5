"""
Type-checked, never executed: each marked line must be a type error, with the message in its comment.

tests/test_typing.py runs mypy --strict over this file and holds every error to its line's `# error:` comment.
"""

from __future__ import annotations

import exchange_clients as ec
from exchange_clients.gemini import GeminiCredentials
from exchange_clients.kraken_futures import KrakenFuturesCredentials


def misspelt(credentials: KrakenFuturesCredentials) -> None:
    ec.connect("krakn_futures", credentials)  # error: No overload variant of "connect" matches


def wrong_credentials(credentials: KrakenFuturesCredentials) -> None:
    ec.connect("gemini", credentials)  # error: No overload variant of "connect" matches


async def wrong_credentials_async(credentials: GeminiCredentials) -> None:
    ec.connect_async("derive", credentials)  # error: No overload variant of "connect_async" matches


def one_id_as_ids(credentials: GeminiCredentials) -> None:
    with ec.connect("gemini", credentials) as client:
        client.get_orders("107421210")  # error: Argument 1 to "get_orders" of "Client" has incompatible type "str"


def generated_is_typed(credentials: GeminiCredentials) -> None:
    with ec.connect("gemini", credentials) as client:
        client.generated.get_order_status()  # error: "AuthenticatedClient" has no attribute "get_order_status"


def progress_of_the_wrong_shape(credentials: GeminiCredentials) -> None:
    with ec.connect("gemini", credentials) as client:
        client.find_orders(["1"], progress=lambda _: None)  # error: Argument "progress" to "find_orders" of "Client"
