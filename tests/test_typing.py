"""
The entry point's typing holds both ways: what must type-check does, and what must not does not.

tests/typing/*.py pass mypy --strict; each line of tests/typing/must_fail/ marked `# error: MESSAGE` is an error with
that message, and nothing else there is.
"""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api


ROOT = Path(__file__).resolve().parent.parent
MUST_FAIL = ROOT / "tests" / "typing" / "must_fail"
_EXPECTED = re.compile(r"# error: (.+)$")
_REPORTED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.+?)(?:  \[[a-z-]+\])?$")


def _expected() -> dict[tuple[str, int], str]:
    found = {}
    for path in sorted(MUST_FAIL.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := _EXPECTED.search(line):
                found[path.name, number] = match.group(1)
    return found


def test_each_marked_line_is_the_type_error_it_names() -> None:
    """Mypy --strict over must_fail/ reports exactly the marked lines, each with the message its comment names."""
    options = ["--strict", "--no-incremental", "--no-error-summary", "--hide-error-context"]
    stdout, _, _ = api.run([*options, str(MUST_FAIL)])

    reported: dict[tuple[str, int], list[str]] = {}
    for line in stdout.splitlines():
        if match := _REPORTED.match(line):
            key = (Path(match["path"]).name, int(match["line"]))
            reported.setdefault(key, []).append(match["message"])
    expected = _expected()

    assert len(expected) >= 5
    assert sorted(reported) == sorted(expected), stdout
    for key, message in expected.items():
        assert any(message in reported_message for reported_message in reported[key]), (key, reported[key])


def test_the_passing_snippets_pass() -> None:
    """The snippets that show typed use (tests/typing/*.py) pass mypy --strict: no error, no note of Any."""
    snippets = sorted(str(path) for path in (ROOT / "tests" / "typing").glob("*.py"))

    stdout, _, status = api.run(["--strict", "--no-incremental", *snippets])

    assert status == 0, stdout
