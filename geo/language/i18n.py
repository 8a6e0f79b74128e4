"""Interface languages: gettext catalogs, the current language, and locale-aware numbers and dates.

Every interface string goes through :func:`_` (or is marked with :func:`N_` where it is
defined and translated where it is shown). The catalogs are the ``.po`` files in
``geo/locales/<lang>/LC_MESSAGES/``; Babel extracts the messages (``babel.cfg``) and
compiles each catalog in memory on first use, so no compiled file is committed.

The current language lives in a context variable: the dashboard sets it at the top of each
run from ``?lang=``, the CLI from ``--lang``; everything built while it is set, cached
pieces included (:func:`geo.evidence.cache.per_dataset` keys on it), is in that language. Claims'
quotes stay in their original language; summaries are English until translated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext
import io
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from babel import Locale
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from geo import settings

LOCALES_DIR = settings.LOCALES_DIR
DOMAIN = "messages"
T = TypeVar("T")


@dataclass(frozen=True)
class Language:
    """One interface language: its code (``?lang=``), name in itself, Babel locale and direction."""

    code: str
    name: str
    locale: str
    direction: str  # "ltr" or "rtl"
    html_lang: str  # BCP 47 tag for the page


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "en", "ltr", "en"),
        Language("zh", "简体中文", "zh_Hans_CN", "ltr", "zh-Hans"),
        Language("ug", "ئۇيغۇرچە", "ug", "rtl", "ug-Arab"),
    )
}
DEFAULT = settings.DEFAULT_LANGUAGE
_current: ContextVar[str] = ContextVar("geo_language", default=DEFAULT)


def parse_lang(value: object) -> str:
    """The language code from ``?lang=`` (or a CLI option); the default for anything unknown."""
    text = str(value or "").strip().lower().replace("_", "-").split("-")[0]
    return text if text in LANGUAGES else DEFAULT


def current() -> str:
    """The language now in use."""
    return _current.get()


def language() -> Language:
    """The :class:`Language` now in use."""
    return LANGUAGES[current()]


def use(code: str) -> None:
    """Make ``code`` the current language of this run (the dashboard calls this once per run)."""
    _current.set(parse_lang(code))


@contextlib.contextmanager
def speaking(code: str) -> Iterator[None]:
    """Use ``code`` for the duration of a ``with`` block, then restore the previous language."""
    token = _current.set(parse_lang(code))
    try:
        yield
    finally:
        _current.reset(token)


def in_language(code: str, function: Callable[..., T], *args: object, **kwargs: object) -> T:
    """Call ``function`` with ``code`` as the current language (for work done later, e.g. a download)."""
    with speaking(code):
        return function(*args, **kwargs)


def catalog_path(code: str) -> Path:
    """The ``.po`` catalog of a language."""
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=len(LANGUAGES))
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog of ``code`` (English, the source language, needs none)."""
    path = catalog_path(code)
    if code == DEFAULT or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=LANGUAGES[code].locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose form depends on ``count`` (then ``.format(count=...)`` it)."""
    return translations(current()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for extraction without translating it now (it is translated where shown)."""
    return message


@functools.lru_cache(maxsize=len(LANGUAGES))
def _locale(code: str) -> Locale:
    return Locale.parse(LANGUAGES[code].locale)


def number(value: float) -> str:
    """A number written for the current locale (``1,234`` in English, Chinese and Uyghur alike).

    Counts are formatted on every rerun, so whole numbers take a fast path with the
    locale's own grouping symbol (all three locales group by thousands).
    """
    locale = _locale(current())
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", locale.number_symbols["latn"]["group"])
    return format_decimal(value, locale=locale)


def date(text: str) -> str:
    """An ISO date or partial date (``2023``, ``2023-08``, ``2023-08-22``) written for the current locale."""
    return _date(text, current())


@functools.lru_cache(maxsize=4096)
def _date(text: str, code: str) -> str:
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        value = dt.date(numbers[0], numbers[1] if len(numbers) > 1 else 1, numbers[2] if len(numbers) > 2 else 1)
    except (ValueError, IndexError):
        return text
    skeleton = {1: "y", 2: "yMMM", 3: "yMMMd"}.get(len(parts))
    return format_skeleton(skeleton, value, locale=_locale(code)) if skeleton else text


def language_name(code: str) -> str:
    """A language's name in itself (for the language switch)."""
    return LANGUAGES[code].name
