/*
 * A researcher's uploaded points: circle markers on one canvas renderer, any number of them.
 *
 * The rows come as columns (coordinates, and each popup field's escaped values joined by one
 * separator, so a 100k-row layer is a few strings); a point's popup table is built when it is
 * clicked. One popup for the whole group, not one per point.
 *
 * data: {fields, lat, lon, columns, attribution}; options: {separator, pane, colour, radius, weight,
 * fillOpacity}.
 */
(function (geo) {
  "use strict";

  /** The popup of row `row`: a table of its fields, then the layer's attribution (all escaped on the server). */
  geo.uploadPopup = function (data, columns, row) {
    var cells = data.fields.map(function (field, k) {
      return "<tr><th>" + field + "</th><td>" + columns[k][row] + "</td></tr>";
    });
    return "<table class=\"geo-upload-popup\">" + cells.join("") + "</table><div class=\"geo-attribution\">" +
      data.attribution + "</div>";
  };

  geo.addCanvasPoints = function (group, data, options) {
    var columns = data.columns.map(function (c) { return c.split(options.separator); });
    var style = {radius: options.radius, weight: options.weight, color: options.colour, fillColor: options.colour,
      fillOpacity: options.fillOpacity, renderer: L.canvas({padding: 0.5, pane: options.pane})};
    var points = L.featureGroup();
    for (var i = 0; i < data.lat.length; i++) {
      var marker = L.circleMarker([data.lat[i], data.lon[i]], style);
      marker.options.row = i;
      points.addLayer(marker);
    }
    points.bindPopup(function (layer) { return geo.uploadPopup(data, columns, layer.options.row); });
    points.addTo(group);
    return points;
  };
})(globalThis.geo = globalThis.geo || {});
