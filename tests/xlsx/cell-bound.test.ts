/**
 * The cell bound, counted before a large sheet is parsed (src/xlsx/sheet.ts refuseTooManyCells):
 * a sheet that could pass the bound has its cell openings counted in its bytes first, so a sheet
 * of millions of cells is refused without being parsed (the 2.3 M-cell file's time is in
 * tests/bench/cli.bench.ts). The sheet below ends in broken XML: refused as too large, it was
 * never parsed; reported as damaged, it was parsed, so the count let it through.
 */
import { unzipWithYauzl } from "../../src/cli/unzip-yauzl";
import { XlsxReadError, readXlsx, type Unzip } from "../../src/xlsx";
import { buildXlsx } from "./build-parts";

const CELLS = 10_000;

/** 10,000 stored cells, 4,000 of them with a prefix ("x:c"), amid elements whose names start with "c", then broken XML. */
function brokenSheet(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= CELLS / 5; r++) {
    const cells = [1, 2, 3, 4, 5].map((c) => {
      const ref = `${"ABCDE"[c - 1]}${r}`;
      return c <= 2 ? `<x:c r="${ref}" s="0"><x:v>${r}</x:v></x:c>` : `<c r="${ref}"><v>${c}</v></c>`;
    });
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  const cols = Array.from({ length: 50 }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="9"/>`).join(
    "",
  );
  return buildXlsx({
    sheets: [
      {
        name: "Plan",
        xml: `<cols>${cols}</cols><sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${rows.join("")}</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting><row r="9999"`,
      },
    ],
  });
}

const unzips: [string, Unzip | undefined][] = [
  ["fflate (the browser's, whole parts)", undefined],
  ["yauzl, inflated whole", unzipWithYauzl(10_000, 10_000_000)],
  ["yauzl, streamed in chunks", unzipWithYauzl(10_000, 0)],
];

async function failure(maxCells: number, unzip: Unzip | undefined): Promise<XlsxReadError> {
  const error = await readXlsx(brokenSheet(), { unzip, limits: { maxCells } }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(XlsxReadError);
  return error as XlsxReadError;
}

describe.each(unzips)("the cell bound before parsing, %s", (_, unzip) => {
  it("a sheet storing one cell more than the bound is refused unparsed", async () => {
    const error = await failure(CELLS - 1, unzip);
    expect(error.problem).toBe("too-large");
    expect(error.message).toBe(
      "The workbook is larger than SDP Assistant reads: Plan stores more than 9,999 cells (the limit).",
    );
  });

  it("a sheet storing exactly the bound is parsed (no element counted that is not a cell)", async () => {
    expect((await failure(CELLS, unzip)).problem).toBe("damaged");
  });
});
