/*
 * The app's page (not the map's frame): its language and direction, the view handed to the map
 * after every run, the URL's own parameters, and opening a place asked for by the map.
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
   * Hand the map a view (see view.js) and make the URL's own parameters what this run says, whatever
   * wrote the URL last (the map writes its view there; Streamlit writes the query it knows).
   * message: {key, view, fit, params}; params: {place: id or null}.
   */
  geo.handView = function (message) {
    geo.view = message;
    if (message.params) {
      var wanted = geo.withParams(location.href, message.params);
      if (wanted !== location.href) history.replaceState(history.state, "", wanted);
    }
    document.querySelectorAll(MAP_FRAME).forEach(function (frame) {
      try {
        var map = frame.contentWindow && frame.contentWindow.geo;
        if (map && map.applyView) map.applyView(message);
        if (map && map.writeView) map.writeView(true);  // the map's own view, over the one Streamlit remembered
      } catch {
        // a map from another origin reads geo.view when it starts
      }
    });
  };

  /** Open a place's detail view (a link from the map's popup): a page of this app, in this tab. */
  geo.openPlace = function (href) {
    if (geo.isAppLink(href)) location.assign(href);
  };
})(globalThis.geo = globalThis.geo || {});
