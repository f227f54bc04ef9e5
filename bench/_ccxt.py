"""
ccxt, the reference: one exchange object per exchange, offline, with a fixed nonce and the catalogue's markets.

ccxt is untyped; everything from it is `Any` here and nowhere else. No exchange object ever touches the network:
`sign()` only builds the request and `parse_order` only reads a dict. Markets are set from the symbols of the
catalogue's orders, as `load_markets()` would leave them, so `parse_order` resolves symbols the way it does in use.
"""

from __future__ import annotations

from typing import Any

import ccxt  # type: ignore[import-untyped]
import ccxt.async_support  # type: ignore[import-untyped]

from bench._orders import ACCOUNTS, CATALOGUE, EXCHANGES


FIXED_NONCE_MS = 1_732_269_600_000
"""The nonce and timestamps both sides sign with in the signing benchmark (2024-11-22 10:00 UTC, milliseconds)."""

CCXT_IDS = {"gemini": "gemini", "kraken_futures": "krakenfutures", "digifinex": "digifinex", "derive": "derive"}
"""ccxt's name for each exchange it serves."""

COMPARED = tuple(exchange for exchange in EXCHANGES if exchange in CCXT_IDS)
"""The registered exchanges the benchmarks measure: those ccxt serves, since every figure is a ratio to ccxt's."""


def fixed_nonce(name: str) -> int:
    """FIXED_NONCE_MS in the unit `name` signs: seconds for DigiFinex's ACCESS-TIMESTAMP, milliseconds elsewhere."""
    return FIXED_NONCE_MS // 1000 if name == "digifinex" else FIXED_NONCE_MS


def exchange(name: str, *, async_support: bool = False) -> Any:
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
        # Gemini counts nonces per key: ccxt gets the account's second key, so that neither side's nonces refuse the
        # other's when the two take turns.
        account = ACCOUNTS.gemini_second_trader if name == "gemini" else getattr(ACCOUNTS, name)
        config = {"apiKey": account.api_key, "secret": account.api_secret}
    module = ccxt.async_support if async_support else ccxt
    instance = getattr(module, CCXT_IDS[name])(config)
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


def _point_at(instance: Any, name: str, base_url: str) -> Any:
    """`instance` sending to the simulator at `base_url`, on the real clock (the simulator checks nonces and time).

    ccxt's own rate limiter is off (it spaces calls by each exchange's documented limit, 10 a second for Gemini):
    ours has none, and the figures are about the client, not the exchange's limits.
    """
    instance.enableRateLimit = False
    for clock in ("milliseconds", "seconds", "nonce"):
        vars(instance).pop(clock, None)
    if name == "gemini":
        instance.urls["api"] = {"public": base_url, "private": base_url}
    elif name == "kraken_futures":
        # ccxt appends "v3/<path>" to its API root; the simulator's base URL ends in that "v3".
        root = base_url.removesuffix("v3")
        instance.urls["api"] = {"public": root, "private": root}
    elif name == "digifinex":
        instance.urls["api"] = {"rest": base_url}
    else:
        instance.urls["api"] = {"public": f"{base_url}/public", "private": f"{base_url}/private"}
    return instance


def live(name: str, base_url: str) -> Any:
    """A sync ccxt exchange object for `name` that talks to the simulator at `base_url`."""
    return _point_at(exchange(name), name, base_url)


def live_async(name: str, base_url: str) -> Any:
    """An asyncio ccxt exchange object (aiohttp underneath) for `name` that talks to the simulator at `base_url`."""
    instance = exchange(name, async_support=True)
    return _point_at(instance, name, base_url)


def fetch_order_arguments(name: str, instance: Any, body: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The symbol and params ccxt's `fetch_order` needs for one catalogue order (DigiFinex: its market)."""
    if name == "digifinex":
        return instance.markets_by_id[body["symbol"]][0]["symbol"], {}
    if name == "derive":
        return None, {"subaccount_id": ACCOUNTS.derive.subaccount_id}
    return None, {}
