"""
The `exchange-clients` command: read orders from the terminal, run the simulator, or the demo.

Needs the `cli` extra (click, rich): `pip install 'exchange-clients[cli]'`; `simulate` and `demo` also need
the `simulator` extra.
"""

from __future__ import annotations

import sys


def main() -> None:
    """The console script's entry point."""
    try:
        from exchange_clients.cli._commands import cli  # noqa: PLC0415 - the cli extra may be missing
    except ModuleNotFoundError as missing:
        sys.stderr.write(
            f"exchange-clients: the command line needs {missing.name!r}: pip install 'exchange-clients[cli]'\n"
        )
        raise SystemExit(2) from None
    cli()
