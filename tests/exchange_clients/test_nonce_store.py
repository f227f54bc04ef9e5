"""
The shared nonce store: strictly increasing across store objects and processes, even when the clock goes back.

Four processes on one Gemini key get no nonce refusal.
"""

from __future__ import annotations

import importlib.util
import itertools
import subprocess
import sys
import threading
from pathlib import Path

import filelock
import httpx
import pytest

import exchange_clients as ec
from exchange_clients._ordering import KeyOrdering, _ThreadThenFileLock, ordering_for
from exchange_clients.gemini import GeminiAuth, GeminiCredentials
from exchange_clients.simulator import Simulator


WORKER = Path(__file__).parent.parent / "workers" / "gemini_reader.py"


def test_two_stores_on_one_directory_never_repeat(tmp_path: Path) -> None:
    """Two stores over one directory (as two processes would have) draw one strictly increasing sequence."""
    first = ec.SharedNonceStore(tmp_path).source("gemini", "key-a", wall_clock_ns=lambda: 1_000_000_000_000)
    second = ec.SharedNonceStore(tmp_path).source("gemini", "key-a", wall_clock_ns=lambda: 1_000_000_000_000)

    drawn = [source() for _ in range(5) for source in (first, second)]

    assert drawn == list(range(1_000_000, 1_000_010))


def test_two_threads_never_draw_at_the_same_time(tmp_path: Path) -> None:
    """One source shared by two threads: the second waits for the first to write its nonce before reading."""
    inside = threading.Event()
    release = threading.Event()
    second_saw_first_inside: list[bool] = []

    def clock() -> int:
        if not inside.is_set():
            inside.set()
            release.wait(2)  # the first draw holds the counter lock here
        else:
            second_saw_first_inside.append(not release.is_set())
        return 1_000_000_000_000

    source = ec.SharedNonceStore(tmp_path).source("kraken_futures", "key-c", wall_clock_ns=clock)
    drawn: list[int] = []
    first = threading.Thread(target=lambda: drawn.append(source()))
    first.start()
    assert inside.wait(2)
    second = threading.Thread(target=lambda: drawn.append(source()))
    second.start()
    second.join(0.3)  # with the lock working, the second draw is still waiting
    release.set()
    first.join(5)
    second.join(5)

    assert second_saw_first_inside == [False]
    assert sorted(drawn) == [1_000_000, 1_000_001]


def test_wall_clock_going_back_does_not_lower_the_nonce(tmp_path: Path) -> None:
    """After the clock steps back an hour, nonces continue from the last one issued."""
    now = [2_000_000_000_000_000]
    source = ec.SharedNonceStore(tmp_path).source("kraken_futures", "key-b", wall_clock_ns=lambda: now[0])

    before = source()
    now[0] -= 3_600 * 10**9
    after = source()

    assert after == before + 1


def test_keys_do_not_share_a_sequence_and_files_do_not_name_keys(tmp_path: Path) -> None:
    """Each key has its own file, named by a digest so the key itself never appears on disk."""
    store = ec.SharedNonceStore(tmp_path)
    store.source("gemini", "account-SecretLookingKey1", wall_clock_ns=lambda: 5_000_000)()
    store.source("gemini", "account-SecretLookingKey2", wall_clock_ns=lambda: 5_000_000)()

    names = [path.name for path in tmp_path.iterdir()]
    assert len([name for name in names if name.endswith(".nonce")]) == 2
    assert not any("SecretLooking" in name for name in names)


def test_four_processes_share_one_gemini_key(fresh_simulator: Simulator, tmp_path: Path) -> None:
    """4 processes x 200 calls on one key, through the store: all 800 answered, nonces strictly increasing."""
    url = fresh_simulator.base_url("gemini")
    order_id = fresh_simulator.orders.id("gemini", "live_unfilled")
    command = [sys.executable, str(WORKER), url, str(tmp_path), "200", order_id]

    workers = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [worker.communicate(timeout=120) for worker in workers]

    assert [out.strip() for out, _ in outputs] == ["ok=200 failed=0"] * 4, [err for _, err in outputs]
    nonces = fresh_simulator.seen_nonces("gemini", fresh_simulator.accounts.gemini.api_key)
    assert len(nonces) == 800
    assert all(earlier < later for earlier, later in itertools.pairwise(nonces))
    assert not [request for request in fresh_simulator.requests() if request.outcome != "accepted"]


def test_a_blocking_call_holds_both_locks_from_signing_to_the_answer(tmp_path: Path) -> None:
    credentials = GeminiCredentials(api_key="account-fake-store-lock-key", api_secret="fake-secret")
    store = ec.SharedNonceStore(tmp_path)
    auth = GeminiAuth(credentials, nonce_store=store)
    another_process = store.lock("gemini", credentials.api_key)  # its own file handle, as another process has
    assert isinstance(another_process, filelock.BaseFileLock)
    thread_lock = ordering_for("gemini", credentials.api_key).thread_lock
    request = httpx.Request("POST", "https://api.gemini.com/v1/order/status", json={"order_id": 1})

    flow = auth.sync_auth_flow(request)
    next(flow)
    assert thread_lock.locked()
    with pytest.raises(filelock.Timeout):
        another_process.acquire(timeout=0)

    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))
    assert not thread_lock.locked()
    with another_process.acquire(timeout=0):
        pass


class _Refusing:
    def __enter__(self) -> None:
        raise OSError("fake: the lock file cannot be opened")

    def __exit__(self, *exc_info: object) -> None:
        raise AssertionError("never entered")


def test_both_locks_release_the_first_when_the_second_cannot_be_taken() -> None:
    ordering = KeyOrdering()

    with pytest.raises(OSError, match="cannot be opened"):
        _ThreadThenFileLock(ordering, _Refusing()).acquire()
    assert not ordering.thread_lock.locked()


class _Unlockable:
    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc_info: object) -> None:
        raise OSError("fake: the lock file is gone")


def test_both_locks_release_the_first_when_the_second_cannot_be_released() -> None:
    ordering = KeyOrdering()
    first = ordering.thread_lock
    both = _ThreadThenFileLock(ordering, _Unlockable())
    both.acquire()

    with pytest.raises(OSError, match="is gone"):
        both.release()
    assert not first.locked()


@pytest.mark.parametrize("missing", ["filelock", "platformdirs"])
def test_without_the_extra_the_store_says_which_extra_to_install(
    missing: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Filelock and platformdirs come with the shared-nonces extra; without one, the store names the extra at once."""
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *_: None if name == missing else find_spec(name))

    with pytest.raises(
        ImportError, match=rf"shared-nonces extra \({missing} not installed\).*exchange-clients\[shared"
    ):
        ec.SharedNonceStore(tmp_path)
