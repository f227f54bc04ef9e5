"""
Fixtures for the whole suite: one simulator on a clock the tests may freeze, and the scan for leaked secrets.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import settings

from exchange_clients import ExchangeError
from exchange_clients._exchanges import BINDINGS
from exchange_clients.simulator import SimulatedAccounts, Simulator
from tests.clock import Clock
from tests.secrets import leaked_secrets, note_the_secrets_of


# No time-based deadline for any property test: on a loaded 2-core machine a deadline is a coin toss, and the
# bounds that matter (a call's time) are asserted by the tests that are about them.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A developer's run leaves out the tests marked slow (1,000 bodies per schema, the stream fault matrix).

    They run with CI set (as .ci/run is started) or when `-m` names what to run.
    """
    if os.environ.get("CI") or config.getoption("markexpr"):
        return
    skip = pytest.mark.skip(reason="slow: run in CI (CI=true) or with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def simulator(clock: Clock) -> Iterator[Simulator]:
    with Simulator(clock=clock) as running:
        yield running


@pytest.fixture
def fresh_simulator() -> Iterator[Simulator]:
    """A simulator of its own, for tests that leave nonce state behind (a nonce far ahead, a key's history)."""
    with Simulator() as running:
        yield running


@pytest.fixture(scope="session")
def accounts() -> SimulatedAccounts:
    return SimulatedAccounts()


@pytest.fixture(autouse=True)
def _thaw_clock(clock: Clock) -> Iterator[None]:
    yield
    clock.frozen = None


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


# Every registered exchange's credentials, noted as they are made (see tests/secrets.py).
note_the_secrets_of(binding.credentials_type for binding in BINDINGS.values())


@pytest.fixture(autouse=True)
def _no_secret_leaks(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No log record (at DEBUG) and no str or repr of an ExchangeError created in a test contains a secret.

    The secrets are every API secret or private key of credentials made during the suite, and the simulator's.
    """
    caplog.set_level(logging.DEBUG)
    errors: list[ExchangeError] = []
    original = ExchangeError.__init__

    def recording_init(self: ExchangeError, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        errors.append(self)

    monkeypatch.setattr(ExchangeError, "__init__", recording_init)
    yield
    texts = [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records if record.args]
    texts += [text for error in errors for text in (str(error), repr(error), str(error.body))]
    leaks = leaked_secrets(texts)
    assert not leaks, f"secrets reached {len(leaks)} log line(s) or error(s): {leaks}"
