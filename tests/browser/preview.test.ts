/**
 * The browser preview in a real browser, as a person uses it: the sample plan, Check plan,
 * a finding that goes to its cell, the rating dropdown and colours in the grid, Summarise
 * progress and its tab, Download workbook (re-read in node), Open workbook with the fixture and
 * with broken files. Every request to another origin fails the test (privacy).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { formatDay } from "../../src/core";
import { RATING_PALETTE, STATUS_PALETTE } from "../../src/core/palette";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import { XLSX_MESSAGES, readXlsx } from "../../src/xlsx";
import {
  FIXTURE,
  SAMPLE,
  engineResult,
  expectedFixture,
  gridCell,
  launchChromium,
  localToday,
  openPreview,
  screenshot,
  serveDist,
  type PreviewPage,
  type Served,
  until,
} from "./helpers";

let served: Served;
let browser: Browser;
let preview: PreviewPage;
let page: Page;
const expected = expectedFixture();
const overdueExpected = expected.sheets
  .flatMap((s) => s.actions)
  .filter((a) => a.status === "overdue").length;

beforeAll(async () => {
  served = await serveDist();
  browser = await launchChromium();
  preview = await openPreview(browser, served);
  page = preview.page;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

afterEach(() => {
  // Privacy: nothing may leave the page's own origin; and the page must run clean.
  expect(preview.foreign).toEqual([]);
  expect(preview.problems).toEqual([]);
});

async function showTab(name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("tab", { name, exact: true }).getAttribute("aria-selected")).resolves.toBe(
    "true",
  );
}

/** Opens a section of the Check view ("Counts", "Findings", …) unless it is open already. */
async function openSection(name: string): Promise<void> {
  const header = page.getByRole("button", { name: new RegExp(`^${name}:`) });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
}

/** Cells on the shown tab whose fill is this colour. */
async function cellsFilled(fill: string): Promise<string[]> {
  return page
    .locator(`table.sheet-table td[data-fill="${fill}"]`)
    .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-address") ?? ""));
}

describe("the browser preview on the sample plan", () => {
  test("opens the sample plan: the pane beside the grid, hidden tabs not shown, the as-of date stated", async () => {
    await screenshot(page, "01-opened");
    for (const view of ["Check", "Summary", "Settings"])
      await expect(page.getByRole("tab", { name: view, exact: true }).count()).resolves.toBe(1);
    const sheetTabs = await page
      .getByRole("tablist", { name: "Workbook tabs" })
      .getByRole("tab")
      .allTextContents();
    expect(sheetTabs).toEqual(expected.sheets.map((s) => s.name).concat(expected.skippedSheets));
    expect(sheetTabs).not.toContain(STORAGE_SHEET);
    await expect(page.getByTestId("preview-message").textContent()).resolves.toContain("as of 15 July 2022");
    await expect(gridCell(page, "A1").textContent()).resolves.toBe("Service Development Plan 2022-23");
  });

  test("starts from the sample's prebuilt grid: no exceljs and no .xlsx until Open workbook… or Download workbook", async () => {
    const started = [...preview.requests];
    expect(started).toContain("/assets/sample-plan.grid.json");
    expect(started).not.toContain("/assets/sample-plan.xlsx");
    // The exceljs reader and writer are their own chunks (xlsx, xlsx-write), which pull exceljs in.
    expect(started.filter((p) => /\/xlsx(-write)?\.[0-9a-f]+\.js$/.test(p))).toEqual([]);
    // The page's own code: its first script, then the workbook code (memory-excel, grid view) in parallel with the grid.
    expect(started.filter((p) => p.endsWith(".js")).map((p) => p.replace(/\.[0-9a-f]+\.js$/, ""))).toEqual([
      "/preview",
      "/preview-workbook",
    ]);
  });

  test("Check plan shows the overdue count the engine and the hand-checked fixture give", async () => {
    const engine = await engineResult(SAMPLE, localToday());
    expect(engine.settingsAsOf).toBe(expected.asOf);
    expect(engine.summary.status.overdue).toBe(overdueExpected);

    await page.getByRole("button", { name: "Check plan" }).click();
    await page.getByRole("heading", { name: "Check results" }).waitFor();
    await expect(page.getByRole("button", { name: /^Due and overdue:/ }).textContent()).resolves.toContain(
      `${overdueExpected} overdue`,
    );
    await expect(page.getByText(`Judged on ${formatDay(engine.asOf)}`).count()).resolves.toBe(1);
    await openSection("Counts");
    const counts = await page.locator('dl[aria-label="Whole plan: counts by status"]').innerText();
    expect(counts.replace(/\s+/g, " ")).toContain(`Overdue ${overdueExpected}`);
    expect(counts.replace(/\s+/g, " ")).toContain(`Actions ${engine.summary.actions}`);
    await screenshot(page, "02-checked");
  });

  test("the grid shows the rating dropdown, the rating colours with their words, and every overdue deadline highlighted", async () => {
    const engine = await engineResult(SAMPLE, localToday());
    await showTab("Early Help");
    const g8 = gridCell(page, "G8");
    await expect(g8.getAttribute("data-dropdown")).resolves.toBe("Blue,Green,Amber,Red");
    await expect(g8.innerText()).resolves.toMatch(/^Green/);
    await expect(g8.getAttribute("data-fill")).resolves.toBe(RATING_PALETTE.green.fill);
    await expect(g8.getAttribute("data-font")).resolves.toBe(RATING_PALETTE.green.font);

    let highlighted = 0;
    for (const sheet of engine.sheets) {
      await showTab(sheet.name);
      const overdue = sheet.actions
        .filter((a) => a.status === "overdue")
        .map((a) => `${String.fromCharCode(64 + (a.columns.due ?? 0))}${a.row}`);
      const shown = await cellsFilled(STATUS_PALETTE.overdue.fill);
      expect(shown.sort()).toEqual(overdue.sort());
      highlighted += shown.length;
      // Every rating colour is shown with its word: a coloured rating cell (by the add-in's rule) is never empty.
      const rated = await page
        .locator("table.sheet-table td[data-cf]")
        .evaluateAll((tds) =>
          tds
            .filter(
              (td) =>
                !td.hasAttribute("data-fill") ||
                !["#F8D0C8", "#FFF1C2"].includes(td.getAttribute("data-fill") ?? ""),
            )
            .map((td) => td.textContent?.replace("▾", "").trim() ?? ""),
        );
      for (const word of rated) expect(word).not.toBe("");
    }
    expect(highlighted).toBe(overdueExpected);
    await showTab("Children's Social Care");
    await screenshot(page, "03-grid-colours");
  });

  test("a finding goes to its cell: the grid shows that cell selected on its tab", async () => {
    const name = "Children in Care & Care Leavers";
    const sheet = expected.sheets.find((s) => s.name === name);
    await showTab("Early Help");
    await openSection("Findings");
    await page.getByRole("combobox", { name: "Show" }).selectOption(`tab:${name}`);
    // The first finding listed for the tab, in plain words ("…, row 14: evidence"), goes to its cell.
    const link = page.getByRole("button", { name: new RegExp(`^Go to ${name}, row \\d+`) }).first();
    const row = Number(/row (\d+)/.exec((await link.getAttribute("aria-label")) ?? "")?.[1]);
    const cells = (sheet?.findings ?? [])
      .filter((f) => Number(/\d+$/.exec(f.cell)?.[0]) === row)
      .map((f) => f.cell.slice(f.cell.lastIndexOf("!") + 1));
    expect(cells.length).toBeGreaterThan(0);
    await link.click();
    const tab = page.getByRole("tab", { name: "Children in Care & Care Leavers", exact: true });
    await until(
      () => tab.getAttribute("aria-selected"),
      (v) => v === "true",
    );
    const selected = (await page.getByTestId("selected-cell").textContent()) ?? "";
    const local = /^Selected cell: (\S+) on /.exec(selected)?.[1] ?? "";
    expect(cells).toContain(local);
    expect(selected).toBe(`Selected cell: ${local} on ${name}`);
    await expect(gridCell(page, local).getAttribute("data-selected")).resolves.toBe("true");
    await screenshot(page, "04-finding-selected");
  });

  test("Convert colour-only ratings writes the words; the grid redraws after the sync", async () => {
    // Coming back to the pane from the grid re-reads the plan (refresh on focus): let it finish first.
    await page.getByRole("button", { name: "Check plan" }).focus();
    await until(
      () => page.getByRole("button", { name: "Check plan" }).isEnabled(),
      (enabled) => enabled,
    );
    await openSection("Formatting");
    await page.getByRole("button", { name: "Convert colour-only ratings to text" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await screenshot(page, "05-dialog");
    await dialog.getByRole("button", { name: /^Change \d+ cells?$/ }).click();
    await page.getByText("Colour-only ratings written as text").first().waitFor();
    await showTab("Early Help");
    // G9 was green by fill only: it now says Green, and the add-in's rule colours it.
    await expect(gridCell(page, "G9").innerText()).resolves.toMatch(/^Green/);
    await expect(gridCell(page, "G9").getAttribute("data-fill")).resolves.toBe(RATING_PALETTE.green.fill);
    await screenshot(page, "06-converted");
  });

  test("Summarise progress: the committee sentence in the pane and the Progress Summary tab in the grid", async () => {
    const engine = await engineResult(SAMPLE, localToday());
    await page.getByRole("tab", { name: "Summary", exact: true }).click();
    await page.getByRole("button", { name: "Summarise progress" }).click();
    const committee = page.getByTestId("committee-text");
    await committee.waitFor();
    // The committee paragraph: the plan's name, its as-of date and the engine's counts. The colour-only
    // ratings were just written as words: same ratings, so the same counts.
    const paragraph = (await committee.textContent()) ?? "";
    expect(paragraph).toContain(`Service Development Plan 2022-23, position as at ${formatDay(engine.asOf)}`);
    expect(paragraph).toContain(`${engine.summary.actions} actions`);
    expect(paragraph).toContain(`${engine.summary.status.overdue} are overdue`);
    await screenshot(page, "07-summary-pane");
    await showTab("Progress Summary");
    await expect(gridCell(page, "A1").textContent()).resolves.toBe(
      `Service Development Plan 2022-23: position as at ${formatDay(engine.asOf)}`,
    );
    await expect(page.locator("table.sheet-table td[data-link]").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/Chart “Ratings by tab”/).count()).resolves.toBe(1);
    await screenshot(page, "08-summary-tab");
  });

  test("Download workbook: the .xlsx re-read in node has the same actions, the summary tab, the colours, the dropdowns and the settings", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("sample-plan.xlsx");
    const dir = mkdtempSync(join(tmpdir(), "sdp-download-"));
    const file = join(dir, "downloaded.xlsx");
    await download.saveAs(file);
    const bytes = readFileSync(file);

    const before = await engineResult(SAMPLE, localToday());
    const after = await engineResult(bytes, localToday());
    const shape = (r: typeof before) =>
      r.sheets.map((s) => ({
        name: s.name,
        actions: s.actions.map((a) => [a.row, a.key, a.status, a.deadline.due]),
      }));
    expect(shape(after)).toEqual(shape(before));
    expect(after.settingsAsOf).toBe(expected.asOf);
    expect(after.summary.status).toEqual(before.summary.status);

    const read = await readXlsx(bytes);
    expect(read.snapshot).not.toBeNull(); // Summarise stored its snapshot in the very hidden tab
    expect(read.grid.sheets.map((s) => s.name)).toContain("Progress Summary");

    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(STORAGE_SHEET)?.state).toBe("veryHidden");
    const early = workbook.getWorksheet("Early Help")!;
    const formats = (
      early as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    const ratingRules = formats.filter((f) => f.ref.startsWith("G8"));
    expect(ratingRules.map((f) => f.rules[0]?.style?.fill?.bgColor?.argb)).toEqual(
      expect.arrayContaining(
        [
          RATING_PALETTE.blue.fill,
          RATING_PALETTE.green.fill,
          RATING_PALETTE.amber.fill,
          RATING_PALETTE.red.fill,
        ].map((c) => `FF${c.slice(1)}`),
      ),
    );
    expect(ratingRules[0]?.rules[0]?.formulae?.[0]).toMatch(/^OR\(LOWER\(TRIM\(G8\)\)=/);
    expect(
      formats.some(
        (f) =>
          /^TODAY\(\)>DATE\(\d+,\d+,\d+\)$/.test(f.rules[0]?.formulae?.[0] ?? "") &&
          f.rules[0]?.style?.fill?.bgColor?.argb === `FF${STATUS_PALETTE.overdue.fill.slice(1)}`,
      ),
    ).toBe(true);
    const validation = early.getCell("G8").dataValidation;
    expect(validation?.type).toBe("list");
    expect(validation?.formulae?.[0]).toBe('"Blue,Green,Amber,Red"');
    const summary = workbook.getWorksheet("Progress Summary")!;
    expect(summary.getCell("A1").value).toBe("Service Development Plan 2022-23: position as at 15 July 2022");
    // The overdue table links each action to its row (column A since the report layout).
    const linked = summary
      .getColumn(1)
      .values.find((v) => typeof v === "object" && v !== null && "formula" in v) as
      { formula: string } | undefined;
    expect(linked?.formula).toMatch(/^HYPERLINK\("#'/);
  });
});

describe("Open workbook… (in the browser only)", () => {
  async function pick(file: string): Promise<void> {
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Open workbook…" }).click(),
    ]);
    await chooser.setFiles(file);
  }

  test("opens the fixture plan: a fresh pane judges it as of today", async () => {
    await pick(FIXTURE);
    await until(
      () => page.getByTestId("preview-message").textContent(),
      (t) => (t ?? "").includes("Showing sdp-2022-23.xlsx"),
    );
    await expect(page.getByTestId("preview-message").textContent()).resolves.toContain("nothing is uploaded");
    // A new workbook starts a new pane (no results carried over).
    await expect(page.getByRole("heading", { name: "Check results" }).count()).resolves.toBe(0);
    const today = localToday();
    const engine = await engineResult(FIXTURE, today);
    await page.getByRole("tab", { name: "Check", exact: true }).click();
    await page.getByRole("button", { name: "Check plan" }).click();
    await page.getByRole("heading", { name: "Check results" }).waitFor();
    await expect(page.getByRole("button", { name: /^Due and overdue:/ }).textContent()).resolves.toContain(
      `${engine.summary.status.overdue} overdue`,
    );
    await expect(page.getByText(`Judged on ${formatDay(today)}`).count()).resolves.toBe(1);
    await screenshot(page, "09-opened-fixture");
  });

  test.each([
    ["not-a-workbook.xlsx", Buffer.from("Plan notes, not a spreadsheet\n"), XLSX_MESSAGES["not-xlsx"]],
    ["cut-short.xlsx", () => readFileSync(FIXTURE).subarray(0, 2000), XLSX_MESSAGES.damaged],
    ["empty.xlsx", Buffer.alloc(0), XLSX_MESSAGES.empty],
  ])(
    "a broken file (%s) gives a clear message and leaves the workbook as it was",
    async (name, content, message) => {
      const dir = mkdtempSync(join(tmpdir(), "sdp-broken-"));
      const file = join(dir, name);
      writeFileSync(file, typeof content === "function" ? content() : content);
      await pick(file);
      const alert = page.getByRole("alert").filter({ hasText: "Could not open" });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toBe(
        `Could not open “${name}”: ${message} The workbook shown has not changed.`,
      );
      await expect(page.getByRole("tab", { name: "Early Help" }).count()).resolves.toBe(1);
      await screenshot(page, `10-broken-${name.replace(/\W+/g, "-")}`);
    },
  );

  test("Settings > Test this Excel: every conformance scenario passes on the preview's in-memory Excel, and the workbook is left identical", async () => {
    // The grid's sheet tabs (the pane's own Check / Summary / Settings tabs change with the view).
    const sheetTabs = async () =>
      (await page.getByRole("tab").allTextContents()).filter((t) => !/^(Check|Summary|Settings)+$/.test(t));
    // The workbook as Download workbook saves it (every tab, hidden ones too: cells, formats, merges,
    // rules, dropdowns), part by part; docProps only carries the time of the download.
    const saved = async (): Promise<Record<string, string>> => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download workbook" }).click(),
      ]);
      const file = join(mkdtempSync(join(tmpdir(), "sdp-selftest-")), "workbook.xlsx");
      await download.saveAs(file);
      const parts = unzipSync(readFileSync(file));
      return Object.fromEntries(
        Object.entries(parts)
          .filter(([name]) => !name.startsWith("docProps/"))
          .map(([name, data]) => [name, strFromU8(data)]),
      );
    };
    const tabsBefore = await sheetTabs();
    const before = await saved();
    expect(
      Object.keys(before).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length,
    ).toBeGreaterThan(1);
    await showTab("Settings");
    await page.getByRole("button", { name: "Test this Excel" }).click();
    const report = page.getByRole("textbox", { name: /Self-test report/ });
    await report.waitFor({ timeout: 30_000 });
    const text = await report.inputValue();
    expect(text).toMatch(/(\d+) of \1 passed/);
    expect(text).not.toContain("FAIL");
    await expect(sheetTabs()).resolves.toEqual(tabsBefore);
    expect(tabsBefore).toContain("Early Help");
    const after = await saved();
    // Named first (a short failure), then compared whole.
    const parts = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    expect(parts.filter((name) => before[name] !== after[name])).toEqual([]);
    expect(after).toEqual(before);
  });
});
