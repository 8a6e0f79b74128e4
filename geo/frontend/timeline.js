/*
 * Play: the map steps through the years its claims start in, each year adding the claims that start
 * then (as kepler.gl's "incremental" time window), with pause, stop (all years again) and speed.
 * Rings, popups, shading and labels follow (claim-layers.js draws geo.viewUpTo of the view); the
 * readout says the year and how many claims are on the map by then. It runs in the map's frame, so
 * the offline HTML and the static site play with no server.
 *
 * options.text: {playLabel, play, pause, stop, speed, upTo} ("{year}" and "{count}" in upTo).
 */
(function (geo) {
  "use strict";

  var SPEEDS = [0.5, 1, 2, 4];
  var STEP_MS = 1200;  // one year per 1.2 s at 1x

  /** The year to show after `year` in `years` (sorted; the first when `year` is null), or null past the last. */
  geo.nextYear = function (years, year) {
    for (var i = 0; i < years.length; i++) {
      if (year === null || years[i] > year) return years[i];
    }
    return null;
  };

  /** The readout's text: `template` with {year} and {count} filled in. */
  geo.upToText = function (template, year, count) {
    return template.replace("{year}", String(year)).replace("{count}", String(count));
  };

  function button(parent, symbol, label) {
    var b = L.DomUtil.create("button", "geo-play-button", parent);
    b.type = "button";
    b.textContent = symbol;
    b.title = label;
    b.setAttribute("aria-label", label);
    return b;
  }

  geo.addPlayControl = function (map, options) {
    var text = options.text, timer = null, year = null, speed = 1, parts = {};
    var Play = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var bar = L.DomUtil.create("div", "leaflet-bar geo-play");
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", text.playLabel);
        parts.play = button(bar, "\u25B6", text.play);
        parts.stop = button(bar, "\u25A0", text.stop);
        parts.speed = L.DomUtil.create("select", "geo-play-speed", bar);
        parts.speed.setAttribute("aria-label", text.speed);
        parts.speed.title = text.speed;
        SPEEDS.forEach(function (s) {
          var option = L.DomUtil.create("option", "", parts.speed);
          option.value = String(s);
          option.textContent = s + "\u00D7";
          option.selected = s === speed;
        });
        parts.readout = L.DomUtil.create("output", "geo-play-readout", bar);
        parts.readout.setAttribute("aria-live", "polite");
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(parts.play, "click", toggle);
        L.DomEvent.on(parts.stop, "click", stop);
        L.DomEvent.on(parts.speed, "change", function () {
          speed = Number(parts.speed.value);
          if (timer) { pause(); start(); }
        });
        return bar;
      }
    });
    new Play().addTo(map);

    function years() { return geo.shownView ? geo.playYears(geo.shownView() || {}) : []; }
    function show(next) {
      year = next;
      var count = geo.showUpTo(year);
      parts.readout.textContent = year === null ? "" : geo.upToText(text.upTo, year, count);
      parts.readout.dataset.year = year === null ? "" : String(year);
      parts.readout.dataset.count = year === null ? "" : String(count);
    }
    function tick() {
      var next = geo.nextYear(years(), year);
      if (next === null) { pause(); return; }  // the last year stays shown; Play starts over
      show(next);
    }
    function start() {
      var all = years();
      if (year === null || year >= all[all.length - 1]) show(geo.nextYear(all, null));
      timer = setInterval(tick, STEP_MS / speed);
      parts.play.textContent = "\u275A\u275A";
      parts.play.title = text.pause;
      parts.play.setAttribute("aria-label", text.pause);
    }
    function pause() {
      clearInterval(timer);
      timer = null;
      parts.play.textContent = "\u25B6";
      parts.play.title = text.play;
      parts.play.setAttribute("aria-label", text.play);
    }
    function toggle() { if (timer) pause(); else if (years().length) start(); }
    function stop() { pause(); show(null); }
    // New filters while a year is shown: the readout counts what the new view has by then.
    geo.onViewDrawn = function () { if (year !== null) show(year); };
  };
})(globalThis.geo = globalThis.geo || {});
