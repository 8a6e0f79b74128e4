(function () {
  var data = JSON.parse({{ this.payload_literal }});  // a string + JSON.parse compiles far faster than a 100k-row literal
  var columns = data.columns.map(function (c) { return c.split({{ this.separator|tojson }}); });
  var renderer = L.canvas({padding: 0.5, pane: {{ this.pane|tojson }}});  // a pane above shaded provinces
  var style = {radius: 3, weight: 1, color: {{ this.colour|tojson }}, fillColor: {{ this.colour|tojson }},
               fillOpacity: 0.7, renderer: renderer};
  var popup = function (layer) {
    var row = layer.options.row, html = "<table class='upload-popup'>";
    for (var k = 0; k < data.fields.length; k++) {
      html += "<tr><th style='text-align:left;padding-right:6px'>" + data.fields[k] + "</th><td>" + columns[k][row] + "</td></tr>";
    }
    return html + "</table><div style='color:#666;font-size:11px'>" + data.attribution + "</div>";
  };
  var group = L.featureGroup();  // one popup for the whole layer, not one per point
  for (var i = 0; i < data.lat.length; i++) {
    var marker = L.circleMarker([data.lat[i], data.lon[i]], style);
    marker.options.row = i;
    group.addLayer(marker);
  }
  group.bindPopup(popup);
  group.addTo({{ this._parent.get_name() }});
})();
