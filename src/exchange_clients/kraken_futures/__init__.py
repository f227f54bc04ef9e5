"""
Kraken Futures: credentials, request signing and the signed generated client.

The client is `exchange_clients.generated.kraken_futures`'s, signed.
"""

from exchange_clients.kraken_futures._auth import KrakenFuturesAuth, KrakenFuturesCredentials, endpoint_path, sign
from exchange_clients.kraken_futures._client import ENVIRONMENTS, client
from exchange_clients.kraken_futures._normalize import parse_order, to_order


__all__ = [
    "ENVIRONMENTS",
    "KrakenFuturesAuth",
    "KrakenFuturesCredentials",
    "client",
    "endpoint_path",
    "parse_order",
    "sign",
    "to_order",
]
