"""
`python -m codegen update EXCHANGE FILE` (nox -s update_spec) replaces a spec all or nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from codegen import update_spec as update_module
from codegen.__main__ import main
from codegen.specs import ROOT, manifest_mismatches, read_manifest, sha256_of
from codegen.update_spec import UpdateError, update_spec, updated_manifest
from tests.codegen.test_spec_diff_git import NEW_STATUS, NO_TRIGGER_SIGNAL


KRAKEN = ROOT / "specs" / "kraken_futures" / "openapi.yaml"
PATCH_001 = "specs/kraken_futures/patches/001-algoid-property.yaml"


PACKAGE = Path("src") / "exchange_clients"
GENERATED = PACKAGE / "generated"


def _checkout(root: Path, *exchanges: str, overlay: str = '"""An empty overlay."""\n') -> Path:
    """specs/ and a package of one overlay module beside the named exchanges' generated clients: what an update reads.

    The overlay keeps the real runtime module beside it, which the generated packages import.
    """
    shutil.copytree(ROOT / "specs", root / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    (root / GENERATED).mkdir(parents=True)
    for name in ("__init__.py", "registry.py"):
        shutil.copy2(ROOT / GENERATED / name, root / GENERATED)
    for exchange in exchanges:
        shutil.copytree(ROOT / GENERATED / exchange, root / GENERATED / exchange)
        shutil.copy2(ROOT / GENERATED / f"{exchange}.warnings.txt", root / GENERATED)
        # Its stream messages too, where it has them: an update of the REST document leaves them as they are.
        streams = ROOT / GENERATED / "streams" / f"{exchange}.py"
        if streams.exists():
            (root / GENERATED / "streams").mkdir(exist_ok=True)
            shutil.copy2(streams, root / GENERATED / "streams")
    (root / PACKAGE / "__init__.py").write_text(overlay, encoding="utf-8")
    shutil.copy2(ROOT / PACKAGE / "runtime.py", root / PACKAGE)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for directory in ("specs", "src")
        for path in sorted((root / directory).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _kraken_changed(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = KRAKEN.read_text(encoding="utf-8")
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, pattern
    path = tmp_path / "futures-rest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GIT = ("git", "-c", "user.name=t", "-c", "user.email=t@t")


def _update(root: Path, capsys: pytest.CaptureFixture[str], exchange: str, path: Path) -> tuple[int, str, str]:
    code = main(["update", exchange, str(path), "--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_patch_that_no_longer_applies_is_named_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new Kraken document that breaks patch 001 fails naming the patch, with specs/ and generated/ untouched."""
    root = _checkout(tmp_path / "root", "kraken_futures")
    before = _snapshot(root)

    # Kraken stops listing algoId, the item patch 001 tests for by value.
    code, _, error = _update(root, capsys, "kraken_futures", _kraken_changed(tmp_path, (r"        - algoId\n", "")))

    assert code == 1
    assert f"patch {PATCH_001} (operation 1) no longer applies to kraken_futures's spec" in error
    assert "unchanged" in error
    assert _snapshot(root) == before


def test_generation_failure_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document the generator warns about (a dangling $ref) fails with its message and leaves the tree alone."""
    root = _checkout(tmp_path / "root", "gemini")
    before = _snapshot(root)
    broken = tmp_path / "gemini.yaml"
    text = (ROOT / "specs" / "gemini" / "openapi.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("#/components/schemas/Order", "#/components/schemas/Nowhere", 1), encoding="utf-8")

    code, _, error = _update(root, capsys, "gemini", broken)

    assert code == 1
    assert "openapi-python-client reported problems with specs/gemini" in error
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [("title: Kraken API docs\n", "is not an OpenAPI document"), (None, "cannot read the new document")],
    ids=["not-openapi", "missing"],
)
def test_file_that_is_not_a_spec_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    """A YAML file without `openapi` (a wrong download, say) or no file at all is refused before anything is staged."""
    root = _checkout(tmp_path / "root")
    before = _snapshot(root)
    page = tmp_path / "page.yaml"
    if content is not None:
        page.write_text(content, encoding="utf-8")

    code, _, error = _update(root, capsys, "kraken_futures", page)

    assert code == 1
    assert message in error
    assert _snapshot(root) == before


def test_failure_while_writing_puts_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If replacing generated/ fails after the spec and manifest were written, both are restored too."""
    root = _checkout(tmp_path / "root", "kraken_futures")
    before = _snapshot(root)
    replace = update_module._replace

    def failing_replace(target: Path, source: Path) -> None:
        if target.name == "kraken_futures" and "backup" not in source.parts:
            raise OSError("disk full")
        replace(target, source)

    monkeypatch.setattr(update_module, "_replace", failing_replace)

    with pytest.raises(OSError, match="disk full"):
        update_spec("kraken_futures", _kraken_changed(tmp_path, NEW_STATUS), root=root, typecheck=lambda *_: None)
    assert _snapshot(root) == before


def test_typecheck_sees_the_staged_package_before_anything_is_written(tmp_path: Path) -> None:
    """The typecheck is given the freshly generated package, while the tree still holds the old one."""
    root = _checkout(tmp_path / "root", "kraken_futures", "gemini")
    before = _snapshot(root)
    seen: list[Path] = []

    def typecheck(staged_package: Path) -> None:
        assert _snapshot(root) == before
        seen.append(staged_package)
        staged = staged_package / "generated"
        assert "EXPIRED" in (staged / "kraken_futures" / "models" / "order_status_json.py").read_text(encoding="utf-8")
        # The other exchanges' clients and the overlay are checked with it, as they are in the tree.
        assert (staged / "gemini" / "models" / "order.py").read_bytes() == (
            root / GENERATED / "gemini" / "models" / "order.py"
        ).read_bytes()
        assert (staged_package / "runtime.py").is_file()
        raise UpdateError("overlay does not type-check")

    with pytest.raises(UpdateError, match="overlay does not type-check"):
        update_spec("kraken_futures", _kraken_changed(tmp_path, NEW_STATUS), root=root, typecheck=typecheck)

    assert len(seen) == 1
    assert not seen[0].is_relative_to(root)
    assert _snapshot(root) == before


OVERLAY = '''"""Reads generated Kraken fields, as the real overlay does."""

from decimal import Decimal

from exchange_clients.generated.kraken_futures.models import TriggerOptions


def trigger(options: TriggerOptions) -> tuple[Decimal, str]:
    """The trigger price and signal."""
    return options.trigger_price, options.trigger_signal.value
'''


def test_overlay_that_no_longer_type_checks_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mypy --strict run over the overlay catches a use of a removed field, and the update is not applied."""
    root = _checkout(tmp_path / "root", "kraken_futures", overlay=OVERLAY)
    before = _snapshot(root)

    code, _, error = _update(root, capsys, "kraken_futures", _kraken_changed(tmp_path, NEW_STATUS, *NO_TRIGGER_SIGNAL))

    assert code == 1
    assert "mypy --strict over the overlay and the new generated code failed" in error
    assert '"TriggerOptions" has no attribute "trigger_signal"' in error
    assert _snapshot(root) == before


def test_update_writes_spec_manifest_and_generated_code_then_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A good document replaces the spec byte for byte, updates its manifest entry, regenerates, and is reported."""
    overlay = OVERLAY.replace(", options.trigger_signal.value", ', "unused"')
    root = _checkout(tmp_path / "root", "kraken_futures", overlay=overlay)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "before"]):
        subprocess.run([*GIT, *command], cwd=root, check=True)
    new = _kraken_changed(tmp_path, NEW_STATUS, *NO_TRIGGER_SIGNAL)
    recorded = read_manifest(root / "specs" / "manifest.toml")["kraken_futures"]

    code, report, _ = _update(root, capsys, "kraken_futures", new)

    assert code == 0
    assert (root / "specs" / "kraken_futures" / "openapi.yaml").read_bytes() == new.read_bytes()
    entry = read_manifest(root / "specs" / "manifest.toml")["kraken_futures"]
    assert entry == {**recorded, "sha256": sha256_of(new), "date": dt.datetime.now(dt.UTC).date()}
    assert [line for line in manifest_mismatches(root / "specs") if "kraken_futures" in line] == []
    check = ["check", "kraken_futures", "--specs-dir", str(root / "specs"), "--generated-dir", str(root / GENERATED)]
    assert main(check) == 0
    assert not (root / GENERATED / "kraken_futures" / "models" / "trigger_options_trigger_signal.py").exists()
    assert "| kraken_futures | 2 | 1 | 0 |" in report
    assert "| **breaking** | field removed |" in report
    assert "`EXPIRED`: parses, but Order.status is UNKNOWN" in report


MANIFEST = """# Where every document comes from.

[gemini]
source = "hand-authored"
date = 2026-11-22
sha256 = "aaa"

[kraken_futures]
source = "Kraken's published document"
date = 2026-11-22
sha256 = "bbb"
"""


def test_manifest_update_touches_only_the_exchange_lines() -> None:
    """sha256 and date are replaced in place; comments, order and other entries stay as written."""
    text = updated_manifest(MANIFEST, "gemini", sha256="ccc", date=dt.date(2027, 1, 2))

    assert text == MANIFEST.replace('sha256 = "aaa"', 'sha256 = "ccc"').replace(
        'date = 2026-11-22\nsha256 = "ccc"', 'date = 2027-01-02\nsha256 = "ccc"'
    )


def test_manifest_update_can_set_the_source_and_add_an_entry() -> None:
    """A new source is quoted as TOML; an exchange without an entry gets one, which needs a source."""
    changed = updated_manifest(MANIFEST, "kraken_futures", sha256="ddd", date=dt.date(2027, 1, 2), source='v2 "beta"')
    assert 'source = "v2 \\"beta\\""' in changed

    added = updated_manifest(
        MANIFEST, "derive", sha256="eee", date=dt.date(2027, 1, 2), source="hand-authored", upstream="none: no document"
    )
    assert added.startswith(MANIFEST)
    assert added.endswith(
        '\n\n[derive]\nsource = "hand-authored"\ndate = 2027-01-02\nsha256 = "eee"\nupstream = "none: no document"\n'
    )

    with pytest.raises(UpdateError, match=r"no \[derive\] entry; give its --source and --upstream"):
        updated_manifest(MANIFEST, "derive", sha256="eee", date=dt.date(2027, 1, 2), source="hand-authored")
    with pytest.raises(UpdateError, match=r"already has \[gemini\]; its upstream is edited there"):
        updated_manifest(MANIFEST, "gemini", sha256="eee", date=dt.date(2027, 1, 2), upstream="elsewhere")
