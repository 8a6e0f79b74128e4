"""Mapping the places, claims and sources of one article on Hikvision surveillance of Uyghurs.

Topic modules: :mod:`geo.load` (the loading API), :mod:`geo.validate` (checks),
:mod:`geo.boundaries` (boundary build), :mod:`geo.settings`, :mod:`geo.errors`.
"""

__version__ = "0.1.0"
