"""
Field-by-field comparison of two JSON Schemas (OpenAPI 3.1, with 3.0's `nullable` still understood).

Each schema is first flattened the way openapi-python-client reads it: `$ref`s followed, `allOf` members merged
into one object, a `oneOf`/`anyOf` with a single non-null member read as that member made nullable, and any other
`oneOf`/`anyOf` kept as named variants. Two flattened schemas are then compared property by property, item by
item and variant by variant, and each difference is classified by the direction the data flows: a field that may
now be absent breaks code reading a response but not code writing a request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from codegen.spec_diff._model import Category, Change, Severity
from codegen.spec_diff._status_enums import StatusEnum


Direction = Literal["request", "response"]

# Formats that change the Python type openapi-python-client writes (datetime, date, UUID, File); any other format
# only documents a string or a number, so changing it leaves the generated annotation as it was.
_TYPED_FORMATS = frozenset({"date-time", "date", "uuid", "binary"})
_SCHEMA_PREFIX = "#/components/schemas/"
# allOf/oneOf nest a few levels in real documents; a deeper chain is a cycle through inline schemas.
_MAX_DEPTH = 32


class Resolver:
    """Follows local `$ref`s in one document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def deref(self, node: Any) -> tuple[Any, str | None]:
        """The object a `$ref` chain ends at, and the last `components/schemas` name on the way (or None)."""
        name = None
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            reference = node["$ref"]
            if reference in seen or not reference.startswith("#/"):
                return {}, name  # a cycle of bare references, or a remote one: nothing to compare
            seen.add(reference)
            if reference.startswith(_SCHEMA_PREFIX):
                name = _unescape(reference.removeprefix(_SCHEMA_PREFIX))
            node = self._pointer(reference)
        return node, name

    def _pointer(self, reference: str) -> Any:
        target: Any = self.document
        for part in reference.removeprefix("#/").split("/"):
            key = _unescape(part)
            if isinstance(target, dict) and key in target:
                target = target[key]
            elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
                target = target[int(key)]
            else:
                return {}
        return target


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


@dataclass(slots=True)
class Shape:
    """A schema as the generator sees it, with its subschemas still unflattened."""

    name: str | None = None
    types: frozenset[str] = frozenset()
    nullable: bool = False
    format: str | None = None
    enum: tuple[Any, ...] | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Any = None
    additional: Any = None
    variants: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_types(self) -> frozenset[str]:
        """The declared types, or the ones its keywords imply when it declares none."""
        if self.types:
            return self.types
        if self.properties:
            return frozenset({"object"})
        if self.items is not None:
            return frozenset({"array"})
        if self.enum:
            return frozenset(_json_type(value) for value in self.enum)
        return frozenset()

    def describe(self) -> str:
        """A short type description for a report: `string (date-time) | null`, `enum OrderStatusJson`."""
        if self.variants:
            text = f"oneOf({', '.join(self.variants)})"
        elif self.enum is not None:
            text = f"{'/'.join(sorted(self.effective_types))} enum {self.name or ''}".rstrip()
        elif self.effective_types:
            text = "|".join(sorted(self.effective_types))
        else:
            text = "any"
        if self.format:
            text += f" ({self.format})"
        return text + (" | null" if self.nullable else "")


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float | Decimal):
        return "number"
    return "string" if isinstance(value, str) else "object"


def _is_null(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    return schema.get("type") in ("null", ["null"]) or schema.get("enum") == [None] or schema.get("const", ...) is None


def flatten(resolver: Resolver, schema: Any, depth: int = 0) -> Shape:
    """Read one schema into a Shape: `$ref` followed, `allOf` merged, a nullable wrapper unwrapped."""
    target, name = resolver.deref(schema)
    if not isinstance(target, dict) or depth > _MAX_DEPTH:
        return Shape(name=name)
    shape = Shape(name=name)
    declared = target.get("type")
    kinds = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
    shape.types = frozenset(kind for kind in kinds if kind != "null")
    shape.nullable = "null" in kinds or target.get("nullable") is True
    if isinstance(target.get("enum"), list):
        shape.enum = tuple(value for value in target["enum"] if value is not None)
        shape.nullable |= None in target["enum"]
    elif "const" in target:
        shape.enum = () if target["const"] is None else (target["const"],)
        shape.nullable |= target["const"] is None
    shape.format = target.get("format") if isinstance(target.get("format"), str) else None
    shape.properties = dict(target.get("properties") or {})
    shape.required = frozenset(key for key in target.get("required") or [] if isinstance(key, str))
    shape.items = target.get("items")
    shape.additional = (
        target.get("additionalProperties") if isinstance(target.get("additionalProperties"), dict) else None
    )
    shape.extensions = extensions(target)

    members = [flatten(resolver, member, depth + 1) for member in target.get("allOf") or []]
    own_nullable = shape.nullable
    for member in members:
        _merge(shape, member)
    # allOf means every member holds: null is allowed when all members allow it, or (3.0) when the wrapper says so.
    shape.nullable = own_nullable or (bool(members) and all(member.nullable for member in members))
    if shape.name is None and len(members) == 1 and not target.get("properties"):
        shape.name = members[0].name

    for keyword in ("oneOf", "anyOf"):
        if isinstance(target.get(keyword), list):
            _add_options(resolver, shape, target[keyword], depth)
    return shape


def _add_options(resolver: Resolver, shape: Shape, options: list[Any], depth: int) -> None:
    variants = {}
    for index, option in enumerate(options):
        resolved, option_name = resolver.deref(option)
        if _is_null(resolved):
            shape.nullable = True
        else:
            title = resolved.get("title") if isinstance(resolved, dict) else None
            variants[option_name or (title if isinstance(title, str) else f"option {index + 1}")] = option
    if len(variants) == 1 and not shape.types and not shape.properties:
        # `anyOf: [null, X]` is how 3.1 spells a nullable X: the generator reads it as X | None.
        member = flatten(resolver, next(iter(variants.values())), depth + 1)
        _merge(shape, member)
        shape.nullable |= member.nullable
        shape.name = shape.name or member.name
    else:
        shape.variants.update(variants)


def _merge(shape: Shape, member: Shape) -> None:
    for key, value in member.properties.items():
        shape.properties.setdefault(key, value)
    shape.required |= member.required
    if member.types:
        shape.types = (shape.types & member.types or shape.types) if shape.types else member.types
    if shape.enum is None:
        shape.enum = member.enum
    shape.format = shape.format or member.format
    shape.items = shape.items if shape.items is not None else member.items
    shape.additional = shape.additional if shape.additional is not None else member.additional
    for key, value in member.variants.items():
        shape.variants.setdefault(key, value)
    for key, value in member.extensions.items():
        shape.extensions.setdefault(key, value)


def extensions(node: Any) -> dict[str, Any]:
    """The `x-` keys of an object: this project's pipeline and overlay read some (`x-idempotent`, `x-enum-varnames`)."""
    return {key: value for key, value in node.items() if key.startswith("x-")} if isinstance(node, dict) else {}


def extension_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per `x-` key added, removed or changed: `x-idempotent: none -> True`."""

    def show(value: Any) -> str:
        text = "none" if value is None else str(value)
        return text if len(text) <= 60 else text[:57] + "..."  # a table cell, not a dump of the value

    return [
        f"`{key}`: {show(before.get(key))} -> {show(after.get(key))}"
        for key in sorted(before.keys() | after.keys())
        if exact(before.get(key)) != exact(after.get(key))
    ]


def exact(value: Any) -> Any:
    """The value with every Decimal as its digits: `1.50` and `1.5` are equal numbers but different examples."""
    if isinstance(value, dict):
        return {key: exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [exact(item) for item in value]
    return ("decimal", str(value)) if isinstance(value, Decimal) else value


def render_path(segments: Iterable[str]) -> str:
    """`orders`, `[]`, `order`, `algoId` becomes `orders[].order.algoId`."""
    text = ""
    for segment in segments:
        text += segment if segment == "[]" or not text else f".{segment}"
    return text


class At(NamedTuple):
    """Where in a body a comparison is: the field path, and the component schema that declares the field."""

    path: tuple[str, ...] = ()
    owner: str | None = None

    def field(self, key: str, owner: str | None) -> At:
        """The property `key` of an object named `owner` (or of an inline object: then the enclosing owner)."""
        return At((*self.path, key), owner or self.owner)

    def step(self, segment: str) -> At:
        """Into the items (`[]`), the additional properties (`{*}`) or a variant (`<Name>`)."""
        return At((*self.path, segment), self.owner)


_ROOT = At()


@dataclass(slots=True)
class SchemaDiff:
    """Compares the schemas at one place of two documents (a parameter, a request body, a response)."""

    old: Resolver
    new: Resolver
    direction: Direction
    category: Category
    where: str
    status: StatusEnum | None
    changes: list[Change]

    def compare(self, old: Any, new: Any, at: At = _ROOT, stack: frozenset[tuple[str, str]] = frozenset()) -> None:
        """Append every difference between the two schemas at `at` (recursing into fields, items and variants)."""
        before, after = flatten(self.old, old), flatten(self.new, new)
        if before.name and after.name:
            if (before.name, after.name) in stack:
                return  # a recursive schema: this pair is already being compared further up
            stack |= {(before.name, after.name)}
        if self._type_changed(before, after, at):
            return
        self._format(before, after, at)
        self._nullable(before, after, at)
        self._enum(before, after, at)
        self._properties(before, after, at, stack)
        if before.items is not None and after.items is not None:
            self.compare(before.items, after.items, at.step("[]"), stack)
        if before.additional is not None and after.additional is not None:
            self.compare(before.additional, after.additional, at.step("{*}"), stack)
        self._variants(before, after, at, stack)
        own = At(at.path, after.name or before.name or at.owner)
        for line in extension_changes(before.extensions, after.extensions):
            detail = f"{line}: check what the pipeline or overlay does with it"
            self._add(Severity.ATTENTION, "extension changed", own, detail)

    def _add(self, severity: Severity, kind: str, at: At, detail: str, category: Category | None = None) -> None:
        where = f"{self.where} {render_path(at.path)}" if at.path else self.where
        if at.owner and at.path:
            where += f" ({at.owner})"  # the component a reviewer looks for in the document
        self.changes.append(Change(severity, category or self.category, kind, where, detail))

    @property
    def _reading(self) -> bool:
        return self.direction == "response"

    def _type_changed(self, before: Shape, after: Shape, at: At) -> bool:
        def kind(shape: Shape) -> tuple[object, ...]:
            return (shape.effective_types, shape.enum is not None, bool(shape.variants))

        if kind(before) == kind(after):
            return False
        detail = f"{before.describe()} -> {after.describe()}: the generated type changes"
        self._add(Severity.BREAKING, "type changed", at, detail)
        return True

    def _format(self, before: Shape, after: Shape, at: At) -> None:
        if before.format == after.format:
            return
        change = f"format {before.format or 'none'} -> {after.format or 'none'}"
        if {before.format, after.format} & _TYPED_FORMATS:
            self._add(Severity.BREAKING, "format changed", at, f"{change}: the generated type changes")
        else:
            detail = f"{change}: the generated type stays; check code that interprets the value"
            self._add(Severity.ATTENTION, "format changed", at, detail)

    def _nullable(self, before: Shape, after: Shape, at: At) -> None:
        if before.nullable == after.nullable:
            return
        if after.nullable:
            severity = Severity.BREAKING if self._reading else Severity.COMPATIBLE
            detail = "may now be null: the generated type gains None"
            self._add(
                severity, "became nullable", at, detail + (", which readers must handle" if self._reading else "")
            )
        else:
            severity = Severity.COMPATIBLE if self._reading else Severity.BREAKING
            detail = "never null any more" if self._reading else "null is no longer accepted"
            self._add(severity, "no longer nullable", at, detail)

    def _enum(self, before: Shape, after: Shape, at: At) -> None:
        if before.enum is None or after.enum is None:
            return
        at = At(at.path, after.name or before.name or at.owner)
        is_status = self.status is not None and self.status.schema in {before.name, after.name}
        table = self.status.load() if self.status is not None and is_status else None
        for value in after.enum:
            if value not in before.enum:
                severity, kind, detail = self._enum_added(value, table, is_status=is_status)
                self._add(severity, kind, at, detail, Category.ENUMS)
        for value in before.enum:
            if value not in after.enum:
                detail = f"`{value}`: the generated enum loses this member; code naming it breaks"
                if is_status and table is not None and value in table and self.status is not None:
                    detail += f" ({self.status.table_name} still maps it; that row can go)"
                kind = "status value removed" if is_status else "enum value removed"
                self._add(Severity.BREAKING, kind, at, detail, Category.ENUMS)

    def _enum_added(self, value: Any, table: Any, *, is_status: bool) -> tuple[Severity, str, str]:
        if not is_status or not self._reading or self.status is None:
            effect = "parses as a new member of the open enum" if self._reading else "may now be sent"
            return Severity.COMPATIBLE, "enum value added", f"`{value}`: {effect}"
        name = self.status.table_name
        if table is None:
            detail = f"`{value}`: {name} could not be imported here; unless it maps the value, Order.status is UNKNOWN"
            return Severity.ATTENTION, "status value added", detail
        if value in table:
            normalized = getattr(table[value], "name", table[value])
            return (
                Severity.COMPATIBLE,
                "status value added",
                f"`{value}`: normalized as OrderStatus.{normalized} by {name}",
            )
        detail = f"`{value}`: parses, but Order.status is UNKNOWN (raw_status kept) until {name} maps it"
        return Severity.ATTENTION, "status value added", detail

    def _properties(self, before: Shape, after: Shape, at: At, stack: frozenset[tuple[str, str]]) -> None:
        owner = after.name or before.name
        for key, schema in after.properties.items():
            if key in before.properties:
                continue
            required = key in after.required
            described = f"{flatten(self.new, schema).describe()}, {'required' if required else 'optional'}"
            if self._reading or not required:
                severity, effect = Severity.COMPATIBLE, "the generated model gains it"
            else:
                severity, effect = Severity.BREAKING, "the generated model gains a required argument; calls break"
            self._add(severity, "field added", at.field(key, owner), f"{described}: {effect}")
        for key, schema in before.properties.items():
            if key not in after.properties:
                user = "reading" if self._reading else "passing"
                detail = (
                    f"was {flatten(self.old, schema).describe()}: the generated model loses it; code {user} it breaks"
                )
                self._add(Severity.BREAKING, "field removed", at.field(key, owner), detail)
        for key, schema in before.properties.items():
            if key in after.properties:
                self._required(key in before.required, key in after.required, at.field(key, owner))
                self.compare(schema, after.properties[key], at.field(key, owner), stack)

    def _required(self, was: bool, now: bool, at: At) -> None:  # noqa: FBT001 - a before/after pair
        if was == now:
            return
        if now:
            severity = Severity.COMPATIBLE if self._reading else Severity.BREAKING
            detail = "now always present" if self._reading else "callers must now send it"
            self._add(severity, "became required", at, detail)
        else:
            severity = Severity.BREAKING if self._reading else Severity.COMPATIBLE
            detail = (
                "may now be absent: the generated attribute becomes Unset-able" if self._reading else "may be left out"
            )
            self._add(severity, "became optional", at, detail)

    def _variants(self, before: Shape, after: Shape, at: At, stack: frozenset[tuple[str, str]]) -> None:
        for key in after.variants:
            if key in before.variants:
                continue
            if self._reading:
                detail = (
                    f"`{key}`: a new shape of answer; the generated union gains a member isinstance checks may miss"
                )
                self._add(Severity.ATTENTION, "variant added", at, detail)
            else:
                self._add(Severity.COMPATIBLE, "variant added", at, f"`{key}` may now be sent")
        for key, schema in before.variants.items():
            if key not in after.variants:
                self._add(Severity.BREAKING, "variant removed", at, f"`{key}`: the generated union loses this member")
            else:
                self.compare(schema, after.variants[key], at.step(f"<{key}>"), stack)
