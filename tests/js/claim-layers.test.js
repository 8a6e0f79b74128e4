// The claim layers draw a view's rings as circle markers with the model's style, grouped by source.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

/** A Leaflet stand-in that records what is drawn (only what claim-layers.js calls). */
function fakeLeaflet() {
  const drawn = [];
  const layer = (kind, options) => {
    const self = {kind, options, layers: [], bindPopup: () => self, bindTooltip: () => self, clearLayers: () => { self.layers = []; },
      addTo: (group) => { (group.layers || drawn).push(self); return self; }, getLayers: () => self.layers};
    return self;
  };
  const L = {
    control: {layers: () => ({addTo() { return this; }, addOverlay() {}, removeLayer() {}})},
    featureGroup: () => layer("group"),
    circleMarker: (latlng, options) => Object.assign(layer("ring", options), {latlng}),
    geoJson: (data, options) => Object.assign(layer("shapes", options), {data}),
  };
  const map = {panes: {}, getPane(name) { return this.panes[name]; }, createPane(name) { return (this.panes[name] = {style: {}}); },
    on() {}, removeLayer() {}};
  return {L, map, drawn};
}

const model = {
  sources: [{id: "ipvm", colour: "#111111", name: "IPVM"}, {id: "afp", colour: "#222222", name: "AFP"}],
  places: {moyu: {lat: 37.3, lon: 79.7, dash: "6 4", start: "", end: ""}},
  claims: {}, headings: {}, provinces: {type: "FeatureCollection", features: []}, provinceClaims: {},
  text: {provinces: "Provinces", dir: "ltr"},
  style: {ring: {radius: 7, step: 4, weight: 2.5, fillOpacity: 0.35}, shading: {fillOpacity: 0.45, weight: 1}},
};
const view = {rings: [["moyu", "ipvm", 0, "tip"], ["moyu", "afp", 1, "tip"]], popups: {moyu: {count: "", groups: []}},
  provinces: {}, labels: [], legend: ""};

test("each ring is a circle marker with the model's style: nested, dashed, the innermost filled", () => {
  const {L, map} = fakeLeaflet();
  globalThis.L = L;
  const geo = load("view.js", "claim-layers.js");
  const groups = [];
  const featureGroup = L.featureGroup;
  L.featureGroup = () => { const g = featureGroup(); groups.push(g); return g; };
  geo.addClaimLayers(map, null, model, {initial: {key: "k", view, fit: null}, shadedPane: "shaded", shadedZ: 395});
  const rings = groups.flatMap((g) => g.layers.filter((l) => l.kind === "ring"));
  assert.equal(rings.length, 2);
  assert.deepEqual(rings.map((r) => [r.options.radius, r.options.dashArray, r.options.fill, r.options.weight]),
    [[7, "6 4", true, 2.5], [11, "6 4", false, 2.5]]);
  assert.deepEqual(rings.map((r) => r.options.color), ["#111111", "#222222"]);
  assert.equal(geo.viewKey, "k");
  delete globalThis.L;
});

test("a measure's badge beside each place it names, from the year it was first dated (Play)", () => {
  const {L, map} = fakeLeaflet();
  globalThis.L = L;
  const markers = [];
  L.divIcon = (options) => ({options});
  L.marker = (latlng, options) => {
    const self = {kind: "badge", latlng, options, popup: null, bindPopup(html) { self.popup = html; return self; },
      bindTooltip() { return self; }, addTo(group) { group.layers.push(self); markers.push(self); return self; }};
    return self;
  };
  globalThis.DOMParser = class { parseFromString(html) { return {body: {textContent: html.replace(/&amp;/g, "&")}}; } };
  const withMeasures = Object.assign({}, model, {
    text: Object.assign({}, model.text, {measures: "Measures"}),
    style: Object.assign({}, model.style, {measure: {side: 14, offset: 23}}),
    measures: [{place: "moyu", lat: 37.3, lon: 79.7, tooltip: "Moyu &amp; co: 2",
      measures: [[2019, "<div class='measure'>A</div>"], [2023, "<div class='measure'>B</div>"]]}],
  });
  const geo = load("view.js", "timeline.js", "claim-layers.js");
  geo.addClaimLayers(map, null, withMeasures, {initial: {key: "k", view, fit: null}, shadedPane: "shaded", shadedZ: 395});
  const last = () => markers[markers.length - 1];
  assert.equal(last().popup, "<div class=\"measure-popup\"><div class='measure'>A</div><div class='measure'>B</div></div>");
  assert.equal(last().options.title, "Moyu & co: 2");  // plain text for the attribute, parsed inertly
  assert.deepEqual(last().options.icon.options.iconAnchor, [30, 30]);  // up and to the start side of the point
  const before = markers.length;
  geo.showUpTo(2020);
  assert.equal(markers.length, before + 1);
  assert.equal(last().popup, "<div class=\"measure-popup\"><div class='measure'>A</div></div>");  // 2023's not yet
  delete globalThis.L;
  delete globalThis.DOMParser;
});
