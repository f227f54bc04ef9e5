"""
The default orders of every exchange: at least one per row of DESIGN.md's status table, and some extremes.

Each exchange's orders are in its own module here, `orders()`; each also has a `high_precision` order whose amount
has 30 significant digits and whose price is 0.000000000000000001 (JSON numbers for Kraken Futures and DigiFinex,
decimal strings for Gemini and Derive).

Bodies follow the examples of our specs (specs/<exchange>/openapi.yaml); ids are reused from them where an example
shows the same order.
"""

__all__ = ["HUGE_AMOUNT", "TINY_PRICE"]

HUGE_AMOUNT = "12345678901234.5678901234567891"  # 30 significant digits: more than a float (or 28-digit context) holds
TINY_PRICE = "0.000000000000000001"
