/**
 * The real-browser tests: the production build (dist/, built by global-setup.js when missing or
 * older than its sources) served on 127.0.0.1 at a random port, driven with playwright-core in
 * Debian's chromium (CHROMIUM_PATH to use another). Run with --runInBand.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  reporters: ["default", "<rootDir>/tests/summary-reporter.js"],
  roots: ["<rootDir>/tests/browser"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  globalSetup: "<rootDir>/tests/browser/global-setup.js",
  testTimeout: 180_000,
  slowTestThreshold: 60,
};
