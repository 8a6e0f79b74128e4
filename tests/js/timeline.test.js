// Play through the years: which part of a view each year shows, and the steps Play takes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const geo = load("view.js", "timeline.js");

const view = {
  rings: [["pishan", "ghrd", 1, "t"], ["pishan", "ipvm", 0, "t"], ["chengmai", "ipvm", 0, "t"]],
  popups: {
    pishan: {count: "2 claims", groups: [["ghrd", ["c20"]], ["ipvm", ["p18"]]]},
    chengmai: {count: "1 claim", groups: [["ipvm", ["c02"]]]},
  },
  provinces: {"CN-GS": {colour: "#f80", tooltip: "Gansu", claims: ["gs21"]}},
  labels: [{id: "pishan"}, {id: "chengmai"}, {id: "CN-GS"}],
  legend: "<ul></ul>",
  years: {c20: 2023, p18: 2017, c02: 2022, gs21: 2021, undated: undefined},
};
delete view.years.undated;

test("the years Play steps through are the distinct start years, oldest first", () => {
  assert.deepEqual(geo.playYears(view), [2017, 2021, 2022, 2023]);
  assert.deepEqual(geo.playYears({}), []);
});

test("a year shows only the claims that start by then: rings, popups, shading, labels and the count follow", () => {
  const y2017 = geo.viewUpTo(view, 2017);
  assert.deepEqual(y2017.rings, [["pishan", "ipvm", 0, "t"]]);
  assert.deepEqual(y2017.popups.pishan.groups, [["ipvm", ["p18"]]]);
  assert.deepEqual(Object.keys(y2017.provinces), []);
  assert.deepEqual(y2017.labels, [{id: "pishan"}]);
  assert.equal(y2017.count, 1);
  const y2022 = geo.viewUpTo(view, 2022);
  assert.equal(y2022.rings.length, 2);
  assert.deepEqual(Object.keys(y2022.provinces), ["CN-GS"]);
  assert.equal(y2022.count, 3);
  assert.equal(geo.viewUpTo(view, 2023).count, 4);
});

test("no year shows the whole view, untouched", () => {
  const all = geo.viewUpTo(view, null);
  assert.equal(all.rings, view.rings);
  assert.equal(all.count, 4);
});

test("Play starts at the first year, steps year by year and stops after the last", () => {
  const years = geo.playYears(view);
  assert.equal(geo.nextYear(years, null), 2017);
  assert.equal(geo.nextYear(years, 2017), 2021);
  assert.equal(geo.nextYear(years, 2023), null);
  assert.equal(geo.nextYear([], null), null);
});

test("the readout fills in the year and the count", () => {
  assert.equal(geo.upToText("Claims by {year}: {count}", 2019, 12), "Claims by 2019: 12");
});
