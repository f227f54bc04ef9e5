"""
Nonces shared between processes that use one Gemini or Kraken Futures key at the same time.

Workers, cron jobs, notebooks: within one process the default clocks and locks already keep a key's nonces
increasing and in order. Two processes know nothing of each other: both read the same wall clock, and one can
send a nonce the exchange has already seen exceeded. A `SharedNonceStore` keeps, per key, the last nonce
issued in a small file under an OS file lock (filelock), and the signers hold that lock from signing until the
answer, so across processes too nonces only go up and arrive in order. Opt in with
`nonce_store=SharedNonceStore()` on `connect` or on a client factory; it costs a file lock and a few bytes of
I/O per request. It needs the `shared-nonces` extra (filelock, platformdirs).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from exchange_clients._nonce import NANOSECONDS_PER_UNIT, NonceSource


class SharedNonceStore:
    """Per-key nonce files under `directory` (default: the user's cache dir, `exchange-clients/nonces`)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        missing = [name for name in ("filelock", "platformdirs") if importlib.util.find_spec(name) is None]
        if missing:
            msg = (
                f"SharedNonceStore needs the shared-nonces extra ({', '.join(missing)} not installed): "
                "pip install 'exchange-clients[shared-nonces]'"
            )
            raise ImportError(msg, name=missing[0])
        self.directory = Path(directory) if directory is not None else _default_directory()
        self.directory.mkdir(parents=True, exist_ok=True)

    def __repr__(self) -> str:
        return f"SharedNonceStore({str(self.directory)!r})"

    def _paths(self, exchange: str, key_id: str) -> tuple[Path, Path]:
        # A digest, not the key: file names show up in listings and backups.
        name = f"{exchange}-{hashlib.sha256(key_id.encode()).hexdigest()[:24]}"
        return self.directory / f"{name}.nonce", self.directory / f"{name}.lock"

    def lock(self, exchange: str, key_id: str) -> AbstractContextManager[object]:
        """The key's cross-process lock, held from signing until the answer arrives.

        One object serves all the key's requests: only the holder of the key's process-wide thread lock enters it
        (see _ordering), so it is never entered twice at once.
        """
        _, lock_path = self._paths(exchange, key_id)
        return _file_lock(lock_path)

    def source(
        self, exchange: str, key_id: str, unit: str = "ms", wall_clock_ns: Callable[[], int] | None = None
    ) -> NonceSource:
        """The key's nonce source: the wall clock in `unit`, strictly above every nonce any process drew."""
        nonce_path, lock_path = self._paths(exchange, key_id)
        divisor = NANOSECONDS_PER_UNIT[unit]
        clock = wall_clock_ns or time.time_ns
        # Its own file, and per thread: the ordering lock does not cover a sync call made from inside an event loop
        # (see _ordering), and a FileLock shared between threads lets a second thread straight in while the first
        # holds it, so two draws could read the same last nonce.
        counter_lock = _file_lock(Path(str(lock_path) + ".counter"), per_thread=True)

        # What this source last drew: with the file corrupt, the next nonce still goes above this process's own.
        drawn = 0

        def draw() -> int:
            nonlocal drawn
            with counter_lock:
                last = max(_last_nonce(nonce_path), drawn)
                nonce = drawn = max(clock() // divisor, last + 1)
                temporary = nonce_path.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(str(nonce), encoding="ascii")
                temporary.replace(nonce_path)  # atomic: a reader never sees a half-written number
                return nonce

        return draw


def _last_nonce(path: Path) -> int:
    """The last nonce a process wrote, or 0 when there is none or the file is not one number.

    A file cut short by a full disk or overwritten by hand would otherwise fail every call on the key; the clock
    still keeps the next nonce above what any process drew from it, which is what the exchange compares.
    """
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return 0
    except (OSError, UnicodeDecodeError) as error:
        _log.warning("nonce file %s is unreadable (%s); taking the clock's nonce", path.name, type(error).__name__)
        return 0
    if not (text.isascii() and text.isdecimal()) or len(text) > _MAX_DIGITS:
        _log.warning("nonce file %s does not hold one number; taking the clock's nonce", path.name)
        return 0
    return int(text)


_MAX_DIGITS = 20  # a nonce in ms fits in 14 digits; a longer "number" is a corrupt file, not a nonce
_log = logging.getLogger("exchange_clients")


def _default_directory() -> Path:
    import platformdirs  # noqa: PLC0415 - the store is opt-in; importing it costs nothing until used

    return Path(platformdirs.user_cache_dir("exchange-clients")) / "nonces"


def _file_lock(path: Path, *, per_thread: bool = False) -> AbstractContextManager[object]:
    import filelock  # noqa: PLC0415 - the store is opt-in; importing it costs nothing until used

    # The ordering lock is not per thread: an async flow may take it in a worker thread and release it on the
    # loop's (its thread lock already keeps it to one holder per process). The counter lock is taken and released
    # in one thread, and must keep other threads out.
    return filelock.FileLock(path, thread_local=per_thread)
