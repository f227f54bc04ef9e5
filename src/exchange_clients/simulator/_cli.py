"""
`python -m exchange_clients.simulator`: serve every simulated exchange until Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import threading

import attrs

from exchange_clients.simulator._accounts import SimulatedAccounts
from exchange_clients.simulator._simulator import EXCHANGES, Simulator


__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Serve on PORT, PORT+1, ... (one per exchange, in EXCHANGES order), print the URLs and fake credentials."""
    parser = argparse.ArgumentParser(
        prog="python -m exchange_clients.simulator",
        description=f"Serve simulated order-status APIs of {', '.join(EXCHANGES)} on loopback.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"first of {len(EXCHANGES)} consecutive ports, one per exchange (default: free ports)",
    )
    args = parser.parse_args(argv)
    ports = None if args.port is None else [args.port + offset for offset in range(len(EXCHANGES))]
    with Simulator(host=args.host, ports=ports) as simulator:
        for exchange in EXCHANGES:
            print(f"{exchange:<15} {simulator.base_url(exchange)}", flush=True)
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
    lines = ["Fake credentials accepted by the simulator:"]
    for name in accounts:
        fields = attrs.asdict(getattr(accounts, name), recurse=False)
        lines.append(f"  {name:<22} " + " ".join(f"{field}={_shown(value)}" for field, value in fields.items()))
    print("\n".join(lines), flush=True)


def _shown(value: object) -> str:
    if isinstance(value, tuple | frozenset | set):
        return ",".join(sorted(map(str, value)))
    return str(value)
