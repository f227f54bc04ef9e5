"""
One installed wheel carries the overlay and the four generated clients, each typed (PEP 561).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from codegen.specs import EXCHANGES


PACKAGES = ("exchange_clients", *(f"{exchange}_api" for exchange in EXCHANGES))


@pytest.mark.parametrize("name", PACKAGES)
def test_package_is_installed_typed(name: str) -> None:
    """The package imports from the installed wheel (not the source tree) and ships py.typed."""
    package = importlib.import_module(name)
    location = Path(package.__file__ or "")

    assert "site-packages" in location.parts
    assert (location.parent / "py.typed").is_file()


@pytest.mark.parametrize("name", PACKAGES[1:])
def test_generated_client_exposes_its_clients(name: str) -> None:
    """Each generated package offers Client and AuthenticatedClient at its top level."""
    package = importlib.import_module(name)

    assert {"AuthenticatedClient", "Client"} <= set(package.__all__)
