/*
 * The map's frame and the page around it: the map's view reported to the page, and links that open a
 * place's detail view.
 *
 * After each pan or zoom the map tells the page its view (page.js, geo.reportView), which shows it in
 * the address and hands it to the server: the view survives a reload and can be shared, and only the
 * page's small channel reruns for it. The map's frame is sandboxed without top navigation, so a
 * popup's "Open the detail view" link asks the page to open the place in this session; a standalone
 * file, with no page around it, follows the link.
 */
(function (geo) {
  "use strict";

  /** The page around this frame, when it is this app's (same origin, with page.js loaded); else null. */
  geo.page = function () {
    try {
      if (window.parent !== window && window.parent.geo && window.parent.geo.reportView) return window.parent;
    } catch {
      // another origin: not the app's page
    }
    return null;
  };

  /** Tell the page the map's view after each pan or zoom (the page writes it; see page.js). */
  geo.reportViewToPage = function (map) {
    map.on("moveend", function () {
      var page = geo.page();
      if (page) page.geo.reportView(map.getCenter(), map.getZoom());
    });
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

  /**
   * A press on the map focuses it for the arrow keys (Leaflet's keyboard handler) without scrolling the page: a
   * page whose map is partly off screen would otherwise scroll between press and release, and the click would
   * land beside the ring or badge the visitor pressed.
   */
  geo.focusWithoutScrolling = function (map) {
    var keyboard = map.keyboard;
    if (!keyboard) return;
    var enabled = keyboard.enabled();
    keyboard.disable();  // its listeners were bound when enabled: replace the handler, then bind again
    keyboard._onMouseDown = function () {
      if (!this._focused) this._map.getContainer().focus({preventScroll: true});
    };
    if (enabled) keyboard.enable();
  };

  /**
   * Open a place's detail view in the page, in this session (the frame may not navigate the page); in a
   * standalone file, follow the link. A click with a modifier is the browser's (a new tab or window).
   */
  geo.openLinksInPage = function (map) {
    // capture: Leaflet stops clicks inside a popup from bubbling up to the map
    map.getContainer().addEventListener("click", function (event) {
      var page = geo.page(), intent = page && page.geo.intentOf(event);
      if (!intent) return;
      event.preventDefault();
      if (!page.geo.go(intent)) page.location.assign(event.target.closest("a").getAttribute("href"));
    }, true);
  };
})(globalThis.geo = globalThis.geo || {});
