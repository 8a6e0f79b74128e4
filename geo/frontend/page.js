/*
 * The app's page (not the map's frame): its language and direction, the view handed to the map after
 * every run, the briefing's keys, and the visitor's moves, which stay in this browser session.
 *
 * The page never navigates away to move the visitor: a link to a place or a step (`data-place`,
 * `data-step`) and the map's view go to the server through the page's channel (channel.js, a
 * Streamlit component), which answers with the new state in the same session, so an uploaded layer
 * and a presenter's own steps stay. A plain click moves within the page; a click with a modifier
 * (a new tab, a new window) is the browser's, as for any link. While the visitor has work in hand,
 * leaving the page asks first.
 *
 * Runs through st.html, whose sanitiser drops a script that seems to hold a tag: this file, like
 * url.js, holds no "less than" sign.
 */
(function (geo) {
  "use strict";

  var MAP_FRAME = "iframe[title=\"streamlit_folium.st_folium\"]";

  /** Say the page's language and direction (screen readers, fonts; the stylesheet lays out right to left). */
  geo.setPageLanguage = function (lang, dir) {
    document.documentElement.lang = lang;
    document.documentElement.dataset.geoDir = dir;
  };

  /**
   * Hand the map a view (see view.js). message: {key, view, fit, work, viewNames, at}; `work` says whether
   * the visitor has work in hand (an uploaded layer, own briefing steps) that leaving would lose,
   * `viewNames` (the explorer only) the address's names for the map's view, and `at` the address the
   * message was made for.
   */
  geo.handView = function (message) {
    geo.view = message;
    if (geo.arrived(message, location.search)) geo.moving = false;  // the map's moves are the visitor's again
    geo.hasWork = Boolean(message.work);
    geo.viewNames = message.viewNames || null;  // the explorer's map reports its view; a briefing's does not
    document.querySelectorAll(MAP_FRAME).forEach(function (frame) {
      try {
        var map = frame.contentWindow && frame.contentWindow.geo;
        if (map && map.applyView) map.applyView(message);
      } catch {
        // a map from another origin reads geo.view when it starts
      }
    });
  };

  /**
   * The map moved: its view replaces the old one, last, in the address (no new step in the browser's
   * history), and goes to the server with the address it was seen at, which writes the same address
   * from its state (a late report, from an address the visitor has left with Back, is not taken).
   * While the page moves elsewhere (a link, Back, Forward) until it arrives, the map's moves are not
   * reported: they belong to the page being left, and would land on the entry being arrived at. In a briefing step
   * (which frames its own map) or without a channel, nothing is written.
   */
  geo.reportView = function (center, zoom) {
    var names = geo.viewNames, view = names && geo.viewText(center, zoom, names);
    if (!view || !geo.sendView || geo.moving) return;
    var at = geo.withoutView(location.search, names);  // the address the view was seen at: the server checks it
    var search = geo.withViewLast(location.search, view, names);
    if (search !== location.search) history.replaceState(history.state, "", location.pathname + search + location.hash);
    geo.sendView(Object.assign({at: at}, view));
  };

  /**
   * Whether a message was made for the address the page is at (its query without the map's view): a
   * message of the page being left, arriving after Back or a link, is not the arrival.
   */
  geo.arrived = function (message, search) {
    var skipped = (message.viewNames || []).concat(message.notOurs || []);  // Streamlit keeps its own (embed)
    return typeof message.at !== "string" || message.at === geo.withoutView(search, skipped);
  };

  /**
   * Move the visitor within the session: {place: id} opens a place, {step: n} a briefing step. Between a
   * channel's unmount and the next one's mount (a busy server's rerun) the move waits for the next one
   * (channel.js sends it): leaving the page instead would lose the visitor's work.
   */
  geo.go = function (intent) {
    geo.moving = true;
    if (geo.sendGo) geo.sendGo(intent);
    else geo.pendingGo = intent;
    return true;
  };

  /** What a click on an in-app link asks for, or null: the browser's own (a modifier or another button). */
  geo.intentOf = function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey ||
      event.shiftKey) return null;
    var link = event.target && event.target.closest ? event.target.closest("a[data-place], a[data-step]") : null;
    if (!link) return null;
    if (link.dataset.place) return {place: link.dataset.place};
    var step = parseInt(link.dataset.step, 10);
    return step > 0 ? {step: step} : null;
  };

  /**
   * The briefing's button a key presses: arrows as a clicker's Previous and Next (PageUp, PageDown, Home
   * and End are the buttons' own shortcuts). None while typing, or with a modifier (the browser's keys).
   */
  geo.stepButtonFor = function (event, rtl) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target && event.target.tagName || "") ||
      Boolean(event.target && event.target.isContentEditable);
    if (typing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
    // right to left (rtl true), the next step is to the left
    var keys = {ArrowLeft: rtl ? "next" : "previous", ArrowRight: rtl ? "previous" : "next",
      ArrowUp: "previous", ArrowDown: "next"};
    return keys[event.key] || null;
  };

  /** Full screen on the presenter's click (browsers allow it only from a click), nothing around the step. */
  geo.toggleFullscreen = function (button) {
    var root = document.documentElement, on = !document.fullscreenElement;
    var done = on ? root.requestFullscreen && root.requestFullscreen() : document.exitFullscreen();
    root.classList.toggle("geo-presenting", on);
    button.setAttribute("aria-pressed", String(on));
    if (done && done.catch) done.catch(function () {});  // refused (an embedding page's policy): still compact
    return done;
  };

  if (!geo.pageKeysInstalled && typeof document !== "undefined") {  // once per page, however many runs
    geo.pageKeysInstalled = true;
    document.addEventListener("keydown", function (event) {
      var name = geo.stepButtonFor(event, document.documentElement.dataset.geoDir === "rtl");
      var button = name && document.querySelector(".st-key-" + name + " button:not([disabled])");
      if (!button) return;
      event.preventDefault();
      button.click();
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-geo-fullscreen]");
      if (button) geo.toggleFullscreen(button);
      var intent = geo.intentOf(event);
      if (intent && geo.go(intent)) event.preventDefault();
    });
    document.addEventListener("fullscreenchange", function () {  // Esc leaves full screen: leave presenting too
      if (!document.fullscreenElement) document.documentElement.classList.remove("geo-presenting");
    });
    window.addEventListener("popstate", function () { geo.moving = true; });  // Back, Forward: until the page arrives
    window.addEventListener("beforeunload", function (event) {  // a reload, a typed address, a closed tab
      if (!geo.hasWork) return;
      event.preventDefault();
      event.returnValue = "";
    });
  }
})(globalThis.geo = globalThis.geo || {});
