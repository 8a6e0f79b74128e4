/*
 * The page's address: pure rules (node --test runs them) for the map's view as the address writes it.
 *
 * The server writes the whole address from one state (geo/page/state.py), with the map's view last.
 * When the map moves, the page puts the new view in place of the old one, last, leaving every other
 * parameter exactly as the server wrote it, then tells the server (page.js, geo.reportView): the
 * address the server then writes is the one already shown, so a pan adds no step to the browser's
 * history. This file holds no "less than" sign: the page runs it through st.html, whose sanitiser
 * drops a script that seems to hold a tag.
 */
(function (geo) {
  "use strict";

  /** Longitude folded into -180..180 (the map may have been panned around the world). */
  geo.foldLongitude = function (lng) {
    return ((lng + 180) % 360 + 360) % 360 - 180;
  };

  /**
   * The view as the address writes it, under the parameter `names` (geo/urls.py's VIEW): latitude and longitude to 3 decimals (about 100 m), the zoom
   * as a whole number; null when it is no view the server takes (latitude beyond 90, zoom out of 1..18).
   */
  geo.viewText = function (center, zoom, names) {
    var lat = center.lat, lng = geo.foldLongitude(center.lng), view = {};
    var inRange = isFinite(lat) && isFinite(lng) && !(Math.abs(lat) > 90) && zoom >= 1 && !(zoom > 18);
    if (!inRange || Math.round(zoom) !== zoom) return null;
    view[names[0]] = lat.toFixed(3);
    view[names[1]] = lng.toFixed(3);
    view[names[2]] = String(zoom);
    return view;
  };

  /**
   * The query `search` ("?a=1&lat=…") with the view parameters `names` (lat, lng, zoom) taken out and
   * `view` written last: the other parameters keep their order and their encoding byte for byte.
   */
  geo.withViewLast = function (search, view, names) {
    var kept = geo.withoutView(search, names);
    var pairs = kept ? [kept] : [];
    names.forEach(function (name) { pairs.push(name + "=" + view[name]); });
    return "?" + pairs.join("&");
  };

  /** The query `search` without its view parameters `names` and without "?": the address a view is seen at. */
  geo.withoutView = function (search, names) {
    return search.replace(/^\?/, "").split("&").filter(function (pair) {
      return pair && names.indexOf(decodeURIComponent(pair.split("=")[0])) === -1;
    }).join("&");
  };
})(globalThis.geo = globalThis.geo || {});
