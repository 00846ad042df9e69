/**
 * The report to a regular file (text or --json) goes through one reused buffer (src/cli/stdout-file.ts):
 * the same bytes as through a pipe, and the buffered path is really the one taken for a file.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BufferedWriter } from "../../src/cli/stdout-file";
import { FIXTURE, buildCli } from "./helpers";

describe("BufferedWriter", () => {
  it("hands over exactly the UTF-8 of everything written, in buffers it reuses", () => {
    const once = ["", "plain", "é – “quoted” ", "😀 pair", "x".repeat(40), "£", "\u00a0end"];
    const pieces = [...once, ...once, ...once, ...once];
    const received: Buffer[] = [];
    const starts = new Set<string>();
    const writer = new BufferedWriter((bytes) => {
      if (bytes.length !== 40) starts.add(`${bytes.byteOffset}`);
      received.push(Buffer.from(bytes)); // copied: the writer writes over its buffer afterwards
    }, 64);
    for (const piece of pieces) writer.write(piece);
    writer.flush();
    expect(Buffer.concat(received).toString("utf8")).toBe(pieces.join(""));
    // Several flushes of the one 64-byte buffer, and each 40-character piece (up to 120 bytes) on its own.
    expect(received.length).toBeGreaterThan(3);
    expect(starts.size).toBe(1); // every flush starts at the one buffer's start
  });

  it("writes nothing for nothing", () => {
    const sink = jest.fn();
    const writer = new BufferedWriter(sink);
    writer.write("");
    writer.flush();
    expect(sink).not.toHaveBeenCalled();
  });
});

describe("sdp-check --json with stdout to a file", () => {
  let cli: string;
  let dir: string;
  beforeAll(() => {
    cli = buildCli("stdout-file");
    dir = mkdtempSync(join(tmpdir(), "sdp-stdout-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function toFile(script: string[], name: string): string {
    const file = join(dir, name);
    const fd = openSync(file, "w");
    try {
      const run = spawnSync(process.execPath, script, { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    return readFileSync(file, "utf8");
  }

  it("takes the buffered path for a regular file, and process.stdout for a pipe", () => {
    // The sink, and sdp-check's own io passing it on (run.ts defaultIo).
    const probe =
      `const sink = require(${JSON.stringify(join(cli, "..", "stdout-file.js"))}).stdoutFileSink();` +
      `const io = require(${JSON.stringify(join(cli, "..", "run.js"))}).defaultIo();` +
      `process.stdout.write(sink && io.stdoutBytes ? "file" : !sink && !io.stdoutBytes ? "other" : "mismatch")`;
    expect(toFile(["-e", probe], "probe.txt")).toBe("file");
    const piped = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    expect(piped.stdout).toBe("other");
  });

  it.each([
    ["--json", "report.json"],
    ["", "report.txt"],
  ])("writes the very bytes it writes to a pipe (%j)", (flag, name) => {
    const args = [cli, FIXTURE, "--as-of", "2022-07-15", ...(flag ? [flag] : [])];
    const viaFile = toFile(args, name);
    const viaPipe = spawnSync(process.execPath, args, { encoding: "utf8" }).stdout;
    expect(viaFile.length).toBeGreaterThan(5_000);
    expect(viaFile).toBe(viaPipe);
    if (flag === "--json") expect(() => JSON.parse(viaFile) as unknown).not.toThrow();
    else expect(viaFile).toMatch(/^SDP check of .*\n[^]*Findings: .*\n$/);
  });
});
