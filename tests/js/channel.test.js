// The page's channel: the page speaks to the server through the component's own setters, and only while mounted.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const {pathToFileURL} = require("node:url");
const {FRONTEND} = require("./load.js");

test("the channel lends the page its view and move setters, and takes them back when unmounted", async () => {
  const {default: connect} = await import(pathToFileURL(path.join(FRONTEND, "channel.js")));
  const calls = [];
  const component = {
    setStateValue: (name, value) => calls.push(["state", name, value]),
    setTriggerValue: (name, value) => calls.push(["trigger", name, value]),
  };
  globalThis.geo = {};
  const cleanup = connect(component);
  globalThis.geo.sendView({lat: "1.000", lng: "2.000", zoom: "3"});
  globalThis.geo.sendGo({place: "pishan"});
  assert.deepEqual(calls, [["trigger", "view", {lat: "1.000", lng: "2.000", zoom: "3"}],
    ["trigger", "go", {place: "pishan"}]]);
  const later = connect(component);  // a new mount takes over before the old one's clean-up
  cleanup();
  assert.equal(typeof globalThis.geo.sendView, "function");
  later();
  assert.equal(globalThis.geo.sendView, undefined);
  assert.equal(globalThis.geo.sendGo, undefined);
});

test("a move asked for while no channel was mounted is sent by the next one, once", async () => {
  const {default: connect} = await import(pathToFileURL(path.join(FRONTEND, "channel.js")));
  const calls = [];
  globalThis.geo = {pendingGo: {place: "moyu"}};
  connect({setTriggerValue: (name, value) => calls.push([name, value])});
  assert.deepEqual(calls, [["go", {place: "moyu"}]]);
  assert.equal(globalThis.geo.pendingGo, undefined);
});
