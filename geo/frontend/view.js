/*
 * Which view the map shows: pure rules (node --test runs them).
 *
 * The page hands the map a message {key, view, fit} after every run: `view` is what the filters
 * show (rings, popups, shading, labels, legend), `key` a hash of it, and `fit` where to move
 * ("home", bounds, or null to stay). The map redraws only when the view is new and moves only when
 * it is told to.
 */
(function (geo) {
  "use strict";

  /**
   * What to do with `message` when the map shows `last`: {redraw, fit}; null when it is the same message.
   * The map moves only when the target changes (the filters did): a rerun with the same filters leaves
   * the map where the reader put it.
   */
  geo.viewChange = function (last, message) {
    if (!message || message === last) return null;
    var fit = message.fit || null;
    if (last && JSON.stringify(last.fit || null) === JSON.stringify(fit)) fit = null;
    return {redraw: !(last && last.key === message.key), fit: fit};
  };

  /** The distinct years the view's dated claims start in, oldest first (what Play steps through). */
  geo.playYears = function (view) {
    var seen = {};
    Object.keys(view.years || {}).forEach(function (id) { seen[view.years[id]] = true; });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  };

  /**
   * The part of `view` dated up to `year` (null: all of it), with `count` the claims in it: rings,
   * popups' claim lists, shaded provinces and labels keep only claims that start by then (undated
   * claims drop out, as with the year filter). Nested rings keep their place in the nesting.
   */
  geo.viewUpTo = function (view, year) {
    var years = view.years || {};
    if (year === null || year === undefined) {
      return Object.assign({}, view, {count: Object.keys(years).length});
    }
    var dated = function (id) { return years[id] !== undefined && years[id] <= year; };
    var popups = {}, sourcesAt = {}, provinces = {}, counted = {};
    Object.keys(view.popups).forEach(function (pid) {
      var groups = view.popups[pid].groups.map(function (g) { return [g[0], g[1].filter(dated)]; })
        .filter(function (g) { return g[1].length; });
      if (!groups.length) return;
      popups[pid] = Object.assign({}, view.popups[pid], {groups: groups});
      sourcesAt[pid] = groups.map(function (g) { return g[0]; });
      groups.forEach(function (g) { g[1].forEach(function (id) { counted[id] = true; }); });
    });
    Object.keys(view.provinces).forEach(function (code) {
      var claims = view.provinces[code].claims.filter(dated);
      if (!claims.length) return;
      provinces[code] = Object.assign({}, view.provinces[code], {claims: claims});
      claims.forEach(function (id) { counted[id] = true; });
    });
    Object.keys(years).forEach(function (id) { if (years[id] <= year) counted[id] = true; });
    return Object.assign({}, view, {
      rings: view.rings.filter(function (r) { return sourcesAt[r[0]] && sourcesAt[r[0]].indexOf(r[1]) >= 0; }),
      popups: popups,
      provinces: provinces,
      labels: view.labels.filter(function (l) { return popups[l.id] || provinces[l.id]; }),
      count: Object.keys(counted).length
    });
  };

  /** Whether the map at (`center`, `zoom`) already shows the `home` view {center: [lat, lon], zoom}. */
  geo.isHome = function (center, zoom, home) {
    return zoom === home.zoom && Math.abs(center.lat - home.center[0]) <= 1e-6 &&
      Math.abs(center.lng - home.center[1]) <= 1e-6;
  };
})(globalThis.geo = globalThis.geo || {});
