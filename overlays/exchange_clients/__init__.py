"""
Typed, exact order-status clients for Gemini, Kraken Futures, DigiFinex and Derive.

The HTTP clients are generated from OpenAPI documents into the packages `gemini_api`, `kraken_futures_api`,
`digifinex_api` and `derive_api` (shipped in the same wheel); this package is the hand-written layer over them.
"""

from importlib.metadata import version as _version


__version__ = _version("exchange-clients")

__all__ = ["__version__"]
