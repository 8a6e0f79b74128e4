// The page's address: the map's view and the page's own parameters, other parameters untouched.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const {FRONTEND, load} = require("./load.js");

const geo = load("url.js");
const NAMES = ["lat", "lng", "zoom"];

test("the view is written to three decimals, the other parameters stay", () => {
  const href = geo.withView("http://h/?q=Guma&lang=zh", {lat: 37.61681, lng: 78.28093}, 7, NAMES);
  assert.equal(href, "http://h/?q=Guma&lang=zh&lat=37.617&lng=78.281&zoom=7");
});

test("a new view replaces the old one in place", () => {
  const href = geo.withView("http://h/?lat=1.000&lng=2.000&zoom=3&place=moyu", {lat: 4, lng: 5}, 6, NAMES);
  assert.equal(href, "http://h/?lat=4.000&lng=5.000&zoom=6&place=moyu");
});

test("the page's parameters are set, or removed when null", () => {
  assert.equal(geo.withParams("http://h/?place=moyu&lat=1&q=x", {place: null}), "http://h/?lat=1&q=x");
  assert.equal(geo.withParams("http://h/?q=x", {place: "pishan"}), "http://h/?q=x&place=pishan");
  assert.equal(geo.withParams("http://h/", {place: null}), "http://h/");
});

test("only the app's own root-relative links open a place", () => {
  assert.equal(geo.isAppLink("/?place=pishan&lang=ug"), true);
  assert.equal(geo.isAppLink("https://evil.example/?place=x"), false);
  assert.equal(geo.isAppLink("javascript:alert(1)"), false);
  assert.equal(geo.isAppLink(undefined), false);
});

test("the page's files hold no less-than sign (the page's sanitiser drops such scripts)", () => {
  for (const file of ["url.js", "page.js"]) {
    assert.equal(fs.readFileSync(path.join(FRONTEND, file), "utf8").includes("<"), false, file);
  }
});
