"""
`python -m codegen diff` end to end in a scratch git repository: a committed spec, a working-tree change, a report.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.__main__ import main
from codegen.generator import generate
from codegen.spec_diff import default_base
from codegen.specs import DOCUMENTS, GENERATED_RELATIVE, ROOT


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A repository whose one commit holds specs/ and Kraken's package generated from them; and that commit."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "specs", repo / "specs", ignore=shutil.ignore_patterns("templates", "__pycache__"))
    generate("kraken_futures", repo / GENERATED_RELATIVE, repo / "specs")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "specs as published")
    return repo, _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(committed: tuple[Path, str]) -> Iterator[Path]:
    """The scratch repository, put back to its first commit on main after each test."""
    path, first = committed
    yield path
    _git(path, "checkout", "-q", "-f", "main")
    _git(path, "reset", "-q", "--hard", first)
    _git(path, "clean", "-q", "-fdx")


def _edit(repo: Path, relative: str, *replacements: tuple[str, str]) -> None:
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


NEW_STATUS = (r"        - TRIGGER_ACTIVATION_FAILURE\n", "        - TRIGGER_ACTIVATION_FAILURE\n        - EXPIRED\n")
NO_TRIGGER_SIGNAL = (
    (r"        triggerSignal:\n(?:          .*\n)+", ""),
    (r"        - triggerSignal\n", ""),
)
# Removing a field listed before algoId in `required` moves algoId, so patch 001's `test` no longer holds.
NO_REDUCE_ONLY = ((r"        reduceOnly:\n          type: boolean\n", ""), (r"        - reduceOnly\n", ""))
KRAKEN = "specs/kraken_futures/openapi.yaml"


def _diff(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args, "--root", str(repo), "--exchange", "kraken_futures"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_status_needs_attention_but_does_not_break(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An added Kraken status is reported for attention, naming the table; only `--fail-on attention` fails."""
    first = _git(repo, "rev-parse", "HEAD")
    _edit(repo, KRAKEN, NEW_STATUS)

    code, markdown, _ = _diff(repo, capsys, first)
    assert code == 0
    assert markdown.startswith(f"## Spec diff: `{first[:7]}` -> working tree\n")
    assert "| kraken_futures | 0 | 1 | 0 |" in markdown
    assert "| attention | status value added |" in markdown
    assert "`EXPIRED`: parses, but Order.status is UNKNOWN" in markdown
    assert "exchange_clients.kraken_futures._status.STATUS_TABLE" in markdown

    code, output, _ = _diff(repo, capsys, first, "--json", "--fail-on", "breaking")
    assert code == 0
    assert json.loads(output)["worst"] == "attention"

    code, _, error = _diff(repo, capsys, first, "--fail-on", "attention")
    assert code == 1
    assert "--fail-on attention" in error


def test_removed_field_breaks(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A response field removed is breaking in Markdown and JSON, with the generated names it takes along."""
    first = _git(repo, "rev-parse", "HEAD")
    _edit(repo, KRAKEN, NEW_STATUS, *NO_TRIGGER_SIGNAL)

    code, output, _ = _diff(repo, capsys, first, "--json", "--fail-on", "breaking")
    assert code == 1
    (kraken,) = json.loads(output)["exchanges"]
    assert kraken["counts"] == {"compatible": 0, "attention": 1, "breaking": 2}
    removed = kraken["changes"][0]
    assert (removed["severity"], removed["category"], removed["kind"]) == ("breaking", "responses", "field removed")
    assert removed["where"] == (
        "POST /orders/status 200 application/json "
        "<Success Response>.orders[].order.priceTriggerOptions.triggerSignal (TriggerOptions)"
    )
    generated = kraken["generated"]
    assert "kraken_futures/models/trigger_options_trigger_signal.py" in generated["modules_removed"]
    assert "kraken_futures/models/order_status_json.py" in generated["modules_changed"]
    assert generated["names_removed"] == [
        "exchange_clients.generated.kraken_futures.models.trigger_options.TriggerOptions.trigger_signal"
    ]

    code, markdown, _ = _diff(repo, capsys, first)
    assert code == 0
    assert "| **breaking** | field removed |" in markdown
    assert (
        "- `exchange_clients.generated.kraken_futures.models.trigger_options.TriggerOptions.trigger_signal`" in markdown
    )


def test_patch_that_no_longer_applies_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When a Kraken patch no longer applies in the working tree, the report says which, and it counts as breaking."""
    _edit(repo, "specs/kraken_futures/patches/001-algoid-property.yaml", (r"value: algoId", "value: algoIdentifier"))

    code, markdown, _ = _diff(repo, capsys, "HEAD", "--fail-on", "breaking")

    assert code == 1
    assert "| **breaking** | spec does not resolve |" in markdown
    assert "patch specs/kraken_futures/patches/001-algoid-property.yaml (operation 1) no longer applies" in markdown


def test_removed_field_and_new_status_survive_the_patches(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Kraken drops reduceOnly and adds a status: the patches still apply and the report names both changes."""
    _edit(repo, KRAKEN, *NO_REDUCE_ONLY, NEW_STATUS)

    code, markdown, _ = _diff(repo, capsys, "HEAD")

    assert code == 0
    assert "spec does not resolve" not in markdown
    assert re.search(r"\| \*\*breaking\*\* \| field removed \| `POST /orders/status [^|]*reduceOnly", markdown)
    assert re.search(r"\| attention \| status value added \| [^|]*OrderStatusJson[^|]*\| `EXPIRED`", markdown)


def test_failed_patch_still_reports_each_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When a patch fails, the documents as written are still compared field by field beside the failure."""
    _edit(repo, KRAKEN, *NO_REDUCE_ONLY, NEW_STATUS)
    _edit(repo, "specs/kraken_futures/patches/001-algoid-property.yaml", (r"value: algoId", "value: algoIdentifier"))

    code, markdown, _ = _diff(repo, capsys, "HEAD")

    assert code == 0
    assert "| **breaking** | spec does not resolve |" in markdown
    assert re.search(r"\| \*\*breaking\*\* \| field removed \| [^|]*reduceOnly[^|]*\(without patches\)", markdown)
    assert re.search(r"\| attention \| status value added \| [^|]*\(without patches\)[^|]*\| `EXPIRED`", markdown)


def test_unchanged_tree_reports_no_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With nothing changed every document says `no change`, Kraken's token one too; `--fail-on attention` passes."""
    code = main(["diff", "--root", str(repo), "--fail-on", "attention"])
    output = capsys.readouterr().out

    assert code == 0
    assert output.count("| no change | | |") == len(DOCUMENTS) == 5
    assert "| kraken_spot | no change | | |" in output


def test_default_base_is_head_on_main_and_the_merge_base_on_a_branch(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On main the base is HEAD; on a branch it is the fork point, so the branch's own commits are reported."""
    first = _git(repo, "rev-parse", "HEAD")
    assert default_base(repo) == "HEAD"

    _git(repo, "checkout", "-q", "-b", "new-status")
    _edit(repo, KRAKEN, NEW_STATUS)
    _git(repo, "commit", "-q", "-am", "Kraken adds EXPIRED")
    assert default_base(repo) == first

    code, markdown, _ = _diff(repo, capsys)
    assert code == 0
    assert f"## Spec diff: `merge-base with main ({first[:7]})` -> working tree" in markdown
    assert "`EXPIRED`" in markdown


def test_unknown_revision_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A BASE that is not a commit fails with a message naming it."""
    code, _, error = _diff(repo, capsys, "no-such-branch")

    assert code == 1
    assert "'no-such-branch' is not a commit" in error


def _documented_example() -> str:
    page = (ROOT / "docs" / "guide" / "regenerating.md").read_text(encoding="utf-8")
    section = page[page.index("## When an exchange changes its API") :]
    quoted = re.search(r"(?m)^> ## Spec diff.*\n(?:>.*\n)+", section)
    assert quoted is not None
    return "".join(line.removeprefix(">").removeprefix(" ") + "\n" for line in quoted[0].splitlines())


def test_the_documented_example_is_what_the_tool_prints(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report recorded in the docs is this tool's output for the change their walkthrough describes."""
    _edit(repo, KRAKEN, NEW_STATUS, *NO_REDUCE_ONLY)

    code, markdown, _ = _diff(repo, capsys, "HEAD")

    assert code == 0
    recorded = _documented_example()
    assert re.sub(r"`HEAD \(\w+\)`", "`HEAD`", markdown) == re.sub(r"`HEAD \(\w+\)`", "`HEAD`", recorded)
