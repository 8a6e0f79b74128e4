// ESLint (flat config) for the client code in geo/frontend and its unit tests in tests/js.
import js from "@eslint/js";
import globals from "globals";

export default [
  {ignores: ["node_modules/**", ".venv/**", "static/**"]},
  js.configs.recommended,
  {
    files: ["geo/frontend/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {...globals.browser, L: "readonly"},
    },
    rules: {
      strict: ["error", "function"],
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", {args: "after-used"}],
      "no-restricted-globals": ["error", {name: "event", message: "use the handler's own argument"}],
    },
  },
  {
    // the page's channel is a Streamlit component's code: an ES module, as Streamlit loads it
    files: ["geo/frontend/channel.js"],
    languageOptions: {ecmaVersion: 2020, sourceType: "module"},
    rules: {strict: "off"},
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.mjs"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {...globals.node}},
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: {sourceType: "commonjs"},
  },
];
