/**
 * Hostile files given to sdp-check: each answers with exit 0 or 2 and at most one line on
 * stderr, never a stack trace, and never hangs (a FIFO, /dev/zero). The big files are made here,
 * in a temporary folder, not committed. Their time and memory budgets are in tests/bench.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipWithYauzl } from "../../src/cli/unzip-yauzl";
import { XlsxReadError, readXlsx } from "../../src/xlsx";
import { encryptedXls, honestBomb, hugeDeclared, lyingBomb, strayCell } from "../xlsx/hostile";
import { buildCli, ROOT } from "./helpers";

let cli = "";
const work = mkdtempSync(join(tmpdir(), "sdp-hostile-"));

beforeAll(() => {
  cli = buildCli("hostile");
}, 120_000);

function check(file: string): { status: number | null; stderr: string[]; stdout: string } {
  const run = spawnSync(process.execPath, [cli, file], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000, // a guard against a hang only; the budget (5 s) is checked by the benchmark
  });
  const stderr = run.stderr.split("\n").filter((line) => line !== "");
  expect(stderr.length).toBeLessThanOrEqual(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|heap/);
  expect([0, 2]).toContain(run.status);
  return { status: run.status, stderr, stdout: run.stdout };
}

async function fileOf(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  const path = join(work, name);
  writeFileSync(path, await bytes);
  return path;
}

describe("sdp-check on hostile files", () => {
  it("a zip bomb (a sheet that unpacks to 300 MB) is refused as too large", async () => {
    const run = check(await fileOf("bomb.xlsx", honestBomb()));
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(
      /bomb\.xlsx: The workbook is larger than SDP Assistant reads: xl\/worksheets\/sheet1\.xml unpacks to 300 MB \(the limit is 200 MB\)\.$/,
    );
  }, 60_000);

  it("a zip bomb that declares a small size: refused as damaged once it inflates past it", async () => {
    const run = check(await fileOf("liar.xlsx", lyingBomb()));
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(/liar\.xlsx: The file is damaged or incomplete\.$/);
  }, 60_000);

  it("a part declaring 4.3 GB is refused before anything is inflated", async () => {
    const run = check(await fileOf("huge.xlsx", hugeDeclared()));
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(
      /larger than SDP Assistant reads: xl\/worksheets\/sheet1\.xml unpacks to 4,295 MB \(the limit is 200 MB\)\.$/,
    );
  }, 60_000);

  it("2.3 million cells in 50 MB are refused for their number of cells", async () => {
    const run = check(await fileOf("cells.xlsx", honestBomb(50)));
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(
      /larger than SDP Assistant reads: Early Help stores more than 2,000,000 cells \(the limit\)\.$/,
    );
  }, 60_000);

  it("a 3 GB file is refused before it is read", () => {
    const big = join(work, "big.xlsx");
    execFileSync("truncate", ["-s", "3G", big]); // sparse: takes no disk
    const run = check(big);
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(
      /big\.xlsx: The workbook is larger than SDP Assistant reads: the file is 3,221\.2 MB \(the limit is 200 MB\)\.$/,
    );
  });

  it("a FIFO and /dev/zero are refused without being read", () => {
    const fifo = join(work, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    for (const path of [fifo, "/dev/zero"]) {
      const run = check(path);
      expect(run.status).toBe(2);
      expect(run.stderr[0]).toBe(
        `sdp-check: ${path} is not a regular file (a device, pipe or socket): give an .xlsx file.`,
      );
    }
  });

  it("a password-protected old-format workbook says so", async () => {
    const run = check(await fileOf("locked.xlsx", encryptedXls()));
    expect(run.status).toBe(2);
    expect(run.stderr[0]).toMatch(
      /locked\.xlsx: The file is a password-protected old-format Excel workbook \(\.xls\)/,
    );
  });
});

describe("the reader on a stray value at XFD1048576", () => {
  it("keeps rows ragged: the grid holds the plan's cells and one long row, not a million padded ones", async () => {
    const { grid } = await readXlsx(strayCell());
    const sheet = grid.sheets[0];
    expect(sheet.origin.row + sheet.values.length - 1).toBe(1_048_576);
    expect(sheet.values[sheet.values.length - 1].length).toBe(16_384 - sheet.origin.col + 1);
    expect(sheet.values[sheet.values.length - 1].at(-1)).toBe("stray");
    const stored = sheet.values.reduce((n, row) => n + row.length, 0);
    expect(stored).toBeLessThan(16_384 + 2_000);
  });
});

describe("sdp-check's unzip on a lying bomb, parts inflated whole and streamed", () => {
  // A sheet that declares 100 kB and inflates to 300 MB: either way it stops at the declared size.
  it.each([
    ["inflated whole (parts up to 256 kB)", undefined],
    ["streamed (every part)", 0],
  ])(
    "%s: refused as damaged",
    async (_, wholeUpTo) => {
      const bytes = await lyingBomb();
      // The core module itself (the one src/cli/unzip-yauzl.ts calls), not an import's frozen namespace.
      const zlib = jest.requireActual<typeof import("node:zlib")>("node:zlib");
      const inflate = jest.spyOn(zlib, "inflateRawSync");
      try {
        const failure = await readXlsx(bytes, { unzip: unzipWithYauzl(10_000, wholeUpTo) }).then(
          () => null,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(XlsxReadError);
        expect((failure as XlsxReadError).problem).toBe("damaged");
        // Inflated whole, zlib is told to stop at the declared size (it never makes the 300 MB).
        const bounds = inflate.mock.calls.map(([, options]) => options?.maxOutputLength);
        if (wholeUpTo === 0) expect(bounds).toEqual([]);
        else expect(bounds).toContain(100_000);
      } finally {
        inflate.mockRestore();
      }
    },
    60_000,
  );
});
