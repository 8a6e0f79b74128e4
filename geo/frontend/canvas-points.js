/*
 * A researcher's uploaded points: drawn in one pass on one canvas, any number of them.
 *
 * Coordinates come as binary (base64 of little-endian float32 arrays: no JSON numbers to parse),
 * the popup fields as columns (each field's escaped values joined by one separator). No Leaflet
 * object per point: a 100,000-point layer is two typed arrays, drawn as one path on every move
 * and searched for the nearest point on a click; a point's popup table is built when it is clicked.
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

  /** The numbers in a base64 string of little-endian float32 values (the server packs them so). */
  geo.decodeFloats = function (text) {
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Float32Array(bytes.buffer);
  };

  /** The index of the point nearest (x, y) within `reach` pixels, or -1: xs, ys are the points on screen. */
  geo.nearestPoint = function (xs, ys, x, y, reach) {
    var best = -1, bestDistance = reach * reach;
    for (var i = 0; i < xs.length; i++) {
      var dx = xs[i] - x, dy = ys[i] - y, distance = dx * dx + dy * dy;
      if (distance <= bestDistance) { best = i; bestDistance = distance; }
    }
    return best;
  };

  /** Every point on one canvas in the map's pane; redrawn after each move, hidden while a zoom animates. */
  geo.PointsLayer = globalThis.L ? L.Layer.extend({
    initialize: function (lat, lon, options, popup) {
      this.lat = lat;
      this.lon = lon;
      this.style = options;
      this.popup = popup;
      this.drawn = 0;  // points placed by the last draw (tests and benchmarks wait for all of them)
      this.xs = new Float32Array(lat.length);
      this.ys = new Float32Array(lat.length);
    },
    onAdd: function (map) {
      this.canvas = L.DomUtil.create("canvas", "geo-upload-points leaflet-zoom-hide", map.getPane(this.style.pane));
      this.canvas.style.pointerEvents = "none";  // what is below stays clickable: a click is matched by distance
      this.onClick = this.click.bind(this);
      map.getContainer().addEventListener("click", this.onClick, true);  // before Leaflet's own handlers
      map.on("moveend zoomend resize viewreset", this.draw, this);
      this.draw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this.draw, this);
      map.getContainer().removeEventListener("click", this.onClick, true);
      L.DomUtil.remove(this.canvas);
      this.drawn = 0;
    },
    draw: function () {
      var map = this._map, size = map.getSize(), ratio = globalThis.devicePixelRatio || 1, style = this.style;
      var canvas = this.canvas, context = canvas.getContext("2d"), radius = style.radius;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      context.scale(ratio, ratio);
      context.beginPath();
      for (var i = 0; i < this.lat.length; i++) {
        var point = map.latLngToContainerPoint([this.lat[i], this.lon[i]]);
        this.xs[i] = point.x;
        this.ys[i] = point.y;
        if (point.x < -radius || point.y < -radius || point.x > size.x + radius || point.y > size.y + radius) continue;
        context.moveTo(point.x + radius, point.y);
        context.arc(point.x, point.y, radius, 0, 2 * Math.PI);
      }
      context.globalAlpha = style.fillOpacity;
      context.fillStyle = style.colour;
      context.fill();
      context.globalAlpha = 1;
      context.lineWidth = style.weight;
      context.strokeStyle = style.colour;
      context.stroke();
      this.drawn = this.lat.length;
    },
    /** A click near one of the points opens its popup (and goes no further); any other click goes on as usual. */
    click: function (event) {
      var map = this._map, at = map.mouseEventToContainerPoint(event);
      if (event.target.closest(".leaflet-control-container, .leaflet-popup-pane")) return;  // a button, a popup
      var row = geo.nearestPoint(this.xs, this.ys, at.x, at.y, this.style.radius + this.style.weight + 2);
      if (row < 0) return;
      event.stopPropagation();
      L.popup().setLatLng([this.lat[row], this.lon[row]]).setContent(this.popup(row)).openOn(map);
    }
  }) : null;

  geo.addCanvasPoints = function (group, data, options) {
    var columns = data.columns.map(function (c) { return c.split(options.separator); });
    var points = new geo.PointsLayer(geo.decodeFloats(data.lat), geo.decodeFloats(data.lon), options, function (row) {
      return geo.uploadPopup(data, columns, row);
    });
    points.addTo(group);
    geo.uploadedPoints = points;
    return points;
  };
})(globalThis.geo = globalThis.geo || {});
