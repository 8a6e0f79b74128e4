/*
 * The map's frame and the page around it: the view written into the page's URL, and links that
 * open a place's detail view.
 *
 * After each pan or zoom the map writes its view into the page's URL with history.replaceState:
 * the view survives a reload and can be shared, and the app never reruns for it. The map's frame
 * is sandboxed without top navigation, so a popup's "Open the detail view" link asks the page to
 * open it (page.js); a standalone file, with no page around it, follows the link.
 */
(function (geo) {
  "use strict";

  /** The page around this frame, when it is this app's (same origin, with page.js loaded); else null. */
  geo.page = function () {
    try {
      if (window.parent !== window && window.parent.geo && window.parent.geo.openPlace) return window.parent;
    } catch {
      // another origin: not the app's page
    }
    return null;
  };

  /**
   * Write the view into the page's URL after each pan or zoom, under the parameter `names` (lat, lng,
   * zoom). `geo.writeView(true)` writes it again where the URL already holds a view: the page calls it
   * after each run, because Streamlit writes the URL from the query it knows, which lacks the map's moves.
   */
  geo.writeViewToPage = function (map, names) {
    geo.writeView = function (onlyOverAView) {
      var page = geo.page();
      if (!page) return;
      if (onlyOverAView && !new URL(page.location.href).searchParams.has(names[2])) return;
      var url = geo.withView(page.location.href, map.getCenter(), map.getZoom(), names);
      if (url !== page.location.href) page.history.replaceState(page.history.state, "", url);
    };
    map.on("moveend", function () { geo.writeView(false); });
  };

  /** Open links to a place's detail view in the page (the frame may not navigate it); anywhere else, follow them. */
  geo.openLinksInPage = function (map) {
    // capture: Leaflet stops clicks inside a popup from bubbling up to the map
    map.getContainer().addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-place]") : null;
      var page = geo.page();
      if (!link || !page) return;
      event.preventDefault();
      page.geo.openPlace(link.getAttribute("href"));
    }, true);
  };
})(globalThis.geo = globalThis.geo || {});
