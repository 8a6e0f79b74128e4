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
