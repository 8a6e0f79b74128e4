"""The README is a front page: short, the two commands first, every link landing; CI runs its test command."""

from __future__ import annotations

import re

import pytest

from .conftest import PROJECT

README = PROJECT / "README.md"
PAGES = [README, *sorted((PROJECT / "docs").glob("*.md"))]


def commands(text: str) -> list[str]:
    """The shell commands in ``bash`` blocks."""
    return [line for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL) for line in block.splitlines()]


def test_the_readme_is_a_front_page_with_the_two_commands_first() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    first, second = commands(text)[:2]
    assert first.endswith("streamlit run dashboard.py")
    assert "-r requirements.txt" in first
    assert all(part in second for part in ("-r requirements-dev.txt", "npm ci", "-m pytest"))


def test_ci_runs_the_readmes_test_command() -> None:
    test_command = commands(README.read_text(encoding="utf-8"))[1].split(" && ")[-1]
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_between_the_pages_lands(page) -> None:
    text = page.read_text(encoding="utf-8")
    targets = [t for t, _ in re.findall(r"\]\(([^)#\s]+)(#[^)]*)?\)", text) if not t.startswith(("http:", "https:"))]
    assert [t for t in targets if not (page.parent / t).exists()] == []
