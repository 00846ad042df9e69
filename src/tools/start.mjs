#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into desktop Excel (Windows, macOS) with
 * office-addin-debugging when it is installed, and otherwise runs the browser preview
 * (`npm run preview`). office-addin-debugging is an optional dependency: it needs a native
 * module (keytar) that installs from a prebuilt binary on Windows and macOS; where that cannot
 * be had (Linux without libsecret, offline machines) npm skips it and the preview runs instead.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
}

const desktop = process.platform === "win32" || process.platform === "darwin";
if (desktop && installed("office-addin-debugging")) {
  console.log("Sideloading SDP Assistant into Excel (office-addin-debugging start manifest.xml)…");
  run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  if (desktop)
    console.log(
      "office-addin-debugging did not install (see npm's log): starting the browser preview instead.",
    );
  else
    console.log(
      `Excel desktop sideloading is not available on ${process.platform}: starting the browser preview instead.`,
    );
  run(npm, ["run", "preview"]);
}
