/** The --json document written in pieces is byte for byte JSON.stringify(report, null, 2). */
import fc from "fast-check";
import { prettyJsonPieces } from "../../src/cli/report-json";

describe("prettyJsonPieces", () => {
  it("joins to exactly JSON.stringify(value, null, 2) for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, depth) => {
        expect([...prettyJsonPieces(value, depth)].join("")).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out undefined properties and writes undefined array items as null, as JSON.stringify does", () => {
    const value = {
      a: undefined,
      b: [undefined, 1, { c: undefined }],
      d: new Date(Date.UTC(2022, 6, 15)),
      e: {},
    };
    expect([...prettyJsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2));
  });

  it("hands a large document over in many pieces, none of them the whole", () => {
    const value = {
      sheets: [{ rows: Array.from({ length: 20_000 }, (_, i) => ({ row: i, text: `action ${i}\nline` })) }],
    };
    const pieces = [...prettyJsonPieces(value)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
    expect(pieces.join("")).toBe(JSON.stringify(value, null, 2));
  });
});
