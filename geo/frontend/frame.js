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

  /**
   * A briefing's map fills its frame, whose height follows the window (the page's stylesheet sizes it):
   * the frame's stylesheet then sizes the map by the frame, not by the height it was made with.
   */
  geo.fillFrameInBriefing = function () {
    try {
      var frame = window.frameElement;
      if (frame && frame.closest && frame.closest(".st-key-briefing_map")) document.documentElement.classList.add("geo-fill");
    } catch {
      // another origin: the map keeps the height it was made with
    }
  };

  /** The height an embedded map asks for at `width` px: landscape on wide pages, taller on phones (px). */
  geo.embedHeight = function (width) {
    return Math.max(420, Math.min(760, Math.round(width * 0.62)));
  };

  /**
   * Embedded in another site's page (the static site's map in an iframe), tell that page the height
   * this map wants, as newsroom embeds do: {sender: EMBED_SENDER, type: "embed-size", height}, and
   * the AMP form. The app's own frame (inside the app's page) says nothing.
   */
  geo.tellEmbedderHeight = function () {
    if (window.parent === window || geo.page()) return;
    var tell = function () {
      var height = geo.embedHeight(document.documentElement.clientWidth);
      window.parent.postMessage({sender: geo.EMBED_SENDER, type: "embed-size", height: height}, "*");
      window.parent.postMessage({sentinel: "amp", type: "embed-size", height: height}, "*");
    };
    tell();
    window.addEventListener("resize", tell);
  };
  geo.EMBED_SENDER = "hikvision-uyghur-map";

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
