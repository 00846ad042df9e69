/** runCli in-process, with the outside world faked: the paths a child process cannot easily reach. */
import { stripVTControlCharacters } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type CliIo } from "../../src/cli/run";
import { readWorkbookFile } from "../../src/cli/read-file";

const FIXTURE = join(__dirname, "..", "fixtures", "sdp-2022-23.xlsx");

function fakeIo(readFile: CliIo["readFile"], colour = false) {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    colour,
    readFile,
    today: () => "2022-07-15",
  };
  return { io, out };
}

describe("runCli", () => {
  it.each([[[] as string[]], [["--json"]]])(
    "writes a single check's report (%j) through stdoutBytes when it is given, byte for byte what stdout gets",
    async (flags) => {
      const read = async () => new Uint8Array(readFileSync(FIXTURE));
      const plain = fakeIo(read);
      expect(await runCli([FIXTURE, ...flags], plain.io)).toBe(0);
      const viaBytes = fakeIo(read);
      const chunks: Buffer[] = [];
      viaBytes.io.stdoutBytes = (bytes) => void chunks.push(Buffer.from(bytes));
      expect(await runCli([FIXTURE, ...flags], viaBytes.io)).toBe(0);
      expect(viaBytes.out.stdout).toBe("");
      expect(plain.out.stdout.length).toBeGreaterThan(5_000);
      expect(Buffer.concat(chunks).toString("utf8")).toBe(plain.out.stdout);
    },
  );

  it("defaults the as-of date to today", async () => {
    const { io, out } = fakeIo(async () => new Uint8Array(readFileSync(FIXTURE)));
    expect(await runCli([FIXTURE, "--json"], io)).toBe(0);
    expect((JSON.parse(out.stdout) as { asOf: string }).asOf).toBe("2022-07-15");
  });

  it("reports an unexpected internal error as exit 1, one line, asking for a report", async () => {
    const { io, out } = fakeIo(async () => {
      throw new Error("boom\n    at somewhere (file.js:1:1)");
    });
    expect(await runCli(["plan.xlsx"], io)).toBe(1);
    expect(out.stderr).toBe(
      "sdp-check: internal error (boom at somewhere (file.js:1:1)): please report this.\n",
    );
    expect(out.stdout).toBe("");
  });

  it("colours the text report only when asked", async () => {
    const read = async () => new Uint8Array(readFileSync(FIXTURE));
    const plain = fakeIo(read, false);
    const coloured = fakeIo(read, true);
    await runCli([FIXTURE], plain.io);
    await runCli([FIXTURE], coloured.io);
    expect(plain.out.stdout).not.toContain("\u001b[");
    expect(coloured.out.stdout).toContain("\u001b[1;31mOverdue");
    expect(stripVTControlCharacters(coloured.out.stdout)).toBe(plain.out.stdout);
  });
});

describe("readWorkbookFile", () => {
  it("names a missing file and a folder in one line", async () => {
    await expect(readWorkbookFile(join(__dirname, "missing.xlsx"))).rejects.toThrow(
      /^No such file: .*missing\.xlsx$/,
    );
    await expect(readWorkbookFile(__dirname)).rejects.toThrow(/is a folder, not an \.xlsx workbook\.$/);
  });
});
