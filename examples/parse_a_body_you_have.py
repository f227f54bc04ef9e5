"""Normalize an order body you already have (a log line, a recording), with no request sent."""

import json

import exchange_clients as ec


# One element of the `orders` list of Kraken Futures' order-status answer, as recorded.
RECORDED = """{"order": {"type": "ORDER", "orderId": "2a1c6d4f-8d5e-4f9b-8c2b-3d4e5f6a7b81", "cliOrdId": null,
"symbol": "PF_ETHUSD", "side": "sell", "quantity": 2.5, "filled": 0.75, "limitPrice": 2345.25,
"reduceOnly": false, "timestamp": "2026-11-22T10:00:00.000Z", "lastUpdateTimestamp": "2026-11-22T10:00:01.250Z"},
"status": "ENTERED_BOOK", "updateReason": "PARTIAL_FILL", "error": null}"""


def main() -> None:
    order = ec.kraken_futures.parse_order(RECORDED)
    # Times are timezone-aware UTC, None where the exchange gives none.
    updated = order.updated_at.isoformat() if order.updated_at is not None else "never"
    print(order.status, order.price, order.filled, order.remaining, updated)
    # Exact numbers all the way to JSON: amounts as decimal strings.
    print(json.dumps({"amount": str(order.amount), "price": str(order.price)}))

    try:
        ec.kraken_futures.parse_order('{"order": {"orderId": 7}}')
    except ec.UnexpectedResponseError as error:
        print("not an order:", error.operation)


if __name__ == "__main__":
    main()

# Prints:
# partially_filled 2345.25 0.75 2.5 2026-11-22T10:00:01.250000+00:00
# {"amount": "3.25", "price": "2345.25"}
# not an order: parse_order
