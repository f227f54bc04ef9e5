"""
Sessions for exchange-clients: `nox -l` lists them.

`generate` writes generated/ and is never run by default; every other session only reads the tree.
"""

from __future__ import annotations

import sys

import nox


nox.needs_version = ">=2025.5.1"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_external_run = True
nox.options.sessions = ["lint", "typecheck", "check_generated", "check_upstream", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install_group(session: nox.Session, *groups: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, *groups))


def _generate(session: nox.Session, command: str) -> None:
    """Run the pipeline (codegen/) for the exchanges named after `--`, or all of them."""
    _install_group(session, "generate")
    session.run("python", "-m", "codegen", command, *session.posargs)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/ (writes the tree): `nox -s generate -- gemini`."""
    _generate(session, "generate")


@nox.session(default=False)
def templates(session: nox.Session) -> None:
    """Write the generator's templates with our patches applied, to rework one: `nox -s templates -- DIR --upto N`."""
    _generate(session, "templates")


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ or specs/manifest.toml no longer match specs/."""
    _generate(session, "check")


@nox.session
def check_upstream(session: nox.Session) -> None:
    """Fail on any difference from the exchanges' own documents not declared in specs/<exchange>/divergences.yaml."""
    # The project itself: the error codes upstream documents are looked up in the overlay's ERROR_TABLE.
    session.install(".")
    _generate(session, "upstream")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check (generated/ is formatted by the pipeline, not here)."""
    _install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Mypy --strict over the overlay, the generated clients, the pipeline, the noxfile and tests/typing."""
    session.install(".[cli,simulator]")
    _install_group(session, "typing")
    session.run(
        "mypy",
        "overlays/exchange_clients",
        "codegen",
        "noxfile.py",
        "tests/typing",
        *(f"generated/{package}" for package in _GENERATED_PACKAGES),
    )


@nox.session(default=False)
def demo(session: nox.Session) -> None:
    """Start the simulator and read orders in every status from all four exchanges, as a user would."""
    session.install(".[cli,simulator]")
    session.run("exchange-clients", "demo", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite against the installed wheel (with the command line's and the simulator's extras)."""
    session.install(".[cli,simulator]")
    _install_group(session, "tests")
    session.run("pytest", *session.posargs)


_GENERATED_PACKAGES = ("gemini_api", "kraken_futures_api", "digifinex_api", "derive_api")


@nox.session(default=False)
def spec_diff(session: nox.Session) -> None:
    """
    Report what the specs' changes since BASE mean for client code, as Markdown for a pull request.

    `nox -s spec_diff -- [BASE] [--json] [--fail-on breaking|attention] [--exchange EX]`; BASE defaults to the
    merge-base with main (HEAD on main).
    """
    # The project itself: the report looks up each new status value in the overlay's STATUS_TABLE.
    session.install(".")
    _install_group(session, "generate")
    session.run("python", "-m", "codegen", "diff", *session.posargs)


@nox.session(default=False)
def update_spec(session: nox.Session) -> None:
    """
    Replace one spec with a new file, regenerate, type-check the overlay against it and report (writes the tree).

    `nox -s update_spec -- kraken_futures ~/Downloads/futures-rest.yaml [--source TEXT]`; on any failure specs/,
    specs/manifest.toml and generated/ are left exactly as they were.
    """
    session.install(".[cli,simulator]")
    _install_group(session, "typing")
    session.run("python", "-m", "codegen", "update", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """
    Benchmark against ccxt and hand-written floors; print the table, write bench/results/latest.json (~8 min).

    `nox -s bench -- [--quick] [--only signing,parse,list,end_to_end,concurrency,pipeline] [--output PATH]`.
    The pipeline benchmark times `nox -s generate` and `check_generated` with the nox running this session.
    """
    session.install(".[cli,simulator]")
    _install_group(session, "bench")
    session.run("python", "-m", "bench", "--nox-python", sys.executable, *session.posargs)
