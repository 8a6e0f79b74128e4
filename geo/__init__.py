"""Mapping the places, claims and sources of one article on Hikvision surveillance of Uyghurs.

Ground-level modules hold the data and the rules everything shares (``readers``,
``validate``, ``dataset``, ``filters``, ``urls``, ``style``, ``provinces``, ``citations``,
``render``, ...); the subpackages build on them: ``geo.map`` (the interactive map),
``geo.export`` (files), ``geo.upload`` (a researcher's own layer) and ``geo.page`` (what
a page shows). ``dashboard.py`` is the only code that imports Streamlit.
"""

__version__ = "0.3.0"
