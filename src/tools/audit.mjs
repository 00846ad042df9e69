#!/usr/bin/env node
// Production dependencies must carry no high or critical advisory (`npm audit --omit=dev`).
// Fails on such advisories. When the registry's advisory service cannot be reached (some
// mirrors answer 405 to the bulk advisory request), it says so loudly and exits 0: that is an
// unanswered question, not a pass, and the log shows it.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
  encoding: "utf8",
  shell: process.platform === "win32",
});
let report;
try {
  report = JSON.parse(run.stdout || "{}");
} catch {
  console.error(
    `audit: npm audit printed no JSON (exit ${run.status}); stderr: ${(run.stderr || "").trim().split("\n").pop()}`,
  );
  process.exit(1);
}

if (report.error || report.statusCode || report.message) {
  const why = report.message ?? report.error?.summary ?? JSON.stringify(report.error);
  console.warn(
    `audit: NOT CHECKED — the advisory service did not answer (${why}). Run \`npm audit --omit=dev\` where it is reachable.`,
  );
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const high = (counts.high ?? 0) + (counts.critical ?? 0);
const names = Object.values(report.vulnerabilities ?? {})
  .filter((v) => v.severity === "high" || v.severity === "critical")
  .map((v) => `${v.name} (${v.severity})`);
console.log(
  `audit: production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (high > 0) {
  console.error(`audit: high or critical advisories in production dependencies: ${names.join(", ")}`);
  process.exit(1);
}
