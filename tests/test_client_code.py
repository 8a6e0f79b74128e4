"""The client code is code: in real files, linted and unit-tested, with colours and names from one home.

JavaScript and CSS live in ``geo/frontend/``; Python only wires them in (a call with JSON).
eslint and ``node --test`` run here too, so the README's one test command covers them
(``npm ci`` installs eslint; without it they skip with the reason, and fail in CI).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess

import pytest

from geo import frontend, style

from .conftest import PROJECT

PYTHON_FILES = [*sorted((PROJECT / "geo").rglob("*.py")), PROJECT / "dashboard.py", *sorted((PROJECT / "sections").glob("*.py"))]
#: What marks a Python string as JavaScript.
JS_MARKERS = re.compile(r"geo\.\w+\(|\bfunction\b|\bL\.\w+|document\.|window\.|JSON\.parse|\bvar\s|=>")
#: Lines of JavaScript left in Python strings: thin wiring only (it was about 230).
MAX_JS_LINES_IN_PYTHON = 40
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def require_node() -> str:
    """npx, with eslint installed by ``npm ci``; skip with the reason (fail in CI) when missing."""
    npx = shutil.which("npx")
    reason = None
    if npx is None:
        reason = "npm is not installed (apt-get install npm)"
    elif not (PROJECT / "node_modules" / "eslint").exists():
        reason = "eslint is not installed: run npm ci"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the client code's checks are required in CI: {reason}")
        pytest.skip(reason)
    return npx


def js_strings() -> list[tuple[str, int, str, int]]:
    """(file, line, text, source lines) of every Python string (or f-string part) that reads as JavaScript."""
    found = []
    for path in PYTHON_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and JS_MARKERS.search(node.value):
                found.append((path.name, node.lineno, node.value, node.end_lineno - node.lineno + 1))
    docstrings = {
        (path.name, node.body[0].value.lineno)
        for path in PYTHON_FILES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip
    return [item for item in found if item[:2] not in docstrings]


def test_eslint_passes() -> None:
    result = subprocess.run([require_node(), "eslint", "geo/frontend", "tests/js", "eslint.config.mjs"], cwd=PROJECT,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_client_code_unit_tests_pass() -> None:
    require_node()
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"# pass [1-9]", result.stdout)


def test_python_holds_only_thin_wiring_of_javascript() -> None:
    strings = js_strings()
    lines = sum(max(span, text.count("\n") + 1) for _name, _line, text, span in strings)
    assert 0 < lines <= MAX_JS_LINES_IN_PYTHON, "\n".join(f"{n}:{line}: {t[:80]!r}" for n, line, t, _s in strings)


def test_no_colour_is_typed_outside_the_style_module() -> None:
    """Every colour is a token of geo/style.py (CSS reads them as custom properties); HTML entities are not colours."""
    files = [p for p in PYTHON_FILES if p.name != "style.py"] + sorted(frontend.FOLDER.glob("*.[jc]s*"))
    found = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX_COLOUR.search(line.replace("&#", ""))
    ]
    assert found == []


def test_the_stylesheet_reads_only_tokens_that_exist_and_every_token_is_read() -> None:
    css = frontend.text(frontend.STYLESHEET)
    used = set(re.findall(r"var\(--geo-([\w-]+)\)", css))
    assert used == set(style.TOKENS)
    for status in style.STATUS:  # a badge for every status
        assert f".badge.status-{status} " in css


def test_the_page_scripts_survive_the_page_sanitiser() -> None:
    """st.html drops a script holding anything that looks like a tag: the page's code holds no ``<`` at all."""
    assert "<" not in frontend.page_code()
    assert "</script" not in frontend.frame_code().lower()
    assert "</script" not in frontend.upload_code().lower()


def test_the_client_code_reaches_the_map_as_written(monkeypatch) -> None:
    """The map's scripts and stylesheet are inlined as they are: never compiled again as a Jinja template.

    branca compiles every rendered snippet as a template; the client code and the stylesheet
    skip that (it cost about 15 ms of each rerun), so a ``{{`` in them stays a ``{{``.
    """
    from geo.map import elements
    from geo.map.basemap import OfflineMap

    code = "var braces = '{{ 6*7 }}'; /* {% raw %} */\n"
    monkeypatch.setattr(elements.frontend, "frame_code", lambda: code)
    monkeypatch.setattr(elements.frontend, "stylesheet", lambda: ".x::after { content: '{{ 7*7 }}'; }")
    fmap = OfflineMap(location=(0, 0), zoom_start=1, tiles=None)
    elements.ClientCode().add_to(fmap)
    html = fmap.get_root().render()
    assert "var braces = '{{ 6*7 }}'; /* {% raw %} */" in html
    assert "content: '{{ 7*7 }}'" in html
    assert "'42'" not in html
