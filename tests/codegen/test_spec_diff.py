"""
The spec comparer classifies each kind of change for a client reading these responses, from fixture pairs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from codegen.spec_diff import (
    STATUS_ENUMS,
    Category,
    Change,
    ExchangeDiff,
    GeneratedDiff,
    Report,
    Severity,
    Side,
    compare_exchange,
    diff_documents,
    to_json,
    to_markdown,
)
from codegen.spec_diff._generated import diff_generated
from codegen.spec_diff._schema import Resolver, flatten
from codegen.specs import EXCHANGES, ROOT, apply_patches, load_yaml, resolved_spec, spec_path


FIXTURES = ROOT / "tests" / "fixtures" / "spec_diff"
OP = "POST /orders/status 200 application/json"


def _pair(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    base, head = (FIXTURES / f"{name}.yaml").read_text(encoding="utf-8").split("\n---\n")
    return load_yaml(base), load_yaml(head)


def _diff(name: str, exchange: str = "gemini") -> list[Change]:
    return diff_documents(exchange, *_pair(name))


def test_a_moved_parameter_names_the_location_it_left() -> None:
    """`id` stays in the query and moves from the path to a header: the move is path -> header, not query -> header."""

    def document(locations: list[str]) -> dict[str, Any]:
        parameters = [{"name": "id", "in": location, "schema": {"type": "string"}} for location in locations]
        operation = {"operationId": "getOrder", "parameters": parameters, "responses": {"200": {"description": "ok"}}}
        return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/orders": {"get": operation}}}

    changes = diff_documents("gemini", document(["query", "path"]), document(["query", "header"]))

    moved = [change for change in changes if change.kind == "parameter location changed"]
    assert [change.detail.split(":")[0] for change in moved] == ["path -> header"]


def _summary(changes: list[Change]) -> list[tuple[str, str, str]]:
    return [(change.severity.value, change.kind, change.where) for change in changes]


CASES = {
    "operation_added": [("compatible", "operation added", "GET /trades")],
    "operation_removed": [("breaking", "operation removed", "DELETE /orders")],
    "parameters_added": [
        ("compatible", "parameter added", "GET /orders parameter limit"),
        ("breaking", "parameter added", "GET /orders parameter market"),
    ],
    "parameters_removed_and_required": [
        ("breaking", "became required", "GET /orders parameter symbol"),
        ("breaking", "parameter removed", "GET /orders parameter limit"),
    ],
    "parameter_location_and_type": [
        ("breaking", "parameter location changed", "GET /orders parameter symbol"),
        ("breaking", "type changed", "GET /orders parameter limit"),
        ("compatible", "became optional", "GET /orders parameter since"),
    ],
    "response_fields": [
        ("compatible", "field added", "GET /order 200 application/json fee (Order)"),
        ("breaking", "field removed", "GET /order 200 application/json reduceOnly (Order)"),
        ("breaking", "type changed", "GET /order 200 application/json price (Order)"),
        ("breaking", "format changed", "GET /order 200 application/json created (Order)"),
    ],
    "response_format_documentation": [("attention", "format changed", "GET /order 200 application/json id")],
    "response_nullable_and_required": [
        ("breaking", "became nullable", "GET /order 200 application/json price (Order)"),
        ("breaking", "became optional", "GET /order 200 application/json fee (Order)"),
        ("compatible", "no longer nullable", "GET /order 200 application/json filled (Order)"),
        ("compatible", "became required", "GET /order 200 application/json symbol (Order)"),
    ],
    "request_body_fields": [
        ("breaking", "field added", "POST /order request body application/json account"),
        ("compatible", "field added", "POST /order request body application/json label"),
        ("breaking", "became required", "POST /order request body application/json nonce"),
        ("compatible", "became nullable", "POST /order request body application/json note"),
    ],
    "enum_values": [
        ("compatible", "enum value added", "GET /order 200 application/json side (Side)"),
        ("breaking", "enum value removed", "GET /order 200 application/json side (Side)"),
    ],
    "servers": [
        ("compatible", "server added", "https://testnet.example.com"),
        ("attention", "server removed", "https://demo.example.com"),
    ],
    "examples": [
        ("compatible", "example changed", "GET /order parameter id example"),
        ("compatible", "example changed", "GET /order 200 application/json example filled"),
        ("compatible", "example added", "GET /order 200 application/json example cancelled"),
        ("compatible", "example removed", "GET /order 200 application/json example open"),
    ],
    "composition": [
        ("attention", "variant added", OP),
        ("breaking", "field removed", f"{OP} <Success Response>.orders[].order.reduceOnly (CachedOrder)"),
        ("compatible", "schema added", "components/schemas/MaintenanceResponse"),
    ],
    "nullable_spellings": [],
    "extensions": [
        ("attention", "extension changed", "POST /order"),
        ("attention", "extension changed", "POST /order 200 application/json status (Status)"),
    ],
    "recursive_and_components": [
        ("compatible", "field added", "GET /order 200 application/json parent (Order)"),
        ("breaking", "schema removed", "components/schemas/Legacy"),
    ],
}


@pytest.mark.parametrize(("fixture", "expected"), CASES.items(), ids=list(CASES))
def test_each_kind_of_change_is_classified(fixture: str, expected: list[tuple[str, str, str]]) -> None:
    """Each fixture pair yields exactly its expected changes, each with its severity and location."""
    assert _summary(_diff(fixture)) == expected


def test_every_fixture_has_a_case() -> None:
    """No fixture pair goes unasserted."""
    status_fixtures = {"kraken_status_values", "digifinex_status_values"}
    assert {path.stem for path in FIXTURES.glob("*.yaml")} == set(CASES) | status_fixtures


def test_kraken_status_values_are_checked_against_the_overlay_table() -> None:
    """A mapped new status is compatible, an unmapped one needs attention naming the table, a removed one breaks."""
    added_mapped, added_unmapped, removed = _diff("kraken_status_values", "kraken_futures")
    table = "exchange_clients.kraken_futures._status.STATUS_TABLE"
    where = f"{OP} status (OrderStatusJson)"

    assert (added_mapped.severity, added_mapped.kind, added_mapped.where) == (
        Severity.COMPATIBLE,
        "status value added",
        where,
    )
    assert added_mapped.detail == f"`CANCELLED`: normalized as OrderStatus.CANCELED by {table}"
    assert added_unmapped.severity is Severity.ATTENTION
    assert (
        added_unmapped.detail
        == f"`EXPIRED`: parses, but Order.status is UNKNOWN (raw_status kept) until {table} maps it"
    )
    assert removed.severity is Severity.BREAKING
    assert "TRIGGER_PLACED" in removed.detail
    assert f"{table} still maps it" in removed.detail


def test_integer_status_value_is_checked_against_digifinex_table() -> None:
    """DigiFinex's new status 5 is looked up as an int in its own table and reported as UNKNOWN until mapped."""
    (change,) = _diff("digifinex_status_values", "digifinex")

    assert change.severity is Severity.ATTENTION
    assert change.category is Category.ENUMS
    assert change.where == "GET /v3/{market}/order 200 application/json data[].status (OrderStatus)"
    assert "`5`" in change.detail
    assert "exchange_clients.digifinex._status.STATUS_TABLE" in change.detail


def test_status_enum_elsewhere_is_an_ordinary_enum() -> None:
    """The same schema name in an exchange without a status enum (Gemini) is not checked against any table."""
    changes = _diff("kraken_status_values", "gemini")

    assert [change.kind for change in changes] == ["enum value added", "enum value added", "enum value removed"]
    assert [change.severity for change in changes] == [Severity.COMPATIBLE, Severity.COMPATIBLE, Severity.BREAKING]


@pytest.mark.parametrize("exchange", sorted(STATUS_ENUMS))
def test_declared_status_enums_exist_and_match_their_tables(exchange: str) -> None:
    """Each declared status schema is an enum of the resolved spec, and every key of its overlay table is a value."""
    status = STATUS_ENUMS[exchange]
    schema = resolved_spec(exchange)["components"]["schemas"][status.schema]
    table = status.load()

    assert table is not None
    assert set(table) <= set(schema["enum"])


@pytest.mark.parametrize("exchange", EXCHANGES)
def test_a_document_compared_with_itself_has_no_change(exchange: str) -> None:
    """Every real spec, resolved, compares equal to itself."""
    assert diff_documents(exchange, resolved_spec(exchange), resolved_spec(exchange)) == []


def _kraken_with_patches(tmp_path: Path, *names: str) -> dict[str, Any]:
    patches = tmp_path / "_".join(names) / "kraken_futures" / "patches"
    patches.mkdir(parents=True)
    for name in names:
        shutil.copy2(ROOT / "specs" / "kraken_futures" / "patches" / name, patches)
    published = load_yaml(spec_path("kraken_futures").read_text(encoding="utf-8"))
    return apply_patches("kraken_futures", published, patches.parent.parent)


def test_kraken_nullable_patch_is_invisible_to_clients(tmp_path: Path) -> None:
    """Patch 001 adds the algoId field; patch 002 (3.0 `nullable` rewritten for 3.1) changes nothing a client sees."""
    published = load_yaml(spec_path("kraken_futures").read_text(encoding="utf-8"))
    with_001 = _kraken_with_patches(tmp_path, "001-algoid-property.yaml")
    with_002 = _kraken_with_patches(tmp_path, "001-algoid-property.yaml", "002-openapi-3.1-nullable.yaml")

    (added,) = diff_documents("kraken_futures", published, with_001)
    assert (added.severity, added.kind) == (Severity.COMPATIBLE, "field added")
    assert added.where == f"{OP} <Success Response>.orders[].order.algoId (CachedOrderJson)"
    assert added.detail.startswith("string | null, required")
    assert diff_documents("kraken_futures", with_001, with_002) == []


def test_reference_cycles_terminate() -> None:
    """A chain of bare references that loops back reads as an empty schema instead of recursing forever."""
    document = {
        "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}}
    }

    shape = flatten(Resolver(document), {"$ref": "#/components/schemas/A"})

    assert shape.effective_types == frozenset()
    assert shape.describe() == "any"


def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_generated_diff_lists_modules_and_the_public_names_that_disappeared(tmp_path: Path) -> None:
    """Files added, removed and changed are listed; a vanished class is one name, not one per field it had."""
    model = "class Order:\n    order_id: str\n    reduce_only: bool\n\n    def to_dict(self) -> dict: ...\n"
    endpoint = "def sync(*, client, order_ids=None, cli_ord_ids=None): ...\n"
    old = _write(
        tmp_path / "old",
        {
            "api_pkg/__init__.py": "",
            "api_pkg/models/order.py": model + "\nclass Legacy:\n    value: int\n",
            "api_pkg/models/gone.py": "class Gone: ...\n",
            "api_pkg/api/status.py": endpoint,
            "api_pkg.warnings.txt": "",
        },
    )
    new = _write(
        tmp_path / "new",
        {
            "api_pkg/__init__.py": "",
            "api_pkg/models/order.py": model.replace("    reduce_only: bool\n", ""),
            "api_pkg/models/fresh.py": "class Fresh: ...\n",
            "api_pkg/api/status.py": endpoint.replace(", cli_ord_ids=None", ""),
            "api_pkg.warnings.txt": "",
        },
    )

    diff = diff_generated("api_pkg", old, new)

    assert diff.added == ("api_pkg/models/fresh.py",)
    assert diff.removed == ("api_pkg/models/gone.py",)
    assert diff.changed == ("api_pkg/api/status.py", "api_pkg/models/order.py")
    assert diff.package == "exchange_clients.generated.api_pkg"
    assert diff.names_removed == (
        "exchange_clients.generated.api_pkg.api.status.sync(cli_ord_ids)",
        "exchange_clients.generated.api_pkg.models.order.Legacy",
        "exchange_clients.generated.api_pkg.models.order.Order.reduce_only",
    )


def _report() -> Report:
    field = Change(
        Severity.BREAKING,
        Category.RESPONSES,
        "became nullable",
        "GET /order 200 application/json price (Order)",
        "may now be null: number | null",
    )
    status = Change(Severity.ATTENTION, Category.ENUMS, "status value added", "GET /order status", "`EXPIRED`")
    generated = GeneratedDiff("exchange_clients.generated.kraken_futures", changed=("kraken_futures/models/order.py",))
    return Report(
        "main (abc1234)",
        "working tree",
        (ExchangeDiff("gemini"), ExchangeDiff("kraken_futures", (status, field), generated, spec_changed=True)),
    )


def test_markdown_report_is_a_table_per_changed_exchange() -> None:
    """Breaking changes come first, pipes inside cells are escaped, and unchanged exchanges say so."""
    text = to_markdown(_report())

    assert text.startswith("## Spec diff: `main (abc1234)` -> working tree\n")
    assert "| gemini | no change | | |" in text
    assert "| kraken_futures | 1 | 1 | 0 |" in text
    assert "### gemini" not in text
    where = "`GET /order 200 application/json price (Order)`"
    breaking = f"| **breaking** | became nullable | {where} | may now be null: number \\| null |"
    assert text.index(breaking) < text.index("| attention | status value added |")
    assert "Generated code (`exchange_clients.generated.kraken_futures`): 0 added, 0 removed, 1 changed." in text


def test_json_report_carries_counts_and_every_change() -> None:
    """The JSON form has the worst severity, per-exchange counts, the changes and the generated summary."""
    document = json.loads(to_json(_report()))

    assert document["worst"] == "breaking"
    assert document["counts"] == {"compatible": 0, "attention": 1, "breaking": 1}
    kraken = document["exchanges"][1]
    assert [change["kind"] for change in kraken["changes"]] == ["became nullable", "status value added"]
    assert kraken["generated"]["modules_changed"] == ["kraken_futures/models/order.py"]
    assert document["exchanges"][0] == {
        "exchange": "gemini",
        "spec_changed": False,
        "counts": {"compatible": 0, "attention": 0, "breaking": 0},
        "changes": [],
        "generated": None,
    }


@pytest.mark.parametrize(
    ("worst", "threshold", "fails"),
    [
        (Severity.BREAKING, Severity.BREAKING, True),
        (Severity.ATTENTION, Severity.BREAKING, False),
        (Severity.ATTENTION, Severity.ATTENTION, True),
        (Severity.COMPATIBLE, Severity.ATTENTION, False),
        (Severity.BREAKING, None, False),
    ],
)
def test_fail_on_threshold(worst: Severity, threshold: Severity | None, fails: bool) -> None:  # noqa: FBT001
    """`--fail-on X` fails exactly when some change is X or worse, and nothing fails without it."""
    change = Change(worst, Category.OPERATIONS, "k", "w", "d")
    report = Report("b", "h", (ExchangeDiff("gemini", (change,), spec_changed=True),))

    assert report.fails(threshold) is fails


def _specs_with(tmp_path: Path, exchange: str, side: str, replacement: tuple[str, str] = ("", "")) -> Path:
    specs = tmp_path / side / "specs"
    (specs / exchange).mkdir(parents=True)
    shutil.copy2(ROOT / "specs" / exchange / "config.yaml", specs / exchange)
    text = spec_path(exchange).read_text(encoding="utf-8")
    assert replacement[0] in text
    spec_path(exchange, specs).write_text(text.replace(*replacement, 1), encoding="utf-8")
    return specs


def test_new_document_the_generator_refuses_is_breaking(tmp_path: Path) -> None:
    """When the new side cannot be generated, the report says so as a breaking change and keeps the message."""
    base = _specs_with(tmp_path, "gemini", "base")
    head = _specs_with(tmp_path, "gemini", "head", ("#/components/schemas/Order", "#/components/schemas/Nowhere"))

    diff = compare_exchange("gemini", Side(base), Side(head), tmp_path / "scratch")

    generation = [change for change in diff.changes if change.category is Category.GENERATED]
    assert [(change.severity, change.kind) for change in generation] == [(Severity.BREAKING, "generation failed")]
    assert diff.generated is not None
    assert diff.generated.error is not None
    assert "Could not find reference" in diff.generated.error


def test_example_digits_count_as_a_change(tmp_path: Path) -> None:
    """An example number written with other digits but equal in value (0.1, 0.10) is a change; no code changes."""
    base = _specs_with(tmp_path, "digifinex", "base")
    head = _specs_with(tmp_path, "digifinex", "head", ("price: 0.1\n", "price: 0.10\n"))

    diff = compare_exchange("digifinex", Side(base), Side(head), tmp_path / "scratch")

    assert diff.spec_changed
    assert {(change.category, change.kind) for change in diff.changes} == {(Category.EXAMPLES, "example changed")}
    assert diff.generated == GeneratedDiff("exchange_clients.generated.digifinex")


def test_a_stream_message_change_is_reported_like_a_response_change(tmp_path: Path) -> None:
    """Gemini's orderUpdate losing `r` is breaking; a new status value needs attention; the REST side is unchanged."""
    base, head = tmp_path / "base", tmp_path / "head"
    for side in (base, head):
        shutil.copytree(ROOT / "specs", side, ignore=shutil.ignore_patterns("__pycache__"))
    document = head / "gemini" / "asyncapi.yaml"
    text = document.read_text(encoding="utf-8")
    text = text.replace(
        "        r:\n          type: string\n          description: Rejection or cancellation reason.\n", ""
    )
    text = text.replace("CANCELED, REJECTED, MODIFIED]", "CANCELED, REJECTED, MODIFIED, EXPIRED]")
    document.write_text(text, encoding="utf-8")

    diff = compare_exchange("gemini", Side(base), Side(head), tmp_path / "scratch")

    assert diff.spec_changed
    found = {(change.severity, change.kind, change.where) for change in diff.changes}
    assert (Severity.BREAKING, "field removed", "message OrderUpdate r (OrderUpdate)") in found
    assert any(kind == "enum value added" and "OrderUpdateStatus" in where for _, kind, where in found), found
    assert diff.generated is None
