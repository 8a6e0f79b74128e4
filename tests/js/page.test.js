// The briefing's keys: arrows as a clicker's Previous and Next, never while typing.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const geo = load("url.js", "page.js");
const key = (name, extra = {}) => ({key: name, target: {tagName: "BODY"}, ...extra});

test("arrows move through the steps; right to left, the left arrow is next", () => {
  assert.equal(geo.stepButtonFor(key("ArrowRight"), false), "next");
  assert.equal(geo.stepButtonFor(key("ArrowLeft"), false), "previous");
  assert.equal(geo.stepButtonFor(key("ArrowLeft"), true), "next");
  assert.equal(geo.stepButtonFor(key("ArrowDown"), true), "next");
});

test("keys typed into a field or with a modifier are not the briefing's", () => {
  assert.equal(geo.stepButtonFor(key("ArrowRight", {target: {tagName: "INPUT"}}), false), null);
  assert.equal(geo.stepButtonFor(key("ArrowRight", {target: {tagName: "DIV", isContentEditable: true}}), false), null);
  assert.equal(geo.stepButtonFor(key("ArrowRight", {altKey: true}), false), null);
  assert.equal(geo.stepButtonFor(key("x"), false), null);
});

// A click on an in-app link: the place or step it asks for, or null where the click is the browser's.
const link = (data) => ({closest: (selector) => (selector.includes("data-place") ? {dataset: data} : null)});
const click = (data, extra = {}) => ({button: 0, defaultPrevented: false, target: link(data), ...extra});

test("a plain click on a place or step link asks for it", () => {
  assert.deepEqual(geo.intentOf(click({place: "pishan"})), {place: "pishan"});
  assert.deepEqual(geo.intentOf(click({step: "3"})), {step: 3});
});

test("a click with a modifier, another button or on no app link is the browser's (a new tab, a new window)", () => {
  for (const extra of [{ctrlKey: true}, {metaKey: true}, {shiftKey: true}, {altKey: true}, {button: 1}]) {
    assert.equal(geo.intentOf(click({place: "pishan"}, extra)), null, JSON.stringify(extra));
  }
  assert.equal(geo.intentOf(click({step: "0"})), null);
  assert.equal(geo.intentOf(click({step: "x"})), null);
  assert.equal(geo.intentOf({button: 0, target: {closest: () => null}}), null);
});

test("the map's view goes to the server and into the address in place, the rest of it untouched", () => {
  const sent = [], replaced = [];
  globalThis.location = {pathname: "/app/", search: "?q=Guma&lang=ug&lat=1.000&lng=2.000&zoom=3", hash: ""};
  globalThis.history = {state: null, replaceState: (state, title, url) => replaced.push(url)};
  geo.viewNames = ["lat", "lng", "zoom"];
  geo.sendView = (view) => sent.push(view);
  geo.reportView({lat: 37.61681, lng: 78.28093}, 7);
  assert.deepEqual(replaced, ["/app/?q=Guma&lang=ug&lat=37.617&lng=78.281&zoom=7"]);
  assert.deepEqual(sent, [{at: "q=Guma&lang=ug", lat: "37.617", lng: "78.281", zoom: "7"}]);  // seen at that address
  delete geo.sendView;  // no channel (a briefing step): the address stays as it is
  geo.reportView({lat: 10, lng: 10}, 4);
  assert.equal(replaced.length, 1);
});

test("a move goes to the channel, or waits for the next one; it never leaves the page", () => {
  const asked = [];
  geo.sendGo = (intent) => asked.push(intent);
  assert.equal(geo.go({place: "moyu"}), true);
  delete geo.sendGo;  // between two mounts of the channel
  assert.equal(geo.go({step: 2}), true);
  assert.deepEqual(asked, [{place: "moyu"}]);
  assert.deepEqual(geo.pendingGo, {step: 2});  // channel.js sends it when it connects
  delete geo.pendingGo;
});

test("a message made for the address the page is at is its arrival; one for the page left (Back) is not", () => {
  const message = {at: "place=pishan&lang=zh", viewNames: ["lat", "lng", "zoom"], notOurs: ["embed", "embed_options"]};
  assert.equal(geo.arrived(message, "?place=pishan&lang=zh&lat=1.000&lng=2.000&zoom=3"), true);
  assert.equal(geo.arrived(message, "?embed=true&place=pishan&lang=zh"), true);
  assert.equal(geo.arrived(message, "?place=hangzhou&lang=zh&lat=1.000&lng=2.000&zoom=3"), false);
  assert.equal(geo.arrived({at: "step=2", viewNames: null}, "?step=2"), true);  // a briefing step: no view
});
