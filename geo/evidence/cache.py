"""One cache shape used across the package: a value computed once per loaded dataset and language.

Keyed weakly by the :class:`~geo.evidence.dataset.Dataset` object (compared by identity), so a
reloaded dataset gets fresh values and a dropped one frees them, and by the current
interface language (:func:`geo.language.i18n.current`), so text built for one language is never
shown in another. Cached values are shared by every Streamlit session and must be treated
as read-only.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from geo.language import i18n

if TYPE_CHECKING:
    from geo.evidence.dataset import Dataset

T = TypeVar("T")


def per_dataset(
    build: Callable[[Dataset], T] | None = None, *, by_language: bool = True
) -> Callable[[Dataset], T] | Callable[[Callable[[Dataset], T]], Callable[[Dataset], T]]:
    """Decorate ``build(data)`` so it runs once per dataset object (and interface language).

    ``by_language=False`` is for values with no text for readers (shapes, numbers): one
    value serves every language. The decorated function also has ``stored(data)`` and
    ``prime(data, values)``, so :mod:`geo.page.startup` can keep a first page's work on disk.
    """

    def decorate(function: Callable[[Dataset], T]) -> Callable[[Dataset], T]:
        cache: weakref.WeakKeyDictionary[Dataset, dict[str, T]] = weakref.WeakKeyDictionary()

        @functools.wraps(function)
        def cached(data: Dataset) -> T:
            by_key = cache.setdefault(data, {})
            key = i18n.current() if by_language else ""
            if key not in by_key:
                by_key[key] = function(data)
            return by_key[key]

        def stored(data: Dataset) -> dict[str, T]:
            """What is cached for ``data``, by language ("" when one value serves all): to keep on disk."""
            return dict(cache.get(data, {}))

        def prime(data: Dataset, values: dict[str, T]) -> None:
            """Put values made earlier (:func:`stored`, read back from disk) in the cache for ``data``."""
            cache.setdefault(data, {}).update(values)

        cached.stored, cached.prime = stored, prime  # type: ignore[attr-defined]
        return cached

    return decorate(build) if build is not None else decorate
