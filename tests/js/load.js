// Load client files the way the page does: each adds its functions to one `geo` namespace.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const FRONTEND = path.join(__dirname, "..", "..", "geo", "frontend");

/** A fresh `geo` namespace with `files` loaded into it (no browser, no Leaflet: the pure rules only). */
function load(...files) {
  delete globalThis.geo;
  for (const file of files) {
    vm.runInThisContext(fs.readFileSync(path.join(FRONTEND, file), "utf8"), {filename: file});
  }
  return globalThis.geo;
}

module.exports = {FRONTEND, load};
