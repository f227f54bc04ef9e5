"""
The environment variables a program reads its credentials from, set to the simulator's fake accounts.
"""

from __future__ import annotations

from exchange_clients.simulator import SimulatedAccounts


def credentials_environment(accounts: SimulatedAccounts) -> dict[str, str]:
    """Each exchange's credential variables (as its credentials class's from_env reads them), for `accounts`."""
    return {
        "GEMINI_API_KEY": accounts.gemini.api_key,
        "GEMINI_API_SECRET": accounts.gemini.api_secret,
        "KRAKEN_FUTURES_API_KEY": accounts.kraken_futures.api_key,
        "KRAKEN_FUTURES_API_SECRET": accounts.kraken_futures.api_secret,
        # The Kraken key pair that requests the Unified WebSocket's token (Kraken Futures' stream).
        "KRAKEN_API_KEY": str(accounts.kraken_futures.kraken_api_key),
        "KRAKEN_API_SECRET": str(accounts.kraken_futures.kraken_api_secret),
        "DIGIFINEX_API_KEY": accounts.digifinex.api_key,
        "DIGIFINEX_API_SECRET": accounts.digifinex.api_secret,
        "DERIVE_WALLET": accounts.derive.wallet,
        "DERIVE_PRIVATE_KEY": accounts.derive.private_key,
        "DERIVE_SUBACCOUNT_ID": str(accounts.derive.subaccount_id),
    }
