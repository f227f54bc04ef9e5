"""
`python -m exchange_clients.simulator`: serve the four simulated exchanges until Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import threading

from exchange_clients.simulator._accounts import SimulatedAccounts
from exchange_clients.simulator._simulator import EXCHANGES, Simulator


__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Serve on PORT..PORT+3 (gemini, kraken_futures, digifinex, derive), print the URLs and fake credentials."""
    parser = argparse.ArgumentParser(
        prog="python -m exchange_clients.simulator",
        description="Serve simulated Gemini, Kraken Futures, DigiFinex and Derive order-status APIs on loopback.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=None, help="first of four consecutive ports (default: four free ports)"
    )
    args = parser.parse_args(argv)
    ports = None if args.port is None else (args.port, args.port + 1, args.port + 2, args.port + 3)
    with Simulator(host=args.host, ports=ports) as simulator:
        for exchange in EXCHANGES:
            print(f"{exchange:<15} {simulator.base_url(exchange)}", flush=True)
        print(f"{'derive (lyra)':<15} {simulator.base_url('derive', 'lyra')}", flush=True)
        _print_credentials(simulator.accounts)
        print("Press Ctrl-C to stop.", flush=True)
        wait_for_stop()
        print("stopped", flush=True)
    return 0


def wait_for_stop() -> None:
    """Wait for Ctrl-C (SIGINT) or SIGTERM.

    Both are handled here, explicitly: a process started in a shell's background job inherits SIGINT ignored, and
    Python then never raises KeyboardInterrupt, so a Ctrl-C sent to it (or a test's SIGINT) would be lost.
    """
    stop = threading.Event()
    previous = {number: signal.signal(number, lambda *_: stop.set()) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        # Short waits, so that the handler (which runs between bytecodes of this thread) is seen at once.
        while not stop.wait(0.2):
            pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _print_credentials(accounts: SimulatedAccounts) -> None:
    # These credentials are the simulator's own fakes (printing them is the point); real ones never get here.
    derive = accounts.derive
    lines = [
        "Fake credentials accepted by the simulator:",
        f"  gemini          api_key={accounts.gemini.api_key} api_secret={accounts.gemini.api_secret}",
        (
            f"  gemini (2nd)    api_key={accounts.gemini_second_trader.api_key}"
            f" api_secret={accounts.gemini_second_trader.api_secret}"
        ),
        f"  gemini auditor  api_key={accounts.gemini_auditor.api_key} api_secret={accounts.gemini_auditor.api_secret}",
        f"  kraken_futures  api_key={accounts.kraken_futures.api_key} api_secret={accounts.kraken_futures.api_secret}",
        f"  digifinex       api_key={accounts.digifinex.api_key} api_secret={accounts.digifinex.api_secret}",
        f"  derive          wallet={derive.wallet} subaccount_id={derive.subaccount_id}",
        f"  derive owner    private_key={derive.private_key}",
        *(f"  derive session  private_key={key}" for key in derive.session_private_keys),
    ]
    print("\n".join(lines), flush=True)
