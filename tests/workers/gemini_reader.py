"""
A separate process reading one Gemini order N times through the shared nonce store.

`python gemini_reader.py URL STORE_DIR N ORDER_ID` prints how many calls succeeded and failed: `ok=N failed=M`.
"""

from __future__ import annotations

import sys

import exchange_clients as ec
from exchange_clients.simulator import SimulatedAccounts


def main(url: str, store_dir: str, count: int, order_id: str) -> None:
    credentials = SimulatedAccounts().credentials("gemini")
    store = ec.SharedNonceStore(store_dir)
    ok = failed = 0
    # No retries: a nonce refusal must show up here, not be papered over.
    with ec.connect("gemini", credentials, base_url=url, nonce_store=store, max_retries=0) as client:
        for _ in range(count):
            try:
                client.get_order(order_id)
            except ec.ExchangeError as error:
                failed += 1
                sys.stderr.write(f"{error}\n")
            else:
                ok += 1
    sys.stdout.write(f"ok={ok} failed={failed}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
