"""
One installed wheel, one top-level package: the hand-written layer with every generated client inside it, typed.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from pathlib import Path

import pytest

from codegen.specs import EXCHANGES, package_name


PACKAGES = ("exchange_clients", *(package_name(exchange) for exchange in EXCHANGES))


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


def test_the_wheel_installs_one_top_level_package() -> None:
    """Nothing but exchange_clients lands in site-packages: no name another distribution could also install."""
    files = importlib.metadata.files("exchange-clients") or []
    installed = {file.parts[0] for file in files if not file.parts[0].endswith(".dist-info") and file.parts[0] != ".."}

    assert installed == {"exchange_clients"}


def test_the_wheel_leaves_out_what_only_the_repository_needs() -> None:
    """The generator's warnings files and the generated tree's README stay in the repository."""
    files = {file.as_posix() for file in importlib.metadata.files("exchange-clients") or []}

    assert "exchange_clients/generated/registry.py" in files
    assert not [name for name in files if name.endswith((".warnings.txt", "generated/README.md"))]
