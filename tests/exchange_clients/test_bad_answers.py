"""
Every answer in the corpus of bad answers has its decided outcome: an `Order` or one typed `ExchangeError`.

The corpus is tests/fixtures/bad_answers/: one file per answer and manifest.toml saying, per file, why it is bad
and what must come of it. Each answer is served by the simulator to the unified client, and each that is one order
is also given to the exchange's `parse_order`. Nothing else (no KeyError, TypeError, ValueError, RecursionError)
may escape either.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Mapping
from datetime import timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Incoming, Reply, Simulator


CORPUS = Path(__file__).parent.parent / "fixtures" / "bad_answers"

EXCERPT_LIMIT = 600
"""The most an error's body excerpt may hold: 500 characters, the note on what was cut, and room to spare."""

TEXT_LIMIT = 1000
"""The most `str(error)` may hold: exchange, operation, status, code and a message, never the answer itself."""

# Each order body in the corpus carries the exchange's id below, and the client asks for it.
ASKED = {
    "gemini": "107421205",
    "kraken_futures": "2a1c6d4f-8d5e-4f9b-8c2b-3d4e5f6a7b81",
    "digifinex": "2a6f0c1b9e8d7c6b5a4f3e2d1c0b9a88",
    "derive": "e4774cdd-a079-4f86-814e-8b9140bb6db4",
}

# What goes around one order in each exchange's success answer. The order's bytes are spliced in unchanged, so a
# NaN constant, a duplicate name or a lone surrogate reaches the client exactly as it stands in the file.
ENVELOPES = {
    "gemini": (b"", b""),
    "kraken_futures": (b'{"result": "success", "serverTime": "2026-11-22T10:00:05.123Z", "orders": [', b"]}"),
    "digifinex": (b'{"code": 0, "data": [', b"]}"),
    "derive": (b'{"jsonrpc": "2.0", "id": 1, "result": ', b"}"),
}

MEDIA_TYPES = {
    ".json": "application/json",
    ".html": "text/html",
    ".txt": "text/plain",
    ".bin": "application/octet-stream",
}

PARSERS: Mapping[str, Callable[[bytes], ec.Order]] = {
    "gemini": ec.gemini.parse_order,
    "kraken_futures": ec.kraken_futures.parse_order,
    "digifinex": ec.digifinex.parse_order,
    "derive": ec.derive.parse_order,
}

ERROR_CLASSES = {
    name: value for name, value in vars(ec).items() if isinstance(value, type) and issubclass(value, ec.ExchangeError)
}

AMOUNTS = ("price", "amount", "filled", "remaining", "average_price")


class BadAnswer(NamedTuple):
    """One entry of manifest.toml (its keys are explained at the top of that file)."""

    file: str
    exchange: str
    status: int
    scope: str
    reason: str
    outcome: str
    expect: Mapping[str, str]
    client_outcome: str | None
    code: str | None
    repeat: Mapping[str, tuple[str, int]]
    known_bug: str | None

    @property
    def path(self) -> Path:
        """Where the answer is stored."""
        return CORPUS / self.file

    def body(self) -> bytes:
        """The answer as parse_order takes it (for scope "order") or as served (for scope "answer")."""
        content = self.path.read_bytes()
        for marker, (piece, times) in self.repeat.items():
            content = content.replace(marker.encode(), piece.encode() * times)
        return content

    def served(self) -> bytes:
        """The HTTP body the simulator sends: the answer as stored, or the order in its exchange's success envelope."""
        if self.scope == "answer":
            return self.body()
        before, after = ENVELOPES[self.exchange]
        return before + self.body() + after


def _manifest() -> list[BadAnswer]:
    with (CORPUS / "manifest.toml").open("rb") as file:
        entries = tomllib.load(file)["answer"]
    return [
        BadAnswer(
            file=entry["file"],
            exchange=entry["exchange"],
            status=entry["status"],
            scope=entry["scope"],
            reason=entry["reason"],
            outcome=entry["outcome"],
            expect=entry.get("expect", {}),
            client_outcome=entry.get("client_outcome"),
            code=entry.get("code"),
            repeat={marker: (piece, times) for marker, (piece, times) in entry.get("repeat", {}).items()},
            known_bug=entry.get("known_bug"),
        )
        for entry in entries
    ]


BAD_ANSWERS = _manifest()
ORDERS = [answer for answer in BAD_ANSWERS if answer.scope == "order"]


def _params(answers: list[BadAnswer]) -> list[Any]:
    # A known bug is a strict xfail: the day it is fixed, the test says so and the manifest entry loses the note.
    return [
        pytest.param(
            answer,
            id=answer.file.rpartition(".")[0],
            marks=[pytest.mark.xfail(strict=True, reason=answer.known_bug)] if answer.known_bug else [],
        )
        for answer in answers
    ]


def _render(value: object) -> str:
    return value.name if isinstance(value, Enum) else str(value)


def _outcome(read: Callable[[], ec.Order]) -> ec.Order | ec.ExchangeError:
    """What reading gives: the order, or the ExchangeError raised. Any other exception escapes and fails the test."""
    try:
        return read()
    except ec.ExchangeError as error:
        return error


def _check_order(outcome: ec.Order | ec.ExchangeError, answer: BadAnswer) -> None:
    """The order the manifest describes, with no number or time in it that a bad answer could fake."""
    assert isinstance(outcome, ec.Order), f"{answer.file}: expected an Order, got {outcome!r}"
    assert outcome.exchange is ec.Exchange(answer.exchange)
    assert {field: _render(getattr(outcome, field)) for field in answer.expect} == dict(answer.expect)
    for field in AMOUNTS:
        value = getattr(outcome, field)
        assert value is None or (isinstance(value, Decimal) and value.is_finite() and value >= 0), field
    assert outcome.fee is None or outcome.fee.is_finite()
    for moment in (outcome.created_at, outcome.updated_at):
        assert moment is None or moment.utcoffset() == timedelta(0)


def _check_error(outcome: ec.Order | ec.ExchangeError, answer: BadAnswer, expected: str) -> ec.ExchangeError:
    """The error class the manifest names, for this exchange, keeping at most a short excerpt of the body."""
    assert type(outcome).__name__ == expected, f"{answer.file}: expected {expected}, got {outcome!r}"
    assert isinstance(outcome, ec.ExchangeError)
    assert outcome.exchange is ec.Exchange(answer.exchange)
    assert outcome.body is None or len(outcome.body) <= EXCERPT_LIMIT
    assert len(str(outcome)) <= TEXT_LIMIT
    return outcome


def test_manifest_describes_every_file() -> None:
    """Every file in the corpus has one manifest entry with a one-line reason and a known outcome, and vice versa."""
    stored = {str(path.relative_to(CORPUS)) for path in CORPUS.rglob("*") if path.is_file()} - {"manifest.toml"}
    listed = [answer.file for answer in BAD_ANSWERS]

    assert sorted(listed) == sorted(stored)
    assert len(set(listed)) == len(listed)
    for answer in BAD_ANSWERS:
        assert answer.file.split("/")[0] == answer.exchange
        assert answer.reason
        assert "\n" not in answer.reason
        assert answer.scope in {"order", "answer"}
        for outcome in (answer.outcome, answer.client_outcome or answer.outcome):
            assert outcome == "Order" or outcome in ERROR_CLASSES
        assert bool(answer.expect) == (answer.outcome == "Order" or answer.client_outcome == "Order")


def test_corpus_covers_every_exchange() -> None:
    """At least 40 bad answers, ten or more per exchange, with both outcomes represented for each."""
    assert len(BAD_ANSWERS) >= 40
    for exchange in PARSERS:
        mine = [answer for answer in BAD_ANSWERS if answer.exchange == exchange]
        assert len(mine) >= 10
        assert {answer.outcome == "Order" for answer in mine} == {True, False}


@pytest.mark.parametrize("answer", _params(ORDERS))
def test_parse_order_outcome(answer: BadAnswer) -> None:
    """parse_order gives the manifest's Order, or raises its error class with an excerpt of the body."""
    body = answer.body()

    outcome = _outcome(lambda: PARSERS[answer.exchange](body))

    if answer.outcome == "Order":
        _check_order(outcome, answer)
    else:
        error = _check_error(outcome, answer, answer.outcome)
        assert error.http_status is None
        assert error.body


@pytest.fixture
def faults(simulator: Simulator) -> Iterator[Simulator]:
    """The shared simulator, with any fault a test left unserved removed afterwards."""
    yield simulator
    simulator.faults.clear()


@pytest.mark.parametrize("answer", _params(BAD_ANSWERS))
def test_client_outcome(faults: Simulator, answer: BadAnswer) -> None:
    """The unified client reading the answer gives the manifest's Order, or its error with HTTP status and body."""
    exchange = answer.exchange
    reply = Reply(status=answer.status, content=answer.served(), media_type=MEDIA_TYPES[answer.path.suffix])

    def serve(_: Incoming) -> Reply:
        return reply

    faults.faults.push(serve, exchange=exchange)
    credentials: Any = faults.accounts.credentials(exchange)
    with ec.connect(exchange, credentials, base_url=faults.base_url(exchange), max_retries=0) as client:
        outcome = _outcome(lambda: client.get_order(ASKED[exchange]))

    assert len(faults.faults) == 0, "the bad answer was never served"
    expected = answer.client_outcome or answer.outcome
    if expected == "Order":
        _check_order(outcome, answer)
        return
    error = _check_error(outcome, answer, expected)
    if answer.code is not None:
        assert error.code == answer.code
    if isinstance(error, ec.OrderNotFoundError) and error.http_status is None:
        # A success that lacks the order asked for: the client's own verdict, naming the id, not the answer's.
        assert error.order_id == ASKED[exchange]
    else:
        assert error.http_status == answer.status
        assert error.body is not None
