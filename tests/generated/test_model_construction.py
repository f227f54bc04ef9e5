"""
Every generated from_dict passes its values to the model positionally, so their order must be the model's own.

A misordered call would not fail: two properties of one type (amount and filled, both Decimal or str) would be
swapped silently. So every model's call is read from its source and held against its __init__, name for name.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest


PACKAGES = ("gemini_api", "kraken_futures_api", "digifinex_api", "derive_api")


def _models() -> Iterator[tuple[str, Any]]:
    for package in PACKAGES:
        models = importlib.import_module(f"{package}.models")
        for module_info in pkgutil.iter_modules(models.__path__):
            module = importlib.import_module(f"{package}.models.{module_info.name}")
            for name, value in vars(module).items():
                if inspect.isclass(value) and value.__module__ == module.__name__ and "from_dict" in vars(value):
                    yield f"{package}.{name}", value


MODELS = dict(_models())


def _constructor_call(model: Any) -> ast.Call:
    source = textwrap.dedent(inspect.getsource(vars(model)["from_dict"].__func__))
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls"
    ]
    assert len(calls) == 1, f"{model.__name__}.from_dict calls cls() {len(calls)} times"
    return calls[0]


def test_every_package_has_models() -> None:
    for package in PACKAGES:
        assert any(name.startswith(f"{package}.") for name in MODELS), package


@pytest.mark.parametrize("model", MODELS.values(), ids=MODELS.keys())
def test_from_dict_passes_each_property_in_the_place_of_its_name(model: Any) -> None:
    """The positional arguments are the variables named after the properties, in __init__'s order, all of them."""
    call = _constructor_call(model)
    parameters = list(inspect.signature(model.__init__).parameters)[1:]  # after self

    assert not call.keywords
    assert all(isinstance(argument, ast.Name) for argument in call.args)
    assert [argument.id for argument in call.args if isinstance(argument, ast.Name)] == parameters
