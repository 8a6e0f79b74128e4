// Label placement: priority first, no overlaps, rings kept clear, nothing off the map.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const geo = load("labels.js");
const project = ([lat, lon]) => ({x: lon, y: lat});  // a flat map: lon is x, lat is y (px)
const size = {x: 400, y: 300};
const measure = () => 60;

function overlapping(boxes) {
  const pairs = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (geo.overlaps(a, b)) pairs.push([a, b]); }));
  return pairs;
}

test("a label goes to the right of its ring first", () => {
  const [placed] = geo.placeLabels([{id: "a", lat: 100, lon: 100, text: "A", priority: 1, r: 10}], project, size, measure);
  assert.deepEqual(placed.box, {x: 113, y: 91.5, w: 60, h: 17});
});

test("crowded labels never overlap, and the higher priority keeps the best spot", () => {
  const items = [];
  for (let i = 0; i < 12; i++) items.push({id: `p${i}`, lat: 150, lon: 150 + i * 4, text: `P${i}`, priority: i, r: 8});
  const placed = geo.placeLabels(items, project, size, measure);
  assert.deepEqual(overlapping(placed.map((p) => p.box)), []);
  assert.equal(placed[0].item.id, "p11");  // placed first
  assert.ok(placed.length < items.length, "some wait for a closer zoom");
});

test("a label never covers another place's ring", () => {
  const items = [
    {id: "big", lat: 100, lon: 100, text: "Big", priority: 9, r: 10},
    {id: "near", lat: 100, lon: 135, text: "Near", priority: 1, r: 10},
  ];
  const placed = geo.placeLabels(items, project, size, measure);
  const big = placed.find((p) => p.item.id === "big");
  assert.ok(big, "the first label is placed");
  assert.equal(geo.overlaps(big.box, {x: 125, y: 90, w: 20, h: 20}), false);  // not over Near's ring
  assert.ok(big.box.x + big.box.w <= 125 || big.box.y + big.box.h <= 90 || big.box.y >= 110);
});

test("labels stay inside the map, or wait", () => {
  const [edge] = geo.placeLabels([{id: "edge", lat: 5, lon: 395, text: "Edge", priority: 1, r: 4}], project, size, measure);
  assert.deepEqual(edge.box, {x: 328, y: 12, w: 60, h: 17});  // not right, left or above: below, inside the map
  const none = geo.placeLabels([{id: "out", lat: -50, lon: 500, text: "Out", priority: 1, r: 4}], project, size, measure);
  assert.deepEqual(none, []);  // off the map: it waits
});

test("an area's name is centred on its point, else on its other points", () => {
  const items = [
    {id: "ring", lat: 100, lon: 100, text: "R", priority: 9, r: 10},
    {id: "area", lat: 100, lon: 100, text: "Area", priority: 1, r: 0, alts: [[200, 200]]},
  ];
  const area = geo.placeLabels(items, project, size, measure).find((p) => p.item.id === "area");
  assert.deepEqual(area.at, [200, 200]);  // its best point is under the ring and its label
  assert.deepEqual(area.d, [-30, -8.5]);
});

test("escaped text is measured as the characters it shows", () => {
  assert.equal(geo.measuredText("Ürümqi &amp; &lt;x&gt;"), "Ürümqi x xxx");
});

test("no label is placed over a blocked box (the legend)", () => {
  const item = {id: "a", lat: 100, lon: 100, text: "A", priority: 1, r: 10};
  const legend = {x: 105, y: 80, w: 100, h: 40};  // over the spot right of the ring
  const [placed] = geo.placeLabels([item], project, size, measure, [legend]);
  assert.ok(placed, "the label finds another spot");
  assert.equal(geo.overlaps(placed.box, legend), false);
});

test("ring boxes are the rings' squares in container px; areas (no radius) have none", () => {
  const items = [{id: "a", lat: 50, lon: 60, r: 8}, {id: "xj", lat: 10, lon: 10, r: 0}];
  assert.deepEqual(geo.ringBoxes(items, project), [{x: 52, y: 42, w: 16, h: 16, id: "a"}]);
});

test("the legend takes the first spot that covers no ring, open before folded", () => {
  const open = {corner: "bottomleft", form: "open", box: {x: 0, y: 200, w: 150, h: 100}};
  const right = {corner: "bottomright", form: "open", box: {x: 250, y: 200, w: 150, h: 100}};
  const folded = {corner: "bottomleft", form: "folded", box: {x: 0, y: 280, w: 60, h: 20}};
  const ring = {x: 40, y: 220, w: 16, h: 16};
  assert.equal(geo.legendSpot([open, right, folded], [ring]), right);
  assert.equal(geo.legendSpot([open, right, folded], [ring, {x: 300, y: 250, w: 16, h: 16}]), folded);
  assert.equal(geo.legendSpot([open, right, folded], []), open);
});

test("with no free spot the legend covers the fewest, the smaller spot on a tie", () => {
  const spots = [{corner: "bottomleft", form: "open", box: {x: 0, y: 0, w: 400, h: 300}},
    {corner: "bottomleft", form: "folded", box: {x: 0, y: 280, w: 60, h: 20}},
    {corner: "bottomright", form: "folded", box: {x: 340, y: 280, w: 60, h: 20}}];
  const everywhere = {x: 0, y: 0, w: 400, h: 300};
  assert.equal(geo.legendSpot(spots, [everywhere]), spots[2]);
  assert.equal(geo.legendSpot(spots, [everywhere, {x: 350, y: 285, w: 10, h: 10}]), spots[1]);
});
