"""
A progress bar on stderr for long batches, fed by get_orders' and find_orders' `progress` callback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


__all__ = ["PROGRESS_FROM", "progress_bar"]

PROGRESS_FROM = 20
"""More ids than this is a long batch: Gemini and Derive take one call each, about 0.1 s apiece at their limits."""


@contextmanager
def progress_bar(total: int, *, shown: bool | None) -> Iterator[Callable[[int, int], None]]:
    """A `progress(done, total)` callback drawing a bar on stderr, removed when done; a silent one if not shown.

    `shown` None decides by itself: a bar for more than PROGRESS_FROM ids when stderr is a terminal, never in a pipe.
    True draws one wherever stderr goes, as asked (`--progress`).
    """
    console = Console(stderr=True, force_terminal=True if shown else None)
    if shown is None:
        shown = total > PROGRESS_FROM and console.is_terminal
    if not shown:
        yield lambda _done, _total: None
        return
    columns = (TextColumn("orders"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("orders", total=total)
        yield lambda done, _total: bar.update(task, completed=done)
