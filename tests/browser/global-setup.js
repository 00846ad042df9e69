/**
 * Builds the production bundle (npm run build) once when dist/preview.html is missing or older
 * than anything it is built from, so the browser tests always drive the current code.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");
const SOURCES = [
  "src",
  "assets",
  "webpack.config.js",
  "package.json",
  "tsconfig.json",
  "tsconfig.web.json",
  "manifest.xml",
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

module.exports = async function globalSetup() {
  const dist = join(root, "dist");
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  // webpack leaves unchanged files untouched, so the newest file in dist/ (or the stamp written below) dates the build.
  if (existsSync(join(dist, "preview.html")) && newest(dist) >= sources) return;
  console.log("\n[browser tests] dist/ is missing or stale: npm run build");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error("npm run build failed: the browser tests need the production build.");
  writeFileSync(join(dist, ".built"), new Date().toISOString());
};
