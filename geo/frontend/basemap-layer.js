/*
 * A basemap layer (geo/rules/drawing.py's BASEMAP): fetched once from this app's static files, or given
 * inline in a standalone file, and drawn on its own canvas in its own pane.
 *
 * The layers arrive in any order, so each draws in a pane at its own `zIndex` (below Leaflet's
 * overlay pane, 400, where the rings are): the stacking never depends on which download finishes
 * first. A canvas draws thousands of border vertices cheaply; the layer fills in after the page's
 * first paint, so the rings come first.
 *
 * options: {url, style, pane, zIndex, interactive, tooltip}; `data` (a FeatureCollection) instead of
 * the url in standalone files.
 */
(function (geo) {
  "use strict";

  geo.addBasemapLayer = function (map, options, data) {
    if (!map.getPane(options.pane)) map.createPane(options.pane).style.zIndex = options.zIndex;
    var layer = L.geoJson(null, {
      style: options.style, interactive: options.interactive, pane: options.pane,
      renderer: L.canvas({pane: options.pane, padding: 0.5})
    });
    if (options.tooltip) layer.bindTooltip(options.tooltip, {sticky: true});
    layer.addTo(map);
    var fill = function (collection) {
      requestAnimationFrame(function () { setTimeout(function () { layer.addData(collection); }, 0); });
    };
    if (data) fill(data);
    else fetch(options.url).then(function (r) { return r.json(); }).then(fill);
    return layer;
  };
})(globalThis.geo = globalThis.geo || {});
