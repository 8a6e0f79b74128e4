// Uploaded points: binary coordinates decoded as the server packed them, a click finds the nearest point.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const geo = load("canvas-points.js");

test("coordinates packed as little-endian float32 in base64 decode to the same numbers", () => {
  const values = new Float32Array([37.6168, 78.2809, -0.5, 180]);
  const text = Buffer.from(values.buffer).toString("base64");
  assert.deepEqual(Array.from(geo.decodeFloats(text)), Array.from(values));
  assert.equal(geo.decodeFloats("").length, 0);
});

test("a click picks the nearest point within reach, and nothing when every point is farther", () => {
  const xs = new Float32Array([10, 50, 52]), ys = new Float32Array([10, 50, 50]);
  assert.equal(geo.nearestPoint(xs, ys, 51.8, 50, 6), 2);
  assert.equal(geo.nearestPoint(xs, ys, 12, 11, 6), 0);
  assert.equal(geo.nearestPoint(xs, ys, 30, 30, 6), -1);
});

test("a popup shows the row's escaped fields and the layer's attribution", () => {
  const data = {fields: ["name", "lat"], attribution: "Mine · source: notes"};
  const html = geo.uploadPopup(data, [["A", "B &lt;b&gt;"], ["1", "2"]], 1);
  assert.match(html, /<th>name<\/th><td>B &lt;b&gt;<\/td>/);
  assert.match(html, /Mine · source: notes/);
});
