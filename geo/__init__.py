"""Mapping the places, claims and sources of one article on Hikvision surveillance of Uyghurs.

The package is in wings, each a folder with one job, bottom to top (a module imports its own wing and
the ones below it; ``tests/test_architecture.py`` checks the order):

- the root: ``settings``, ``errors``, ``style`` (colour tokens), ``urls`` (every URL rule);
- ``language``: catalogs, scripts, direction, glossary;
- ``frontend``: the browser's code, as real files;
- ``evidence``: the tables, read, validated and loaded;
- ``rules``: what the evidence means on a map (drawing, labels, filters, citations, briefings);
- ``html``: markup made from escaped text;
- ``map``: the interactive map;
- ``export`` and ``upload``: files, and a researcher's own layer;
- ``build``: the boundary and font builds;
- ``page``: what a page shows, the only part the Streamlit layer (``dashboard.py``, ``sections/``) imports.

No module in ``geo`` imports Streamlit.
"""

__version__ = "0.4.1"
