/*
 * The page's address: pure functions that write the map's view and the page's own parameters into
 * a URL (node --test runs them). Used in the map's frame (the view, after each pan or zoom) and
 * in the page (the open place, after each run). This file holds no "less than" sign: the page runs
 * it through st.html, whose sanitiser drops a script that seems to hold a tag.
 */
(function (geo) {
  "use strict";

  /**
   * `href` with the map view written in: latitude and longitude to 3 decimals (about 100 m), then the
   * zoom, under the parameter `names` the app gives (geo/urls.py's VIEW).
   */
  geo.withView = function (href, center, zoom, names) {
    var url = new URL(href);
    url.searchParams.set(names[0], center.lat.toFixed(3));
    url.searchParams.set(names[1], center.lng.toFixed(3));
    url.searchParams.set(names[2], String(zoom));
    return url.toString();
  };

  /** `href` with each of `params` set, or removed where its value is null; the other parameters stay. */
  geo.withParams = function (href, params) {
    var url = new URL(href);
    Object.keys(params).forEach(function (key) {
      if (params[key] === null || params[key] === undefined) url.searchParams.delete(key);
      else url.searchParams.set(key, params[key]);
    });
    return url.toString();
  };

  /** Whether `href` is a link to this app's own page (a root-relative query, as the app writes them). */
  geo.isAppLink = function (href) {
    return typeof href === "string" && href.indexOf("/?") === 0;
  };
})(globalThis.geo = globalThis.geo || {});
