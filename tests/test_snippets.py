"""
Every Python snippet of the README and the documentation runs, against the simulator, and prints what it says.

A snippet is written as a user would write it, against the real exchanges: `ec.connect("kraken_futures")` with
credentials from the environment. Here the environment holds the simulator's fake credentials and every client is
pointed at the simulator, so the snippet runs unchanged; anything that would reach another host fails. What a
snippet says it prints (`print(x)  # -> text`, or a closing `# Prints:` block of `# line` comments) is what it
must print, line for line.
"""

from __future__ import annotations

import functools
import importlib
import re
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import exchange_clients as ec
from codegen.specs import EXCHANGES, ROOT
from exchange_clients.simulator import Simulator
from tests.simulated_environment import credentials_environment


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"\bprint\(.*#\s->\s(?P<text>.*)$")
BLOCK = re.compile(r"^# Prints:\n((?:# .*\n?|#\n?)+)", re.MULTILINE)
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def _snippets() -> list[Any]:
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            name = f"{document.relative_to(ROOT).as_posix()}:{line}"
            found.append(pytest.param(document, line, match.group(1), id=name))
    return found


def expected_output(code: str) -> list[str] | None:
    """The lines the snippet says it prints, or None when it says nothing of its output."""
    inline = [match["text"] for line in code.splitlines() if (match := INLINE.search(line))]
    block = BLOCK.search(code)
    printed = [line.removeprefix("#").removeprefix(" ") for line in block.group(1).splitlines()] if block else []
    if not inline and not block:
        return None
    return inline + printed


def _towards(simulator: Simulator, make: Callable[..., Any], exchange_of: Callable[..., str]) -> Callable[..., Any]:
    @functools.wraps(make)
    def pointed(*args: Any, **options: Any) -> Any:
        options.setdefault("base_url", simulator.base_url(exchange_of(*args)))
        return make(*args, **options)

    return pointed


def _loopback_only(getaddrinfo: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(host: object, *args: Any, **kwargs: Any) -> Any:
        if host not in LOOPBACK and not (isinstance(host, bytes) and host.decode() in LOOPBACK):
            msg = f"a snippet tried to reach {host!r}: tests talk to the simulator only"
            raise OSError(msg)
        return getaddrinfo(host, *args, **kwargs)

    return guarded


@pytest.fixture
def pointed_at_the_simulator(fresh_simulator: Simulator, monkeypatch: pytest.MonkeyPatch) -> Simulator:
    """Credentials in the environment and every client aimed at the simulator, as a user's setup would be."""
    for name, value in credentials_environment(fresh_simulator.accounts).items():
        monkeypatch.setenv(name, value)
    for name in ("connect", "connect_async"):
        monkeypatch.setattr(ec, name, _towards(fresh_simulator, getattr(ec, name), lambda exchange, *_: exchange))
    for exchange in EXCHANGES:
        module = importlib.import_module(f"exchange_clients.{exchange}")
        monkeypatch.setattr(module, "client", _towards(fresh_simulator, module.client, lambda *_, e=exchange: e))
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only(socket.getaddrinfo))
    return fresh_simulator


@pytest.mark.usefixtures("pointed_at_the_simulator")
@pytest.mark.parametrize(("document", "line", "code"), _snippets())
def test_the_snippet_runs_and_prints_what_it_says(
    capsys: pytest.CaptureFixture[str], document: Path, line: int, code: str
) -> None:
    """The snippet runs to the end, and prints exactly what its comments say it prints."""
    program = compile("\n" * (line - 1) + code, str(document), "exec")
    exec(program, {"__name__": "__main__"})  # noqa: S102 - the documentation's own code, run as its reader would

    expected = expected_output(code)
    if expected is not None:
        assert capsys.readouterr().out.splitlines() == expected


def test_every_document_is_read() -> None:
    """The README and the documentation's pages hold snippets, and the pattern finds them all."""
    counted = {document: len(FENCE.findall(document.read_text(encoding="utf-8"))) for document in DOCUMENTS}

    assert counted[ROOT / "README.md"] >= 1
    assert sum(counted.values()) == sum(
        document.read_text(encoding="utf-8").count("```python\n") for document in DOCUMENTS
    )
