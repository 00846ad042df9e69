/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  reporters: ["default", "<rootDir>/tests/summary-reporter.js"],
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/browser/", "/tests/bench/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
