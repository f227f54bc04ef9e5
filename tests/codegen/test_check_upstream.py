"""
`nox -s check_upstream`: our specs held against the exchanges' own documents, every difference declared.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from codegen import upstream
from codegen.specs import EXCHANGES, ROOT, manifest_mismatches
from exchange_clients.derive._errors import ERROR_TABLE as DERIVE_ERRORS
from exchange_clients.gemini._errors import ERROR_TABLE as GEMINI_ERRORS
from exchange_clients.kraken_futures._errors import ERROR_TABLE as KRAKEN_ERRORS


TABLES = {"gemini": GEMINI_ERRORS, "kraken_futures": KRAKEN_ERRORS, "derive": DERIVE_ERRORS}


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A scratch copy of specs/ to edit."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs", ignore=shutil.ignore_patterns("templates"))
    return tmp_path / "specs"


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"))
    assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("exchange", list(EXCHANGES))
def test_committed_specs_pass(exchange: str) -> None:
    """Every difference between our documents and the exchanges' own is declared, and every declaration holds."""
    assert upstream.check(exchange, table=TABLES.get(exchange, {})) == []


def test_field_made_required_without_a_divergence_fails(specs: Path) -> None:
    """Gemini requires no order field; making `price` required again is named as undeclared, in both documents."""
    _edit(specs / "gemini" / "openapi.yaml", r"(    Order:\n      type: object\n)", r"\1      required: [price]\n")

    problems = upstream.check("gemini", specs, table=GEMINI_ERRORS)

    assert len(problems) == 1
    assert "undeclared: gemini: became required at Order.price" in problems[0]
    assert "upstream upstream/rest.yaml: POST /v1/order/status 200 price (Order)" in problems[0]


def test_upstream_enum_value_missing_from_ours_fails(specs: Path) -> None:
    """Derive's order status `algo_active` taken out of our enum is named as an enum value removed."""
    _edit(specs / "derive" / "openapi.yaml", r"\n        - algo_active\n", "\n")

    problems = upstream.check("derive", specs, table=DERIVE_ERRORS)

    assert [problem for problem in problems if "enum value removed at OrderStatus" in problem]
    assert any("`algo_active`" in problem for problem in problems)


def test_upstream_error_code_missing_from_the_table_fails(specs: Path) -> None:
    """A Kraken error value that ERROR_TABLE does not map is named with the upstream enum it comes from."""
    table = {code: cls for code, cls in KRAKEN_ERRORS.items() if code != "apiLimitExceeded"}

    problems = upstream.check("kraken_futures", specs, table=table)

    assert problems == [
        f"undeclared: kraken_futures: error code missing at ERROR_TABLE apiLimitExceeded (ours: ERROR_TABLE; "
        f"upstream {document}: schema:Error): upstream documents this error; ERROR_TABLE does not map it, "
        "so it raises by HTTP status alone"
        for document in ("openapi.yaml", "upstream/trading/public.yml")
    ]


def test_upstream_error_status_missing_fails(specs: Path) -> None:
    """Gemini's documented 401 taken out of our operation is named as an error status missing."""
    _edit(
        specs / "gemini" / "openapi.yaml",
        r'(/v1/order/status:(?:\n.*)+?)\n        "401":\n          \$ref: "#/components/responses/Unauthorized"',
        r"\1",
    )

    problems = upstream.check("gemini", specs, table=GEMINI_ERRORS)

    assert len(problems) == 1
    assert "error status missing at POST /v1/order/status 401" in problems[0]


def test_declared_divergence_that_no_longer_differs_fails(specs: Path) -> None:
    """A divergence whose difference is gone is reported, so divergences.yaml never claims more than is true."""
    path = specs / "derive" / "divergences.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - where: Order.amount\n    what: type changed\n    why: test\n    evidence: test\n",
        encoding="utf-8",
    )

    problems = upstream.check("derive", specs, table=DERIVE_ERRORS)

    assert problems == [
        "derive: declared in specs/derive/divergences.yaml but no longer differs: type changed at Order.amount"
    ]


def test_gemini_document_is_read_through_its_named_normalization() -> None:
    """Gemini's rest.yaml is refused by YAML as published, and reads after the named tabs-to-spaces step only."""
    text = (ROOT / "specs" / "gemini" / "upstream" / "rest.yaml").read_text(encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    assert "\t" not in upstream.NORMALIZATIONS["tabs-to-spaces"](text)
    assert isinstance(yaml.safe_load(upstream.NORMALIZATIONS["tabs-to-spaces"](text)), dict)


def test_vendored_upstream_file_edited_fails_the_manifest(specs: Path) -> None:
    """A vendored upstream document is unchanged: editing it fails the manifest check, naming the file."""
    path = specs / "derive" / "upstream" / "openapi.json"
    path.write_bytes(path.read_bytes().replace(b'"Derive v3 API"', b'"Derive v3 API (edited)"'))

    assert [line for line in manifest_mismatches(specs) if "derive/upstream/openapi.json has changed" in line]


def test_a_message_field_that_differs_from_upstream_must_be_declared(tmp_path: Path) -> None:
    """Our Gemini orderUpdate dropping a field Gemini's AsyncAPI document has fails until declared."""
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs, ignore=shutil.ignore_patterns("__pycache__"))
    document = specs / "gemini" / "asyncapi.yaml"
    text = document.read_text(encoding="utf-8")
    document.write_text(
        text.replace(
            "        r:\n          type: string\n          description: Rejection or cancellation reason.\n", ""
        ),
        encoding="utf-8",
    )

    problems = upstream.check("gemini", specs, GEMINI_ERRORS)

    assert any("field removed at OrderUpdate.r" in problem for problem in problems), problems
