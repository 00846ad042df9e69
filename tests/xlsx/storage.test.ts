import {
  STORAGE_LABELS,
  STORAGE_SHEET,
  joinJson,
  readStorage,
  splitJson,
  storageRows,
} from "../../src/core/storage-layout";
import { readXlsx } from "../../src/xlsx";
import { xlsxBytes } from "./helpers";

describe("storage layout", () => {
  it("splits long JSON into chunks of at most 30,000 characters and joins them back", () => {
    const value = { notes: "é".repeat(70_000), list: Array.from({ length: 500 }, (_, i) => i) };
    const text = JSON.stringify(value);
    const parts = splitJson(text);
    expect(parts.length).toBe(Math.ceil(text.length / 30_000));
    expect(parts.every((p) => p.length <= 30_000)).toBe(true);
    expect(joinJson(parts)).toEqual(value);
  });

  it("never splits a surrogate pair", () => {
    const text = JSON.stringify("a" + "😀".repeat(10));
    const parts = splitJson(text, 4);
    for (const part of parts) expect(part).toBe(Buffer.from(part, "utf8").toString("utf8"));
    expect(parts.join("")).toBe(text);
  });

  it("joinJson returns null for nothing or for text that is not JSON", () => {
    expect(joinJson([])).toBeNull();
    expect(joinJson([null, "{}"])).toBeNull();
    expect(joinJson(['{"a":', "oops"])).toBeNull();
    expect(joinJson(['{"a":', "1}", null, "ignored"])).toEqual({ a: 1 });
  });

  it("reads items wherever the adapter's grid starts, and ignores rows it does not know", () => {
    const sheet = {
      name: STORAGE_SHEET,
      visibility: "veryHidden" as const,
      origin: { row: 2, col: 1 },
      values: [
        [STORAGE_LABELS.snapshot, '{"takenOn":', '"2022-07-04"}'],
        ["something else", "{}"],
      ],
    };
    expect(readStorage(sheet)).toEqual({ settings: null, snapshot: { takenOn: "2022-07-04" }, owned: null });
  });
});

describe("readXlsx and the storage tab", () => {
  const settings = { version: 1, asOf: "2022-07-15", dueSoonDays: 14, big: "x".repeat(65_000) };
  const snapshot = { version: 1, takenOn: "2022-07-04", actions: {} };
  const owned = [{ sheet: "Plan", range: "G2:G9" }];

  it("reads settings and snapshot stored by the add-in and drops the storage tab from the grid", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("Plan").getCell("A1").value = "Why?";
      const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
      storageRows({ settings, snapshot, owned }).forEach((row, i) => {
        row.forEach((cell, j) => (store.getCell(i + 1, j + 1).value = cell));
      });
      wb.addWorksheet("After").getCell("A1").value = "x";
    });
    const read = await readXlsx(bytes);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(["Plan", "After"]);
    expect(read.settings).toEqual(settings);
    expect(read.snapshot).toEqual(snapshot);
    expect(read.owned).toEqual(owned);
  });

  it("reads a storage tab with damaged JSON as nothing stored", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("Plan").getCell("A1").value = "Why?";
      const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
      store.getCell("A1").value = STORAGE_LABELS.settings;
      store.getCell("B1").value = "{not json";
    });
    const read = await readXlsx(bytes);
    expect(read.settings).toBeNull();
    expect(read.grid.sheets.map((s) => s.name)).toEqual(["Plan"]);
  });
});
