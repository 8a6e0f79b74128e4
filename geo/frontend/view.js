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

  /** Whether the map at (`center`, `zoom`) already shows the `home` view {center: [lat, lon], zoom}. */
  geo.isHome = function (center, zoom, home) {
    return zoom === home.zoom && Math.abs(center.lat - home.center[0]) <= 1e-6 &&
      Math.abs(center.lng - home.center[1]) <= 1e-6;
  };
})(globalThis.geo = globalThis.geo || {});
