/*
 * Where map labels go: pure functions, no Leaflet and no DOM (node --test runs them).
 *
 * Each item is a label: an escaped `text` at (`lat`, `lon`) with a `priority`, beside a ring of
 * outer radius `r` px (0 for an area's name, centred on its point or on one of its `alts`).
 * Labels are placed in priority order, on the first spot that stays on the map and overlaps
 * no placed label and no other place's ring; a label that fits nowhere waits for a closer zoom.
 */
(function (geo) {
  "use strict";

  var GAP = 3;  // px between a ring and its label
  var HEIGHT = {major: 19, minor: 17};

  /** Whether two boxes {x, y, w, h} overlap. */
  geo.overlaps = function (a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  };

  /** The spots a label may take, best first: beside its ring (right, left, above, below, corners), or its area's points. */
  geo.labelSpots = function (item, width, height) {
    var w = width, h = height, g = (item.r || 0) + GAP;
    if (item.r) {
      return [[g, -h / 2], [-g - w, -h / 2], [-w / 2, -g - h], [-w / 2, g], [g, -g - h], [-g - w, -g - h], [g, g],
        [-g - w, g]].map(function (d) { return {at: [item.lat, item.lon], d: d}; });
    }
    return [[item.lat, item.lon]].concat(item.alts || []).map(function (at) { return {at: at, d: [-w / 2, -h / 2]}; });
  };

  /**
   * Place labels. `project([lat, lon])` gives a container point {x, y}; `size` is the map's {x, y};
   * `measure(item)` the label's width in px; `blocked`, boxes no label may cover (the legend). Returns
   * [{item, at, d, box}] for the labels placed.
   */
  geo.placeLabels = function (items, project, size, measure, blocked) {
    var taken = (blocked || []).slice(), placed = [];
    var rings = geo.ringBoxes(items, project);
    items.slice().sort(function (a, b) { return b.priority - a.priority; }).forEach(function (it) {
      var w = measure(it), h = it.major ? HEIGHT.major : HEIGHT.minor;
      geo.labelSpots(it, w, h).some(function (spot) {
        var p = project(spot.at);
        var box = {x: p.x + spot.d[0], y: p.y + spot.d[1], w: w, h: h};
        if (box.x < 0 || box.y < 0 || box.x + w > size.x || box.y + h > size.y) return false;
        if (taken.some(function (t) { return geo.overlaps(box, t); })) return false;
        if (rings.some(function (c) { return c.id !== it.id && geo.overlaps(box, c); })) return false;
        taken.push(box);
        placed.push({item: it, at: spot.at, d: spot.d, box: box});
        return true;
      });
    });
    return placed;
  };

  /** The boxes {x, y, w, h} of the rings among `items` (those with a radius `r`), in container px. */
  geo.ringBoxes = function (items, project) {
    return items.filter(function (it) { return it.r; }).map(function (it) {
      var p = project([it.lat, it.lon]);
      return {x: p.x - it.r, y: p.y - it.r, w: 2 * it.r, h: 2 * it.r, id: it.id};
    });
  };

  /**
   * Where the legend goes so that it covers nothing: `spots` are the candidates in order of preference,
   * each {corner, form, box} (the legend's box there, open, shorter or folded), and `boxes` what it must not
   * cover (rings, and labels as placed without it); the first spot that covers none wins. With none
   * free, the spot covering the fewest (the later, smaller one on a tie). Labels are then placed
   * around the legend, so a label it would cover moves or waits for a closer zoom.
   */
  geo.legendSpot = function (spots, boxes) {
    var best = null, fewest = Infinity;
    for (var i = 0; i < spots.length; i++) {
      var covered = geo.covered(spots[i].box, boxes);
      if (covered === 0) return spots[i];
      if (covered <= fewest) { best = spots[i]; fewest = covered; }
    }
    return best;
  };

  /** How many of `boxes` the box `box` overlaps. */
  geo.covered = function (box, boxes) {
    return boxes.filter(function (other) { return geo.overlaps(box, other); }).length;
  };

  /** The text a label measures as: entities count as one character (the text is escaped HTML). */
  geo.measuredText = function (text) {
    return text.replace(/&[^;]+;/g, "x");
  };
})(globalThis.geo = globalThis.geo || {});
