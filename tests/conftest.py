"""
One simulator for the whole session, on a clock the tests may freeze.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.simulator.clock import Clock


@pytest.fixture(scope="session")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def simulator(clock: Clock) -> Iterator[Simulator]:
    with Simulator(clock=clock) as running:
        yield running


@pytest.fixture(autouse=True)
def _thaw_clock(clock: Clock) -> Iterator[None]:
    yield
    clock.frozen = None


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client
