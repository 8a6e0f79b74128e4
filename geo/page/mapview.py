"""The map the page shows: the element (the same on every rerun), the visitor's layer beside it, the view handed over.

The façade of :mod:`geo.map` and :mod:`geo.upload.layer` for ``sections/widgets.py``.
"""

from __future__ import annotations

from geo.map.assembly import app_map
from geo.map.handoff import view_script
from geo.upload.layer import upload_layers

__all__ = ["app_map", "upload_layers", "view_script"]
