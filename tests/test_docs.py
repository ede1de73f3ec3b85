"""The docs are a tested contract: the CLI reference, the README's commands and the error codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tidende.cli.docs import CLI_MD, REGENERATE, cli_reference, commands, main
from tidende.errors import Errors

README = ROOT / "README.md"
ERRORS_MD = ROOT / "docs" / "errors.md"
CODE = re.compile(r"E\d{3}")


def test_cli_reference_is_current() -> None:
    assert CLI_MD == ROOT / "docs" / "cli.md"
    assert CLI_MD.read_text(encoding="utf-8") == cli_reference(), (
        f"docs/cli.md is stale: the CLI changed. Regenerate it with `{REGENERATE}` and commit the result.")


def test_cli_reference_covers_every_command() -> None:
    text = cli_reference()
    assert commands(), "the app has no commands"
    for name in commands():
        assert f"\n## tidende {name}\n" in text
        assert f"Usage: tidende {name} " in text


def test_docs_check_flags_a_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.md"
    assert main(["--check", "--path", str(path)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main(["--path", str(path)]) == 0
    assert main(["--check", "--path", str(path)]) == 0
    path.write_text(path.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert main(["--check", "--path", str(path)]) == 1
    assert "stale" in capsys.readouterr().err


def test_readme_names_every_command() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [n for n in commands() if not re.search(rf"\btidende {re.escape(n)}\b", readme)]
    assert not missing, f"README.md never shows `tidende <command>` for: {', '.join(missing)}"


def _error_sections() -> dict[str, str]:
    """``## E0xx`` heading -> that section's text, from docs/errors.md."""
    parts = re.split(r"^## (E\d{3})\s*$", ERRORS_MD.read_text(encoding="utf-8"), flags=re.M)
    codes = parts[1::2]
    assert len(codes) == len(set(codes)), f"docs/errors.md documents a code twice: {sorted(codes)}"
    return dict(zip(codes, parts[2::2], strict=True))


def _error_templates() -> dict[str, str]:
    return {k: v for k, v in vars(Errors).items() if CODE.fullmatch(k)}


def test_errors_doc_lists_exactly_the_codes() -> None:
    documented, defined = set(_error_sections()), set(_error_templates())
    assert documented == defined, (f"docs/errors.md and tidende.errors.Errors differ: undocumented "
                                   f"{sorted(defined - documented)}, not defined {sorted(documented - defined)}")


@pytest.mark.parametrize("code", sorted(_error_templates()))
def test_errors_doc_quotes_template_and_advice(code: str) -> None:
    section = _error_sections().get(code)
    if section is None:
        pytest.skip(f"{code} is not documented (see test_errors_doc_lists_exactly_the_codes)")
    template = _error_templates()[code]
    assert f"```text\n{template}\n```" in section, f"docs/errors.md: {code}'s template differs from the code's"
    advice = section.split("```", 2)[-1].strip()
    assert len(advice.split()) >= 8, f"docs/errors.md: {code} needs a sentence on what to do"
