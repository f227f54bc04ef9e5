"""
ccxt, the reference: one exchange object per exchange, offline, with a fixed nonce and the catalogue's markets.

ccxt is untyped; everything from it is `Any` here and nowhere else. No exchange object ever touches the network:
`sign()` only builds the request and `parse_order` only reads a dict. Markets are set from the symbols of the
catalogue's orders, as `load_markets()` would leave them, so `parse_order` resolves symbols the way it does in use.
"""

from __future__ import annotations

from typing import Any

import ccxt  # type: ignore[import-untyped]

from bench._orders import ACCOUNTS, CATALOGUE


FIXED_NONCE_MS = 1_732_269_600_000
"""The nonce and timestamps both sides sign with in the signing benchmark (2024-11-22 10:00 UTC, milliseconds)."""

CCXT_IDS = {"gemini": "gemini", "kraken_futures": "krakenfutures", "digifinex": "digifinex", "derive": "derive"}


def fixed_nonce(name: str) -> int:
    """FIXED_NONCE_MS in the unit `name` signs: seconds for DigiFinex's ACCESS-TIMESTAMP, milliseconds elsewhere."""
    return FIXED_NONCE_MS // 1000 if name == "digifinex" else FIXED_NONCE_MS


def exchange(name: str) -> Any:
    """The ccxt exchange object for one of our exchange names, with our simulator's credentials and its markets."""
    config: dict[str, Any]
    if name == "derive":
        derive = ACCOUNTS.derive
        config = {
            "privateKey": derive.private_key,
            "walletAddress": derive.wallet,
            "options": {"deriveWalletAddress": derive.wallet},
        }
    else:
        account = getattr(ACCOUNTS, name)
        config = {"apiKey": account.api_key, "secret": account.api_secret}
    instance = getattr(ccxt, CCXT_IDS[name])(config)
    _fix_clock(instance, name)
    instance.set_markets(_markets(name))
    return instance


def _fix_clock(instance: Any, name: str) -> None:
    """Every source of time ccxt's `sign()` reads returns the fixed instant (in the unit that exchange uses)."""
    instance.milliseconds = lambda: FIXED_NONCE_MS
    instance.seconds = lambda: FIXED_NONCE_MS // 1000
    # Gemini's incrementing_nonce() and Derive's timestamp come from nonce(); DigiFinex spot signs nonce() seconds.
    instance.nonce = lambda: fixed_nonce(name)


def _symbols(name: str) -> set[str]:
    orders = CATALOGUE.of(name)
    if name == "kraken_futures":
        return {order.body["order"]["symbol"] for order in orders}
    if name == "derive":
        return {order.body["instrument_name"] for order in orders}
    return {order.body["symbol"] for order in orders}


def _markets(name: str) -> list[dict[str, Any]]:
    return [_market(name, market_id) for market_id in sorted(_symbols(name))]


def _market(name: str, market_id: str) -> dict[str, Any]:
    """A market as ccxt's own `fetch_markets` would describe this id, reduced to what `parse_order` reads."""
    if name == "gemini":
        base, quote = market_id[:-3].upper(), market_id[-3:].upper()
        return _spot(market_id, base, quote)
    if name == "digifinex":
        base, quote = market_id.split("_")
        return _spot(market_id, base, quote)
    if name == "kraken_futures":
        base = market_id.removeprefix("PF_").removesuffix("USD").replace("XBT", "BTC")
        return _derivative(market_id, base, "USD", "USD", option=False)
    base = market_id.split("-", 1)[0]
    return _derivative(market_id, base, "USDC", "USDC", option=market_id.count("-") > 1)


def _spot(market_id: str, base: str, quote: str) -> dict[str, Any]:
    return {
        "id": market_id,
        "symbol": f"{base}/{quote}",
        "base": base,
        "quote": quote,
        "baseId": base.lower(),
        "quoteId": quote.lower(),
        "type": "spot",
        "spot": True,
        "margin": False,
        "swap": False,
        "future": False,
        "option": False,
        "contract": False,
        "active": True,
    }


def _derivative(market_id: str, base: str, quote: str, settle: str, *, option: bool) -> dict[str, Any]:
    return {
        "id": market_id,
        "symbol": f"{base}/{quote}:{settle}" + (f"-{market_id.split('-', 1)[1]}" if option else ""),
        "base": base,
        "quote": quote,
        "settle": settle,
        "type": "option" if option else "swap",
        "spot": False,
        "margin": False,
        "swap": not option,
        "future": False,
        "option": option,
        "contract": True,
        "linear": True,
        "inverse": False,
        "contractSize": 1,
        "active": True,
    }
