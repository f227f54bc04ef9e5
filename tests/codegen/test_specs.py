"""
The OpenAPI documents are valid, recorded in the manifest, and Kraken's is exactly what Kraken published.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from codegen.specs import (
    EXCHANGES,
    ROOT,
    SpecError,
    apply_patches,
    dump_yaml,
    load_yaml,
    manifest_mismatches,
    resolved_spec,
    spec_path,
)


# docs.kraken.com's page for the operation, vendored unchanged beside the document it quotes.
SEED = ROOT / "specs" / "kraken_futures" / "upstream" / "docs-get-specific-orders-status.md"


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_resolved_spec_is_valid_openapi(exchange: str) -> None:
    """Each document, after its patches, validates as OpenAPI."""
    validate(resolved_spec(exchange))


def test_manifest_matches_every_spec() -> None:
    """specs/manifest.toml records the source, date and current sha256 of every document."""
    assert manifest_mismatches() == []


def test_kraken_spec_is_the_published_document_byte_for_byte() -> None:
    """specs/kraken_futures/openapi.yaml is the YAML block of Kraken's docs page, unedited."""
    page = SEED.read_text(encoding="utf-8")
    start = page.index("\n", page.index("````yaml")) + 1
    published = page[start : page.index("\n````", start) + 1]

    assert spec_path("kraken_futures").read_text(encoding="utf-8") == published


def test_kraken_patches_fix_the_known_defects() -> None:
    """After patching, algoId is a property and no 3.0-only `nullable` keyword remains."""
    spec = resolved_spec("kraken_futures")
    cached_order = spec["components"]["schemas"]["CachedOrderJson"]

    assert set(cached_order["required"]) <= set(cached_order["properties"])
    assert "nullable" not in dump_yaml(spec)


def test_spec_numbers_are_read_exactly() -> None:
    """YAML numbers in specs load as Decimal, so long examples keep every digit."""
    assert load_yaml("price: 34567.123456789012345") == {"price": Decimal("34567.123456789012345")}


@pytest.mark.parametrize(
    "text",
    [
        "x-idempotent: true\nx-idempotent: true\n",
        "paths:\n  /v1/order:\n    post:\n      operationId: a\n      operationId: b\n",
    ],
    ids=["top-level", "nested"],
)
def test_a_key_twice_in_one_mapping_is_refused(text: str) -> None:
    """PyYAML would keep the last copy silently; an edit to the first would then do nothing."""
    with pytest.raises(yaml.constructor.ConstructorError, match="twice"):
        load_yaml(text)


def test_the_same_key_in_sibling_mappings_is_fine() -> None:
    assert load_yaml("a:\n  x-idempotent: true\nb:\n  x-idempotent: true\n") == {
        "a": {"x-idempotent": True},
        "b": {"x-idempotent": True},
    }


def test_a_patch_that_no_longer_applies_is_named(tmp_path: Path) -> None:
    """When upstream changes under a patch, generation stops and names the patch file."""
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs" / "kraken_futures", specs / "kraken_futures")
    document = load_yaml(spec_path("kraken_futures").read_text(encoding="utf-8"))
    document["components"]["schemas"]["CachedOrderJson"]["required"].remove("algoId")

    with pytest.raises(SpecError, match=r"patch .*001-algoid-property\.yaml \(operation 1\) no longer applies"):
        apply_patches("kraken_futures", document, specs)
