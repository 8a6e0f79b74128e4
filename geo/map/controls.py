"""What sits on the map besides layers: the legend control, a reset-view button, place labels, fit-to-results.

:class:`MapControls` is part of the base map and installs them once (``geo/frontend/controls.js``,
labels placed by ``labels.js``). A view of the claims (:class:`geo.map.elements.ClaimLayers`) only
calls them with data, so a filter change sends data, not code, and labels are placed in the
browser, where text sizes are known: each shown place's name in the page's language (escaped on
the server) and the names of shaded provinces, in priority order (the article's places first),
beside their ring, on the first side that overlaps no placed label and no other place's ring; a
label that fits nowhere is left out at that zoom and returns when the user zooms in.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.language import i18n
from geo.language.i18n import _
from geo.map.elements import ClientCall, json_argument
from geo.rules.drawing import FIT_MAX_ZOOM, View
from geo.style import LABEL_PANE, LABEL_PANE_Z

#: The legend starts open on maps at least this wide (CSS px), folded on phones.
LEGEND_OPEN_WIDTH = 700


class MapControls(ClientCall):
    """Installs the legend control, the reset-view button and the label layer on the map (``geo.addControls``)."""

    function = "addControls"

    def __init__(self, home: View) -> None:
        super().__init__()
        self._name = "MapControls"
        language = i18n.language()
        self.options = {
            "text": {"legend": _("Legend"), "reset": _("Reset view"), "lang": language.html_lang,
                     "dir": language.direction, "playLabel": _("Play through the years"), "play": _("Play"),
                     "pause": _("Pause"), "stop": _("Stop: show every year"), "speed": _("Speed"),
                     "upTo": _("Claims by {year}: {count}")},
            "home": {"center": list(home.center), "zoom": home.zoom},
            "labelPane": LABEL_PANE,
            "labelZ": LABEL_PANE_Z,
            "fitMaxZoom": FIT_MAX_ZOOM,
            "legendOpenWidth": LEGEND_OPEN_WIDTH,
        }  # fmt: skip

    def argument_list(self) -> Sequence[str]:
        """The map, then the options (texts, home view, label pane, fit limit)."""
        return [self._parent.get_name(), json_argument(self.options)]
