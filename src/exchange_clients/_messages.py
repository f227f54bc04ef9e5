"""
Reading a decoded stream message into its generated model (exchange_clients.generated.streams.<exchange>).

The stream models are attrs classes with no parser of their own (datamodel-code-generator writes none); cattrs
structures a decoded message into them, with rules as strict as the REST models': a string field takes a string,
an integer field an integer (never a boolean), a decimal field a decimal string or an exact JSON number (decode_json
reads those as Decimal), an enum its documented base type (a value the document does not list becomes the enum's
UNRECOGNIZED member), a const field only its value. An optional field that is absent is None; a field the document
does not describe is ignored, since exchanges add fields. What does not fit raises MessageShapeError, which names
each field that does not, by its path in the message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.strategies import configure_union_passthrough

from exchange_clients._normalize import decimal_text, number


__all__ = ["MessageShapeError", "read_message"]

ModelT = TypeVar("ModelT")


class MessageShapeError(ValueError):
    """A stream message that is not the documented shape; `problems` name each field that does not fit."""

    def __init__(self, model: type[Any], problems: list[str]) -> None:
        super().__init__(f"not a {model.__name__}: {'; '.join(problems)}")
        self.model = model
        self.problems = problems


def _exactly(base: type[Any]) -> Any:
    # A StrEnum is a str and an IntEnum an int, so these hooks also take the enums (cattrs dispatches a subclass to its
    # base's hook): the value is checked against the base, then looked up in the enum, which opens for new values.
    def structure(value: object, kind: type[Any]) -> Any:
        if not isinstance(value, base) or (isinstance(value, bool) and base is not bool):
            msg = f"expected {_NAMES[base]}, got {type(value).__name__}"
            raise TypeError(msg)
        return value if kind is base else kind(value)

    return structure


_NAMES = {str: "a string", int: "an integer", bool: "a boolean"}


def _null(value: object, _kind: object) -> None:
    # A field the document types as JSON null (DigiFinex's pushes carry `"id": null`).
    if value is not None:
        msg = f"expected null, got {type(value).__name__}"
        raise TypeError(msg)


def _decimal(value: object, _kind: type[Decimal]) -> Decimal:
    # Decision: a decimal field takes a decimal string, as documented, or a JSON number: both are exact here.
    return decimal_text(value, "value") if isinstance(value, str) else number(value, "value")


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=False)
    for base in (str, int, bool):
        converter.register_structure_hook(base, _exactly(base))
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(type(None), _null)
    # Unions of plain types (a JSON-RPC id is a string or an integer) take whichever the value is.
    configure_union_passthrough(str | int | bool | None, converter)
    return converter


_CONVERTER = _converter()


def _described(error: BaseException, _kind: object) -> str:
    return str(error) or type(error).__name__


def read_message(message: object, model: type[ModelT]) -> ModelT:
    """The decoded `message` as a `model` of the generated stream models; MessageShapeError if it does not fit."""
    try:
        return _CONVERTER.structure(message, model)
    except (cattrs.BaseValidationError, TypeError, ValueError, ArithmeticError) as error:
        problems = (
            cattrs.transform_error(error, format_exception=_described)
            if isinstance(error, cattrs.BaseValidationError)
            else [str(error)]
        )
        raise MessageShapeError(model, problems) from None
