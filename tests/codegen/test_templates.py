"""
The generator's templates are its own plus named patches: each applies to the pinned version or fails naming itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openapi_python_client.parser.properties.float import FloatProperty

from codegen import generator, templates
from codegen.__main__ import main
from codegen.generator import GenerationError, generate
from codegen.specs import SPECS_DIR
from codegen.templates import (
    DATAMODEL_CODE_GENERATOR,
    TemplatePatchError,
    materialize,
    patched_files,
    patches,
    pristine_templates,
)


PATCHES_DIR = SPECS_DIR / "templates" / "patches"


def test_specs_hold_patches_and_no_copied_template() -> None:
    """specs/templates/ keeps only patches: no whole-file copy of a generator template to merge by hand."""
    copies = list((SPECS_DIR / "templates").rglob("*.jinja"))

    assert copies == []
    assert [patch.name[:3] for patch in patches(PATCHES_DIR)] == [f"{n:02d}-" for n in range(1, 7)]


@pytest.mark.parametrize("patch", patches(PATCHES_DIR), ids=lambda patch: patch.stem)
def test_each_patch_says_why_and_changes_only_generator_templates(patch: Path) -> None:
    """Every patch opens with its reason in prose and touches only templates the pinned generator has."""
    text = patch.read_text(encoding="utf-8")
    reason = text[: text.index("diff --git")].strip()

    assert len(reason.splitlines()) >= 3
    assert all((pristine_templates() / relative).is_file() for relative in patched_files(patch))


def test_the_patched_templates_differ_from_the_generators_only_where_the_patches_say(tmp_path: Path) -> None:
    """Materializing writes each touched template once: the pristine file with every patch to it applied in order."""
    written = materialize(PATCHES_DIR, tmp_path)

    touched = {relative for patch in patches(PATCHES_DIR) for relative in patched_files(patch)}
    assert sorted(written) == sorted(touched)
    for relative in written:
        assert (tmp_path / relative).read_text(encoding="utf-8") != (pristine_templates() / relative).read_text(
            encoding="utf-8"
        )
    assert "decode_json(response.content)" in (tmp_path / "endpoint_macros.py.jinja").read_text(encoding="utf-8")


def _upgraded_generator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str, old: str, new: str) -> None:
    """A copy of the generator's templates with one line changed, as a new release might change it."""
    upgraded = tmp_path / "upstream"
    shutil.copytree(pristine_templates(), upgraded)
    path = upgraded / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    own = templates.Generator.templates

    def installed(generator: templates.Generator) -> Path:
        return upgraded if generator == templates.OPENAPI_PYTHON_CLIENT else own(generator)

    monkeypatch.setattr(templates.Generator, "templates", installed)


def test_a_patch_that_no_longer_applies_fails_naming_itself_and_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upstream change next to a patched line stops generation: no fuzz, no silent merge."""
    _upgraded_generator(
        tmp_path, monkeypatch, "endpoint_macros.py.jinja", "{{ response.prop.python_name }} = {{ response.source", "x"
    )

    with pytest.raises(TemplatePatchError) as caught:
        materialize(PATCHES_DIR, tmp_path / "out")

    message = str(caught.value)
    assert "specs/templates/patches/02-exact-json-decoding.patch no longer applies" in message
    assert "openapi-python-client 0.29.1" in message


def test_an_upgrade_that_leaves_patched_lines_alone_still_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change elsewhere in a patched template (a new docstring line, say) is re-applied without a hand merge."""
    _upgraded_generator(tmp_path, monkeypatch, "model.py.jinja", "    def to_dict(self)", "    def to_dict(self, /)")

    materialize(PATCHES_DIR, tmp_path / "out")

    model = (tmp_path / "out" / "model.py.jinja").read_text(encoding="utf-8")
    assert "def to_dict(self, /)" in model
    assert "expected a JSON object" in model


def test_a_template_the_generator_dropped_fails_naming_the_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _upgraded_generator(tmp_path, monkeypatch, "str_enum.py.jinja", "StrEnum", "StrEnum")
    (tmp_path / "upstream" / "str_enum.py.jinja").unlink()

    with pytest.raises(
        TemplatePatchError, match=r"03-open-enums\.patch: openapi-python-client .* no template str_enum"
    ):
        materialize(PATCHES_DIR, tmp_path / "out")


def test_generation_fails_when_a_patch_no_longer_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure reaches `python -m codegen generate` as a GenerationError, and nothing is written."""
    _upgraded_generator(tmp_path, monkeypatch, "int_enum.py.jinja", "class {{ enum.class_info.name }}(IntEnum)", "x")

    with pytest.raises(GenerationError, match=r"03-open-enums\.patch no longer applies"):
        generate("digifinex", tmp_path / "generated")

    assert not (tmp_path / "generated" / "digifinex").exists()


def test_a_moved_number_seam_fails_naming_the_generator_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one class variable changed in the generator is checked first: floats are never generated silently."""
    monkeypatch.delattr(FloatProperty, "_type_string")

    with pytest.raises(GenerationError, match=r"openapi-python-client 0\.29\.1: FloatProperty\._type_string"):
        generator.generate("digifinex", Path("unused"))


def test_the_templates_command_writes_them_for_a_maintainer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m codegen templates DIR --upto 1` writes the templates with only the first patch applied."""
    assert main(["templates", str(tmp_path), "--upto", "1"]) == 0

    assert "openapi-python-client 0.29.1" in capsys.readouterr().out
    assert "parse_decimal" in (tmp_path / "property_templates" / "float_property.py.jinja").read_text(encoding="utf-8")
    assert not (tmp_path / "endpoint_macros.py.jinja").exists()


def test_the_message_patches_make_attrs_classes_and_open_enums(tmp_path: Path) -> None:
    """datamodel-code-generator's dataclass and enum templates, patched: frozen attrs classes, open enums."""
    written = materialize(SPECS_DIR / "templates" / "messages", tmp_path, generator=DATAMODEL_CODE_GENERATOR)

    assert sorted(written) == ["Enum.jinja2", "dataclass.jinja2"]
    assert "@attrs.frozen(kw_only=True)" in (tmp_path / "dataclass.jinja2").read_text(encoding="utf-8")
    assert "unrecognized_member(cls, value)" in (tmp_path / "Enum.jinja2").read_text(encoding="utf-8")


def test_a_message_patch_that_no_longer_applies_names_itself_and_the_generator(tmp_path: Path) -> None:
    """A message patch whose context moved upstream fails, naming the patch and datamodel-code-generator's version."""
    patches = tmp_path / "messages"
    patches.mkdir()
    original = (SPECS_DIR / "templates" / "messages" / "02-open-enums.patch").read_text(encoding="utf-8")
    (patches / "02-open-enums.patch").write_text(
        original.replace("\n {% endif %}\n", "\n {% endif x %}\n"), encoding="utf-8"
    )

    with pytest.raises(
        TemplatePatchError,
        match=r"specs/templates/messages/02-open-enums\.patch no longer applies to "
        r"datamodel-code-generator 0\.89\.0",
    ):
        materialize(patches, tmp_path / "out", generator=DATAMODEL_CODE_GENERATOR)
