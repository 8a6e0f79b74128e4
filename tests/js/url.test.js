// The page's address: the map's view written last, every other parameter exactly as the server wrote it.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const {FRONTEND, load} = require("./load.js");

const geo = load("url.js");
const NAMES = ["lat", "lng", "zoom"];

test("a view is written to three decimals, as the server writes it (Python's f'{x:.3f}')", () => {
  assert.deepEqual(geo.viewText({lat: 37.61681, lng: 78.28093}, 7, NAMES), {lat: "37.617", lng: "78.281", zoom: "7"});
  assert.deepEqual(geo.viewText({lat: -0.0001, lng: 0}, 3, NAMES), {lat: "-0.000", lng: "0.000", zoom: "3"});
});

test("a map panned around the world gives its longitude folded back; no view beyond the server's range", () => {
  assert.equal(geo.viewText({lat: 35, lng: 440}, 5, NAMES).lng, "80.000");
  assert.equal(geo.viewText({lat: 35, lng: -200}, 5, NAMES).lng, "160.000");
  assert.equal(geo.viewText({lat: 35, lng: 80}, 0, NAMES), null);
  assert.equal(geo.viewText({lat: 35, lng: 80}, 19, NAMES), null);
  assert.equal(geo.viewText({lat: 35, lng: 80}, 4.5, NAMES), null);
  assert.equal(geo.viewText({lat: NaN, lng: 80}, 4, NAMES), null);
});

test("the view goes last; the other parameters keep their order and encoding byte for byte", () => {
  const view = {lat: "37.617", lng: "78.281", zoom: "7"};
  assert.equal(geo.withViewLast("?q=%E7%9A%AE%E5%B1%B1&lang=zh", view, NAMES),
    "?q=%E7%9A%AE%E5%B1%B1&lang=zh&lat=37.617&lng=78.281&zoom=7");
  assert.equal(geo.withViewLast("?lat=1.000&lng=2.000&zoom=3&place=moyu&q=a+b%2Ac", view, NAMES),
    "?place=moyu&q=a+b%2Ac&lat=37.617&lng=78.281&zoom=7");
  assert.equal(geo.withViewLast("", view, NAMES), "?lat=37.617&lng=78.281&zoom=7");
  assert.equal(geo.withViewLast("?", view, NAMES), "?lat=37.617&lng=78.281&zoom=7");
});

test("the page's files hold no less-than sign (the page's sanitiser drops such scripts)", () => {
  for (const file of ["url.js", "page.js", "channel.js"]) {
    assert.equal(fs.readFileSync(path.join(FRONTEND, file), "utf8").includes("<"), false, file);
  }
});
