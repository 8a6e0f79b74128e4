"""What sits on the map besides layers: the legend control, a reset-view button, place labels, fit-to-results.

:class:`MapControls` is part of the base map and installs them once, with three functions
on ``window``: ``geoSetLegend(html)``, ``geoSetLabels(items)`` and ``geoFit(target)``. A
view of the claims (:class:`geo.map.elements.ClaimLayers`) only calls them with data, so a
filter change sends data, not code, and labels are placed in the browser, where text
sizes are known.

Labels: each shown place's name in the page's language (escaped on the server), and the
names of shaded provinces. At each zoom they are placed in priority order (the article's
places first) beside their ring, on the first side that overlaps no placed label and no
other place's ring; a label that fits nowhere is left out at that zoom and returns when
the user zooms in.
"""

from __future__ import annotations

from jinja2 import Template

from geo import frontend, i18n
from geo.drawing import FIT_MAX_ZOOM
from geo.i18n import _
from geo.map.elements import ScriptElement
from geo.style import LABEL_PANE_Z


class MapControls(ScriptElement):
    """Installs the legend control, the reset-view button and the label layer on the map."""

    _template = Template("{% macro script(this, kwargs) %}\n" + frontend.text("controls.js") + "{% endmacro %}")

    def __init__(self, center: tuple[float, float], zoom: int) -> None:
        super().__init__()
        self._name = "MapControls"
        self.label_z = LABEL_PANE_Z
        language = i18n.language()
        self.text = {"legend": _("Legend"), "reset": _("Reset view"), "lang": language.html_lang,
                     "dir": language.direction}  # fmt: skip
        self.home = {"center": list(center), "zoom": zoom}
        self.fit_max_zoom = FIT_MAX_ZOOM
