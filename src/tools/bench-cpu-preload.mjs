// Preloaded (node --import) into both child processes of the sdp-check benchmark
// (tests/bench/cli.bench.ts): on exit, writes the process's CPU time (user + system, all
// threads), its age and its peak memory (maximum resident set size) to the file named by BENCH_CPU_FILE. CPU time is steadier than wall
// time when other jobs load the machine.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(
      file,
      JSON.stringify({
        cpuMs: (user + system) / 1000,
        wallMs: process.uptime() * 1000,
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  });
}
