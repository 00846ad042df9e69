/** The batch in-process, with the outside world faked: the progress line on a terminal, and a pool that cannot start. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { progressLine } from "../../src/cli/batch";
import { checkAll, defaultJobs } from "../../src/cli/batch-pool";
import { runCli, type CliIo } from "../../src/cli/run";

// Each test reads real workbooks: seconds on a loaded machine.
jest.setTimeout(120_000);

const FIXTURE = join(__dirname, "..", "fixtures", "sdp-2022-23.xlsx");
const SECOND = join(__dirname, "..", "fixtures", "sdp-2022-23-copy.xlsx"); // never on disk: read by the fake

function fakeIo(terminal: boolean) {
  const out = { stdout: "", stderr: "" };
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    colour: false,
    readFile: () => Promise.resolve(bytes),
    today: () => "2022-07-15",
    stderrIsTerminal: terminal,
  };
  return { io, out };
}

describe("the progress line", () => {
  it("is drawn in place on a terminal (done / total, current file, elapsed) and cleared at the end", async () => {
    const { io, out } = fakeIo(true);
    expect(await runCli([FIXTURE, SECOND, "--json", "--jobs", "1"], io)).toBe(0);
    expect(out.stderr).not.toMatch(/\n/);
    const frames = out.stderr.split("\r\u001b[2K").filter(Boolean);
    expect(frames[0]).toMatch(/^Checking 0\/2 \(\d+\.\d s\): .*sdp-2022-23\.xlsx$/);
    expect(frames).toContainEqual(
      expect.stringMatching(/^Checking 1\/2 \(\d+\.\d s\): .*sdp-2022-23-copy\.xlsx$/),
    );
    expect(frames[frames.length - 1]).toMatch(/^Checking 2\/2 \(\d+\.\d s\)/);
    expect(out.stderr.endsWith("\r\u001b[2K")).toBe(true);
    expect((JSON.parse(out.stdout) as { summary: { workbooks: unknown } }).summary.workbooks).toEqual({
      read: 2,
      unread: 0,
    });
  });

  it("is not drawn when stderr is not a terminal, nor with --quiet", async () => {
    for (const [terminal, flags] of [
      [false, []],
      [true, ["--quiet"]],
    ] as const) {
      const { io, out } = fakeIo(terminal);
      expect(await runCli([FIXTURE, SECOND, "--json", "--jobs", "1", ...flags], io)).toBe(0);
      expect(out.stderr).toBe("");
    }
  });

  it("shortens a long path from the left to fit", () => {
    const line = progressLine(3, 20, `/very/long/${"folder/".repeat(30)}plan.xlsx`, 1400, 80);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/^Checking 3\/20 \(1\.4 s\): ….*\/plan\.xlsx$/);
  });
});

describe("the worker pool", () => {
  it("reports every workbook as not read when its worker cannot be started (never a silent fall-back)", async () => {
    const outcomes = await checkAll([FIXTURE, SECOND, FIXTURE + "3"], {
      flags: { asOf: null, dueSoonDays: null },
      today: "2022-07-15",
      jobs: 2,
      workerScript: join(__dirname, "no-such-worker.js"),
    });
    expect(outcomes.map((o) => o.file)).toEqual([FIXTURE, SECOND, FIXTURE + "3"]);
    for (const o of outcomes) {
      expect(o.document).toBeNull();
      expect(o.error).toMatch(/internal error \(the worker checking it stopped: .*\): please report this\.$/);
    }
  });
});

describe("the default pool size", () => {
  it("is 2 only when a core is free (the pool costs more CPU than it saves on a busy machine)", () => {
    expect(defaultJobs(1, 0)).toBe(1);
    expect(defaultJobs(2, 0.3)).toBe(2);
    expect(defaultJobs(2, 1.5)).toBe(1);
    expect(defaultJobs(8, 3)).toBe(2);
    expect(defaultJobs(8, 7.5)).toBe(1);
  });
});
