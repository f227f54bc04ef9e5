"""
A new exchange is its own folders and one registry entry, shown with a throwaway fifth exchange.

Added in a scratch copy of the repository, it is generated, passes check_generated, type-checks, and is served by
connect, the simulator and the demo, with no other file edited by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.specs import ROOT


FIXTURE = ROOT / "tests" / "fixtures" / "fifth_exchange"
# What the pipeline reads and writes, and the package it generates into.
COPIED = ("codegen", "specs", "src")
# Where a new exchange's own files go (CONTRIBUTING.md, "Adding an exchange").
OWN_FOLDERS = (
    "specs/fifth/",
    "src/exchange_clients/fifth/",
    "src/exchange_clients/generated/fifth/",
    "src/exchange_clients/generated/fifth.warnings.txt",
    "src/exchange_clients/simulator/exchanges/fifth.py",
    "src/exchange_clients/simulator/catalogue/fifth.py",
)
_IGNORED = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache")


def _snapshot(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for name in COPIED
        for path in sorted((root / name).rglob("*"))
        if path.is_file() and not {"__pycache__", ".mypy_cache", ".ruff_cache"} & set(path.parts)
    }


def _run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    # The scratch copy's own package first on the path, ahead of the installed one.
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    return subprocess.run(
        [sys.executable, *command], cwd=root, env=environment, capture_output=True, text=True, check=False, timeout=300
    )


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The scratch copy after adding Fifth, with snapshots of its files before and after."""
    root = tmp_path_factory.mktemp("fifth")
    for name in COPIED:
        shutil.copytree(ROOT / name, root / name, ignore=_IGNORED)
    before = _snapshot(root)
    # By hand: the exchange's own folders, and its entry in the registry.
    for name in ("specs", "src"):
        shutil.copytree(FIXTURE / name, root / name, dirs_exist_ok=True)
    with (root / "specs" / "exchanges.toml").open("a", encoding="utf-8") as registry:
        registry.write((FIXTURE / "registry_entry.toml").read_text(encoding="utf-8"))
    # By the pipeline: the spec's manifest entry, the generated client and the typed registry, type-checked.
    update = _run(
        root,
        *("-m", "codegen", "update", "fifth", str(root / "specs" / "fifth" / "openapi.yaml")),
        *("--source", "hand-authored for the registry test", "--upstream", "none: Fifth is invented"),
    )
    assert update.returncode == 0, update.stderr
    return root, before, _snapshot(root)


def test_only_the_registry_entry_is_written_by_hand_outside_the_exchanges_folders(
    added: tuple[Path, dict[str, str], dict[str, str]],
) -> None:
    """Every new file is in Fifth's folders; the only files changed are the registry and what the pipeline writes."""
    root, before, after = added
    changed = sorted(path for path in before if after.get(path) != before[path])
    new = sorted(after.keys() - before.keys())

    assert changed == ["specs/exchanges.toml", "specs/manifest.toml", "src/exchange_clients/generated/registry.py"]
    assert [path for path in new if not path.startswith(OWN_FOLDERS)] == []
    registry = (root / "specs" / "exchanges.toml").read_text(encoding="utf-8")
    assert registry == (ROOT / "specs" / "exchanges.toml").read_text(encoding="utf-8") + (
        FIXTURE / "registry_entry.toml"
    ).read_text(encoding="utf-8")


def test_check_generated_passes_with_the_new_exchange(added: tuple[Path, dict[str, str], dict[str, str]]) -> None:
    """The drift gate regenerates all five exchanges and the typed registry, and finds nothing stale."""
    root, _, _ = added

    result = _run(root, "-m", "codegen", "check")

    assert result.returncode == 0, result.stderr
    assert "matches specs/ for gemini, kraken_futures, digifinex, derive, fifth" in result.stdout


def test_connect_is_typed_for_the_new_exchange(
    added: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    """Mypy sees Fifth's generated client behind connect("fifth", ...), and refuses another exchange's credentials."""
    root, _, _ = added
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import exchange_clients as ec\n"
        "from exchange_clients.fifth import FifthCredentials\n"
        'client = ec.connect("fifth", FifthCredentials(api_key="k", api_secret="s"))\n'
        "reveal_type(client.generated)\n"
        'ec.connect("fifth", ec.gemini.GeminiCredentials(api_key="k", api_secret="s"))\n',
        encoding="utf-8",
    )

    result = _run(root, "-m", "mypy", "--strict", "--no-incremental", str(snippet))

    assert 'Revealed type is "exchange_clients.generated.fifth.client.AuthenticatedClient"' in result.stdout
    assert 'No overload variant of "connect" matches argument types' in result.stdout
    assert result.stdout.count("error:") == 1


def test_connect_and_the_simulator_serve_the_new_exchange(added: tuple[Path, dict[str, str], dict[str, str]]) -> None:
    """The simulator plays Fifth from its module and catalogue; connect reads its orders exactly, or not found."""
    root, _, _ = added
    script = """
import json
import exchange_clients as ec
from exchange_clients.simulator import EXCHANGES, Simulator

with Simulator() as simulator:
    credentials = simulator.accounts.credentials("fifth")
    with ec.connect("fifth", credentials, base_url=simulator.base_url("fifth")) as client:
        ids = [simulator.orders.id("fifth", name) for name in simulator.orders.names("fifth")]
        orders = client.get_orders(ids)
        try:
            client.get_order("F-404")
        except ec.OrderNotFoundError as error:
            missing = str(error)
print(json.dumps({
    "served": list(EXCHANGES),
    "display_name": ec.Exchange.FIFTH.display_name,
    "orders": [[order.exchange, order.order_id, order.status, str(order.filled)] for order in orders],
    "missing": missing,
}))
"""
    result = _run(root, "-c", script)

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["served"] == ["gemini", "kraken_futures", "digifinex", "derive", "fifth"]
    assert seen["display_name"] == "Fifth"
    assert seen["orders"] == [
        ["fifth", "F-1", "open", "0"],
        ["fifth", "F-2", "filled", "12345678901234.5678901234567891"],
        ["fifth", "F-3", "canceled", "0.5"],
    ]
    assert seen["missing"].startswith("Fifth get_order")


def test_the_demo_reads_the_new_exchange(added: tuple[Path, dict[str, str], dict[str, str]]) -> None:
    """The command line's demo, which loops over the registered exchanges, reads Fifth's orders too."""
    root, _, _ = added

    result = _run(root, "-m", "exchange_clients.cli", "demo", "--json")

    assert result.returncode == 0, result.stderr
    orders = json.loads(result.stdout)
    assert sorted(order["order_id"] for order in orders if order["exchange"] == "fifth") == ["F-1", "F-2", "F-3"]
