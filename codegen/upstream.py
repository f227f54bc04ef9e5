"""
Our documents held against the exchanges' own: `python -m codegen upstream` (`nox -s check_upstream`).

Each exchange that publishes a machine-readable document keeps it, unchanged, in `specs/<exchange>/upstream/`, and
says in `specs/<exchange>/divergences.yaml` which of its operations ours cover and where ours knowingly differs.
For every covered operation the success body is compared field by field with the spec-diff comparer (upstream as
the old side, ours as the new one, read as a response), and the error statuses and codes upstream documents are
looked up in our document and in the overlay's `ERROR_TABLE`. A difference is a failure unless a divergence
declares it (where, what, why, evidence); a declared divergence that no longer differs is a failure too, so the
file never claims more than is true.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.spec_diff._document import operations
from codegen.spec_diff._model import Category, Change
from codegen.spec_diff._schema import Resolver, SchemaDiff
from codegen.specs import SPECS_DIR, SpecError, load_yaml, resolved_spec


DIVERGENCES_FILE = "divergences.yaml"

# Differences in which ours is only more tolerant than upstream need no declaration: an enum value upstream does
# not list yet (our enums are open, and a newer upstream adds them first to the docs), and an optional field
# upstream does not describe (it is parsed when present and never expected).
_TOLERATED = frozenset({"enum value added", "status value added", "extension changed", "response added"})


def _tabs_to_spaces(text: str) -> str:
    """Gemini's rest.yaml has TAB characters at the start of four plain scalars, which YAML forbids there."""
    return text.replace("\t", " ")


NORMALIZATIONS: Mapping[str, Callable[[str], str]] = {"tabs-to-spaces": _tabs_to_spaces}
"""Named, tested steps that make a published document readable without editing the vendored file."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One way our document differs from the exchange's, with the key a divergence declares it by."""

    exchange: str
    upstream: str
    """The upstream document, relative to specs/<exchange>/."""
    what: str
    where: str
    """The declaration key: `Schema.field`, `POST /path 401` or `ERROR_TABLE 14029`."""
    ours: str
    theirs: str
    detail: str

    def describe(self) -> str:
        """One line naming the difference, its place in both documents, and what it means."""
        return (
            f"{self.exchange}: {self.what} at {self.where} (ours: {self.ours}; "
            f"upstream {self.upstream}: {self.theirs}): {self.detail}"
        )


@dataclass(frozen=True, slots=True)
class Divergence:
    """A difference declared on purpose, with its reason and evidence."""

    where: str
    what: str
    why: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """What `divergences.yaml` says to compare: one upstream document, the operations, and the error codes."""

    document: str
    normalize: tuple[str, ...]
    operations: tuple[tuple[str, str, str | None], ...]
    """(our operation, upstream's operation, `Schema.property`: where our success body holds upstream's body)."""
    error_codes: str | None
    """Where upstream lists its error codes: `schema:<Name>` (an enum), `examples` (the error responses' `reason`
    and `error` values), or a file beside divergences.yaml; None when it lists none."""
    messages: tuple[tuple[str, str], ...] = ()
    """(our schema, upstream's schema): stream messages, our asyncapi.yaml's against an upstream AsyncAPI document."""


@dataclass(frozen=True, slots=True)
class Declarations:
    """A parsed divergences.yaml."""

    comparisons: tuple[Comparison, ...]
    divergences: tuple[Divergence, ...]


def _required_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        msg = f"{where}: `{key}` must be a non-empty string"
        raise SpecError(msg)
    return value


def read_declarations(exchange: str, specs_dir: Path = SPECS_DIR) -> Declarations | None:
    """The exchange's divergences.yaml, or None when it has none (an exchange that publishes no document)."""
    path = specs_dir / exchange / DIVERGENCES_FILE
    if not path.is_file():
        return None
    document = load_yaml(path.read_text(encoding="utf-8"))
    label = f"specs/{exchange}/{DIVERGENCES_FILE}"
    if not isinstance(document, dict):
        msg = f"{label} is not a mapping"
        raise SpecError(msg)
    comparisons = []
    for index, entry in enumerate(document.get("compare") or []):
        where = f"{label} compare[{index}]"
        pairs = []
        for pair in entry.get("operations") or []:
            ours = _required_text(pair, "ours", where)
            pairs.append((ours, str(pair.get("upstream", ours)), pair.get("ours_body")))
        messages = tuple(
            (_required_text(pair, "ours", where), str(pair.get("upstream", pair.get("ours"))))
            for pair in entry.get("messages") or []
        )
        normalize = tuple(entry.get("normalize") or ())
        unknown = [name for name in normalize if name not in NORMALIZATIONS]
        if unknown:
            msg = f"{where}: unknown normalization {', '.join(unknown)}; known: {', '.join(NORMALIZATIONS)}"
            raise SpecError(msg)
        comparisons.append(
            Comparison(
                _required_text(entry, "document", where), normalize, tuple(pairs), entry.get("error_codes"), messages
            )
        )
    divergences = []
    for index, entry in enumerate(document.get("divergences") or []):
        where = f"{label} divergences[{index}]"
        divergences.append(
            Divergence(*(_required_text(entry, key, where) for key in ("where", "what", "why", "evidence")))
        )
    return Declarations(tuple(comparisons), tuple(divergences))


def load_upstream(exchange: str, comparison: Comparison, specs_dir: Path = SPECS_DIR) -> dict[str, Any]:
    """The upstream document as published, through its named normalizations; `openapi.yaml` means ours unpatched."""
    path = specs_dir / exchange / comparison.document
    text = path.read_text(encoding="utf-8")
    for name in comparison.normalize:
        text = NORMALIZATIONS[name](text)
    document = json.loads(text) if path.suffix == ".json" else load_yaml(text)
    if not isinstance(document, dict):
        msg = f"specs/{exchange}/{comparison.document} is not an OpenAPI document"
        raise SpecError(msg)
    return document


def _success_schema(resolver: Resolver, operation: Mapping[str, Any]) -> Any:
    for status in ("200", "201"):
        response, _ = resolver.deref((operation.get("responses") or {}).get(status))
        if isinstance(response, dict):
            content: dict[str, Any] = response.get("content") or {}
            media: Any = content.get("application/json") or next(iter(content.values()), {})
            return (media or {}).get("schema")
    return None


def _error_statuses(operation: Mapping[str, Any]) -> set[str]:
    return {str(status) for status in operation.get("responses") or {} if str(status)[:1] in "45"}


def _key(change: Change, label: str) -> str:
    """`Owner.field` for a field, the owner alone for an enum, the operation for the body itself."""
    where = change.where.removeprefix(label).strip()
    owner = None
    if where.endswith(")") and " (" in where:
        where, owner = where[:-1].rsplit(" (", 1)
    field = where.rsplit(".", 1)[-1].removesuffix("[]") if where else ""
    if owner and change.category is Category.ENUMS:
        return owner
    if owner and field:
        return f"{owner}.{field}"
    return f"{label} {where}".strip()


class _Comparer:
    def __init__(self, exchange: str, comparison: Comparison, ours: dict[str, Any], theirs: dict[str, Any]) -> None:
        self.exchange = exchange
        self.comparison = comparison
        self.ours = Resolver(ours)
        self.theirs = Resolver(theirs)
        self.found: dict[tuple[str, str], Difference] = {}

    def add(self, what: str, where: str, ours: str, theirs: str, detail: str) -> None:
        difference = Difference(self.exchange, self.comparison.document, what, where, ours, theirs, detail)
        self.found.setdefault((where, what), difference)

    def run(self) -> None:
        our_operations = operations(self.ours)
        their_operations = operations(self.theirs)
        for ours_label, theirs_label, ours_body in self.comparison.operations:
            mine, theirs = our_operations.get(ours_label), their_operations.get(theirs_label)
            if mine is None or theirs is None:
                side = "ours" if mine is None else "upstream"
                self.add("operation missing", ours_label, ours_label, theirs_label, f"{side} has no such operation")
                continue
            self._body(ours_label, theirs_label, ours_body, mine.node, theirs.node)
            for status in sorted(_error_statuses(theirs.node) - _error_statuses(mine.node)):
                detail = "upstream documents this error status; our document does not, so its body is not parsed"
                self.add("error status missing", f"{ours_label} {status}", "absent", f"{theirs_label} {status}", detail)

    def run_messages(self, ours: Resolver) -> None:
        """Each of our message schemas against upstream's, as a response is: what we read must be what it sends."""
        for ours_name, theirs_name in self.comparison.messages:
            label = f"message {ours_name}"
            changes: list[Change] = []
            SchemaDiff(self.theirs, ours, "response", Category.RESPONSES, label, None, changes).compare(
                {"$ref": f"#/components/schemas/{theirs_name}"}, {"$ref": f"#/components/schemas/{ours_name}"}
            )
            for change in changes:
                if change.kind in _TOLERATED or (change.kind == "field added" and ", optional:" in change.detail):
                    continue
                self.add(change.kind, _key(change, label), change.where, theirs_name, change.detail)

    def _body(self, ours_label: str, theirs_label: str, ours_body: str | None, mine: Any, theirs: Any) -> None:
        our_schema = _success_schema(self.ours, mine)
        if ours_body is not None:
            schema, _, field = ours_body.partition(".")
            envelope, _ = self.ours.deref({"$ref": f"#/components/schemas/{schema}"})
            our_schema = ((envelope or {}).get("properties") or {}).get(field)
        changes: list[Change] = []
        label = f"{ours_label} 200"
        SchemaDiff(self.theirs, self.ours, "response", Category.RESPONSES, label, None, changes).compare(
            _success_schema(self.theirs, theirs), our_schema
        )
        for change in changes:
            # A field only ours describes is tolerated while optional: it is parsed when sent and never expected.
            if change.kind in _TOLERATED or (change.kind == "field added" and ", optional:" in change.detail):
                continue
            theirs_where = change.where.replace(ours_label, theirs_label, 1)
            self.add(change.kind, _key(change, label), change.where, theirs_where, change.detail)

    def error_codes(self, specs_dir: Path, table: Mapping[Any, object]) -> None:
        source = self.comparison.error_codes
        if source is None:
            return
        known = {str(code) for code in table}
        for code in sorted(upstream_error_codes(self.exchange, source, self.theirs, specs_dir) - known):
            detail = "upstream documents this error; ERROR_TABLE does not map it, so it raises by HTTP status alone"
            self.add("error code missing", f"ERROR_TABLE {code}", "ERROR_TABLE", source, detail)


def upstream_error_codes(exchange: str, source: str, document: Resolver, specs_dir: Path = SPECS_DIR) -> set[str]:
    """The error codes or reasons upstream documents, read from where `source` says."""
    if source.startswith("schema:"):
        schema, _ = document.deref({"$ref": f"#/components/schemas/{source.removeprefix('schema:')}"})
        return {str(value) for value in (schema or {}).get("enum") or ()}
    if source == "examples":
        return set(_example_reasons(document))
    listed = load_yaml((specs_dir / exchange / source).read_text(encoding="utf-8"))
    return {str(entry["code"]) for entry in listed["codes"]}


def _example_reasons(document: Resolver) -> Iterable[str]:
    """Every `reason` and `error` value in the examples of the document's shared error responses."""
    for node in ((document.document.get("components") or {}).get("responses") or {}).values():
        response, _ = document.deref(node)
        for media in ((response or {}).get("content") or {}).values():
            examples = [document.deref(example)[0] for example in (media.get("examples") or {}).values()]
            values = [example.get("value") for example in examples if isinstance(example, dict)]
            if "example" in media:
                values.append(media["example"])
            for value in values:
                if isinstance(value, dict):
                    yield from (value[key] for key in ("reason", "error") if isinstance(value.get(key), str))


def error_table(exchange: str) -> Mapping[Any, object]:
    """The overlay's ERROR_TABLE for the exchange (the installed package, as the tests import it)."""
    module = importlib.import_module(f"exchange_clients.{exchange}._errors")
    table: Mapping[Any, object] = module.ERROR_TABLE
    return table


def differences(
    exchange: str, specs_dir: Path = SPECS_DIR, table: Mapping[Any, object] | None = None
) -> list[Difference]:
    """Every difference between our resolved document and each upstream document the exchange declares."""
    declarations = read_declarations(exchange, specs_dir)
    if declarations is None:
        return []
    ours = resolved_spec(exchange, specs_dir)
    messages_path = specs_dir / exchange / "asyncapi.yaml"
    our_messages = Resolver(load_yaml(messages_path.read_text(encoding="utf-8"))) if messages_path.is_file() else None
    found: list[Difference] = []
    for comparison in declarations.comparisons:
        comparer = _Comparer(exchange, comparison, ours, load_upstream(exchange, comparison, specs_dir))
        comparer.run()
        comparer.error_codes(specs_dir, error_table(exchange) if table is None else table)
        if comparison.messages:
            if our_messages is None:
                msg = f"specs/{exchange}/{DIVERGENCES_FILE} compares messages, but there is no asyncapi.yaml"
                raise SpecError(msg)
            comparer.run_messages(our_messages)
        found += comparer.found.values()
    return found


def check(exchange: str, specs_dir: Path = SPECS_DIR, table: Mapping[Any, object] | None = None) -> list[str]:
    """One line per undeclared difference and per declared divergence that no longer differs."""
    declarations = read_declarations(exchange, specs_dir)
    if declarations is None:
        return []
    found = differences(exchange, specs_dir, table)
    declared = {(divergence.where, divergence.what) for divergence in declarations.divergences}
    problems = [
        f"undeclared: {difference.describe()}"
        for difference in found
        if (difference.where, difference.what) not in declared
    ]
    current = {(difference.where, difference.what) for difference in found}
    problems += [
        f"{exchange}: declared in specs/{exchange}/{DIVERGENCES_FILE} but no longer differs: {what} at {where}"
        for where, what in sorted(declared - current)
    ]
    return problems
