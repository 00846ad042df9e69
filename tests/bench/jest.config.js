/**
 * The benchmarks: figures, not timed unit tests (the main jest run ignores tests/bench/).
 *   npm run bench          run them (--runInBand) and print/write the report
 *   npm run bench:check    same, exit 1 when a budget is missed
 * Each *.bench.ts writes its figures to tests/artifacts/bench/<figure>.json;
 * src/tools/bench-report.mjs collects them into tests/bench/RESULTS.md.
 * One figure only: npx jest -c tests/bench/jest.config.js --runInBand tests/bench/engine.bench.ts
 */
const path = require("node:path");

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  testEnvironment: "node",
  roots: ["<rootDir>/tests/bench"],
  testMatch: ["**/*.bench.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 20 * 60 * 1000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Figures are what matter; no coverage instrumentation (it would distort every timing).
  collectCoverage: false,
};
