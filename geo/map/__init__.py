"""The interactive map, for the app and for standalone files.

The base map (``basemap``, ``shapes``, ``assets``), the claims' model and views
(``overlays``), the elements that call the client code (``elements``, ``controls``), the
hand-off of a view (``handoff``) and one assembly (``assembly``). Popups and the legend are
markup (``geo.html.escape``).
"""
