"""One cache shape used across the package: a value computed once per loaded dataset.

Keyed weakly by the :class:`~geo.dataset.Dataset` object (compared by identity), so a
reloaded dataset gets fresh values and a dropped one frees them. Cached values are shared
by every Streamlit session and must be treated as read-only.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from geo.dataset import Dataset

T = TypeVar("T")


def per_dataset(build: Callable[[Dataset], T]) -> Callable[[Dataset], T]:
    """Decorate ``build(data)`` so it runs once per dataset object."""
    cache: weakref.WeakKeyDictionary[Dataset, T] = weakref.WeakKeyDictionary()

    @functools.wraps(build)
    def cached(data: Dataset) -> T:
        if data not in cache:
            cache[data] = build(data)
        return cache[data]

    return cached
