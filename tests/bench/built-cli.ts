/**
 * The compiled command line (and with it the compiled engine, dist-cli/core) that benchmarks run as
 * plain node child processes: dist-cli/ when it is newer than its sources, else a private build.
 * Timings of the engine are taken there, not inside jest: jest's test context runs some code far
 * slower than node does (keyDigest's Math.imul loop ~80 times slower, 590 ms against 7 ms for
 * 20,000 keys), so an in-jest figure would measure the test runner.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ARTIFACTS } from "./generate-plan";
import { REPO } from "./record";

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist-cli/cli/sdp-check.js when it is newer than its sources; otherwise a private build of the same sources. */
export function cliScript(notes: string[]): string | null {
  const shipped = path.join(REPO, "dist-cli/cli/sdp-check.js");
  const sources = Math.max(
    ...["src/core", "src/xlsx", "src/cli"].map((d) => newestMtime(path.join(REPO, d))),
  );
  if (
    fs.existsSync(shipped) &&
    fs.statSync(shipped).mtimeMs >= sources &&
    newestMtime(path.join(REPO, "dist-cli")) >= sources
  ) {
    notes.push("sdp-check: dist-cli/cli/sdp-check.js (up to date with its sources)");
    return shipped;
  }
  const out = path.join(ARTIFACTS, "cli-build");
  fs.rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", out],
    {
      cwd: REPO,
      encoding: "utf8",
    },
  );
  const script = path.join(out, "cli/sdp-check.js");
  if (!fs.existsSync(script)) {
    notes.push(
      `sdp-check could not be built: ${(tsc.stdout + tsc.stderr).split("\n").slice(0, 3).join(" | ")}`,
    );
    return null;
  }
  notes.push(
    `sdp-check: dist-cli/ missing or older than src/, so built privately (tsc -p tsconfig.cli.json --outDir tests/artifacts/bench/cli-build)${tsc.status ? " (tsc reported type errors but emitted)" : ""}`,
  );
  return script;
}
