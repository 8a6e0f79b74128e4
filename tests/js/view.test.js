// Which view the map shows: redraw only for a new view, move only when told.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const geo = load("view.js");

test("a first message redraws and moves", () => {
  assert.deepEqual(geo.viewChange(null, {key: "a", fit: "home"}), {redraw: true, fit: "home"});
});

test("the same message again changes nothing", () => {
  const message = {key: "a", fit: null};
  assert.equal(geo.viewChange(message, message), null);
  assert.equal(geo.viewChange(message, null), null);
});

test("the same view with a new target keeps the rings and moves", () => {
  const bounds = [[30, 70], [40, 90]];
  assert.deepEqual(geo.viewChange({key: "a", fit: null}, {key: "a", fit: bounds}), {redraw: false, fit: bounds});
});

test("a new view redraws; no target means stay", () => {
  assert.deepEqual(geo.viewChange({key: "a"}, {key: "b"}), {redraw: true, fit: null});
});

test("the same target again does not move the map (a rerun with the same filters)", () => {
  const bounds = [[30, 70], [40, 90]];
  assert.deepEqual(geo.viewChange({key: "a", fit: bounds}, {key: "a", fit: [[30, 70], [40, 90]]}), {redraw: false, fit: null});
  assert.deepEqual(geo.viewChange({key: "a", fit: "home"}, {key: "b", fit: "home"}), {redraw: true, fit: null});
  assert.deepEqual(geo.viewChange({key: "a", fit: bounds}, {key: "b", fit: "home"}), {redraw: true, fit: "home"});
});

test("home is a view within a micro-degree", () => {
  const home = {center: [33, 96], zoom: 4};
  assert.equal(geo.isHome({lat: 33.0000001, lng: 96}, 4, home), true);
  assert.equal(geo.isHome({lat: 33, lng: 96}, 5, home), false);
  assert.equal(geo.isHome({lat: 33.01, lng: 96}, 4, home), false);
});
