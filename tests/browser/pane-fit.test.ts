/**
 * The pane as staff use it at Excel's task-pane widths (320 px and 360 px), in the preview: the
 * Check view of the sample plan fits in 2.5 screens before any section is opened; focus lands on
 * the result heading after Check plan and Summarise (and the result is announced); every command
 * is reachable in at most 10 Tab presses from the top of the pane; feedback shows within sight of
 * the control used; applying one suggestion selects the changed cell in the grid; Apply all never
 * offers a softer rating; an empty workbook shows "No plan table found"; axe finds nothing serious.
 * Screenshots go to tests/artifacts/screenshots/pane-*.png.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { offeredByTab, offeredSuggestions } from "../../src/app/suggestions";
import {
  engineResult,
  gridCell,
  launchChromium,
  localToday,
  openPreview,
  SAMPLE,
  screenshot,
  serveDist,
  until,
  type PreviewPage,
  type Served,
} from "./helpers";

let served: Served;
let browser: Browser;
const opened: PreviewPage[] = [];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

afterEach(() => {
  for (const p of opened.splice(0)) {
    expect(p.foreign).toEqual([]);
    expect(p.problems).toEqual([]);
  }
});

/** The preview at a given pane width (the pane is the preview's left column, scrolling on its own). */
async function paneAt(width: number): Promise<Page> {
  const p = await openPreview(browser, served);
  opened.push(p);
  await p.page.evaluate((w) => {
    const pane = document.querySelector<HTMLElement>(".preview-pane");
    if (pane) pane.style.width = `${w}px`;
  }, width);
  return p.page;
}

function pane(page: Page): Locator {
  return page.locator(".preview-pane");
}

async function runCheck(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Check plan" }).click();
  await page.getByRole("heading", { name: "Check results" }).waitFor();
  await page.getByRole("heading", { name: /^Due and overdue/ }).waitFor();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(".preview-pane")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const found: string[] = [];
  for (const v of results.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    const nodes: string[] = [];
    for (const n of v.nodes) {
      if (v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")) continue;
      const selector = n.target.join(" ");
      if (v.id === "target-size" && !(await stillTooSmall(page, selector))) continue;
      nodes.push(selector);
    }
    if (nodes.length > 0) found.push(`${v.id}: ${nodes.join(", ")}`);
  }
  return found;
}

/**
 * axe's target-size treats the pane's sticky header as an ordinary box, so a control scrolled
 * half under it is measured by the part still showing (dequelabs/axe-core#3720, open): every
 * target it reports is scrolled to the middle of the pane and measured again by the same rule,
 * and only one that still fails there is reported. The pane's scroll position is put back.
 */
async function stillTooSmall(page: Page, selector: string): Promise<boolean> {
  const target = page.locator(selector);
  if ((await target.count()) !== 1) return true;
  const top = await pane(page).evaluate((el) => el.scrollTop);
  await target.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const again = await new AxeBuilder({ page }).include(selector).withRules(["target-size"]).analyze();
  await pane(page).evaluate((el, y) => (el.scrollTop = y), top);
  return again.violations.some((v) => v.nodes.length > 0);
}

/** True when the element's box lies inside the pane's visible area. */
async function inPaneView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const view = await pane(page).boundingBox();
  if (!box || !view) return false;
  return box.y >= view.y - 1 && box.y + Math.min(box.height, 40) <= view.y + view.height + 1;
}

/** Tab presses from the top of the pane until `name` has the focus (or null after `max`). */
async function tabsTo(page: Page, name: RegExp, max = 10): Promise<number | null> {
  await page.evaluate(() => {
    const top = document.querySelector<HTMLElement>(".preview-pane h1");
    if (top) {
      top.tabIndex = -1;
      top.focus();
    }
  });
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (name.test(focused)) return n;
  }
  return null;
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
}

describe.each([320, 360])("at %i px", (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await paneAt(width);
  });

  test("before checking: no duplicated heading, Check plan in the header, axe clean", async () => {
    await expect(page.getByRole("heading", { name: "Check plan" }).count()).resolves.toBe(0);
    // Excel titles the pane already: the pane's own h1 is for screen readers only (1 px, clipped).
    const h1 = await pane(page).locator("h1").boundingBox();
    expect(h1?.width ?? 0).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("Check plan: focus on the result heading, announced, and the view fits in 2.5 screens", async () => {
    await runCheck(page);
    await until(
      () => focusedText(page),
      (t) => t === "Check results",
    );
    await expect(page.getByTestId("announcer").textContent()).resolves.toMatch(/^Check complete: /);
    const { scroll, client } = await pane(page).evaluate((el) => ({
      scroll: el.scrollHeight,
      client: el.clientHeight,
    }));
    const screens = scroll / client;
    process.stdout.write(
      `pane ${width} px: Check view ${scroll} px tall, ${screens.toFixed(2)} screens of ${client} px\n`,
    );
    expect(screens).toBeLessThanOrEqual(2.5);
    // The plan's title and as-of date in the header; no "Notes (n)" severity label; no doubled punctuation.
    const text = (await pane(page).innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(/Judged on \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).not.toMatch(/Notes \(\d+\)/);
    expect(text).not.toMatch(/[.:;]\s?:/);
    expect(text).not.toMatch(/'![A-Z]+\d+/); // no Excel reference syntax
    await screenshot(page, `pane-${width}-checked`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("every command is at most 10 Tab presses from the top of the pane", async () => {
    expect(await tabsTo(page, /^Check plan$/)).not.toBeNull();
    for (const section of ["Counts", "Findings", "Due and overdue", "Suggestions", "Formatting"])
      expect([section, await tabsTo(page, new RegExp(`^${section}:`))]).toEqual([
        section,
        expect.any(Number),
      ]);
    await page.getByRole("button", { name: /^Suggestions:/ }).click();
    const apply = await tabsTo(page, /^Apply all suggestions$/);
    // A user opens the section they need: Suggestions closed again, Formatting opened.
    await page.getByRole("button", { name: /^Suggestions:/ }).click();
    await page.getByRole("button", { name: /^Formatting:/ }).click();
    const remove = await tabsTo(page, /^Remove formatting added by SDP Assistant$/);
    process.stdout.write(
      `pane ${width} px: Tab presses to Apply all ${apply}, to Remove formatting ${remove}\n`,
    );
    expect(apply).not.toBeNull();
    expect(remove).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `pane-${width}-sections-open`);
  });

  test("applying one suggestion: the message beside it, and the grid selects the changed cell", async () => {
    const header = page.getByRole("button", { name: /^Suggestions:/ });
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    const apply = page.getByRole("button", { name: /^Apply the suggested rating to / }).first();
    const label = (await apply.getAttribute("aria-label")) ?? "";
    const [, sheet, row] = /to (.+), row (\d+)$/.exec(label) ?? [];
    await apply.click();
    const notice = page.getByTestId("notice").filter({ hasText: "Cells changed" });
    await notice.waitFor();
    await expect(notice.getAttribute("data-place")).resolves.toBe("suggestions");
    expect(await inPaneView(page, notice)).toBe(true);
    await until(
      () => page.getByTestId("selected-cell").textContent(),
      (t) => new RegExp(`^Selected cell: [A-Z]+${row} on ${sheet}$`).test(t ?? ""),
    );
    await expect(page.getByTestId("notice").count()).resolves.toBe(1);
    await screenshot(page, `pane-${width}-applied-one`);
    await page.getByRole("button", { name: "Dismiss: Cells changed" }).click();
    await expect(page.getByTestId("notice").count()).resolves.toBe(0);
  });

  test("Summarise progress: focus on its result heading", async () => {
    await page.getByRole("tab", { name: "Summary", exact: true }).click();
    await page.getByRole("button", { name: "Summarise progress" }).click();
    await until(
      () => focusedText(page),
      (t) => t === "For the committee report",
    );
    await expect(page.getByTestId("announcer").textContent()).resolves.toMatch(/^Summary ready: /);
    expect(await tabsTo(page, /^Summarise progress$/)).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `pane-${width}-summary`);
  });

  test("Settings: the saved message beside Save, the as-of date day first, nothing past the pane edge", async () => {
    await page.getByRole("tab", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { name: "Settings for this workbook" }).waitFor();
    await page.getByRole("radio", { name: "A date I choose" }).check();
    const date = page.getByRole("textbox", { name: "As-of date (day/month/year)" });
    await expect(date.getAttribute("placeholder")).resolves.toBe("dd/mm/yyyy");
    await page.getByRole("button", { name: "Add a column header" }).click();
    const wide = await pane(page).evaluate((el) => {
      const edge = el.getBoundingClientRect().right;
      return [...el.querySelectorAll<HTMLElement>("*")]
        .filter((e) => e.getBoundingClientRect().right > edge + 1)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${(e.getAttribute("class") ?? "").split(" ")[0]} "${(e.textContent ?? "").slice(0, 30)}"`,
        )
        .slice(0, 5);
    });
    expect(wide).toEqual([]);
    await page.getByRole("radio", { name: /^Today/ }).check();
    await page.getByRole("button", { name: /^Remove column override/ }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    const notice = page.getByTestId("notice").filter({ hasText: "Settings saved" });
    await notice.waitFor();
    expect(await inPaneView(page, notice)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `pane-${width}-settings-saved`);
  });

  test("Rating colours: keep my plan's own colours, axe clean; Check plan then colours the grid in the plan's fills", async () => {
    await page.getByRole("tab", { name: "Settings", exact: true }).click();
    const own = page.getByRole("radio", { name: "Keep my plan's own colours" });
    // The sample plan fills its rating cells, so the choice is offered.
    await expect(own.isEnabled()).resolves.toBe(true);
    await own.check();
    const green = page.getByTestId("rating-colour-green");
    await expect(green.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe(
      "rgb(0, 176, 80)",
    );
    await page.getByRole("heading", { name: "Rating colours" }).scrollIntoViewIfNeeded();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `pane-${width}-settings-colours`);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("notice").filter({ hasText: "Settings saved" }).waitFor();
    await runCheck(page);
    await page.getByRole("tab", { name: "Early Help", exact: true }).click();
    // G8 says "Green" and has no fill of its own: the add-in's rule gives it the plan's green.
    const cell = gridCell(page, "G8");
    await expect(cell.innerText()).resolves.toMatch(/^Green/);
    await until(
      () => cell.evaluate((el) => getComputedStyle(el).backgroundColor),
      (c) => c === "rgb(0, 176, 80)",
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("suggestions respect the owner", () => {
  test("Apply all offers only the more severe ratings, counted per tab, and leaves softer ones alone", async () => {
    const page = await paneAt(360);
    const engine = await engineResult(SAMPLE, localToday());
    const offered = offeredSuggestions(engine);
    const perTab = offeredByTab(engine);
    const softer = engine.sheets
      .flatMap((s) => s.actions)
      .filter((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag && !offered.includes(a));
    await runCheck(page);
    await page.getByRole("button", { name: /^Suggestions:/ }).click();
    await page.getByRole("button", { name: "Apply all suggestions" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    for (const t of perTab) expect(text).toContain(`${t.sheet} (${t.count})`);
    await dialog
      .getByRole("button", { name: `Change ${offered.length} cell${offered.length === 1 ? "" : "s"}` })
      .click();
    await page.getByTestId("notice").filter({ hasText: "Cells changed" }).waitFor();
    for (const a of softer.slice(0, 5)) {
      await page.getByRole("tab", { name: a.sheet, exact: true }).click();
      const letters = String.fromCharCode(64 + (a.columns.rag ?? 1));
      await expect(gridCell(page, `${letters}${a.row}`).textContent()).resolves.toContain(
        a.ratingText.trim(),
      );
    }
    await screenshot(page, "pane-360-applied-all");
  });
});

describe("an empty workbook", () => {
  test("shows “No plan table found” with the way to name columns, not a clean bill of health", async () => {
    const page = await paneAt(320);
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sheet1").getCell("A1").value = "Notes from the meeting";
    const file = join(mkdtempSync(join(tmpdir(), "sdp-empty-")), "blank.xlsx");
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Open workbook…" }).click(),
    ]);
    await chooser.setFiles(file);
    await page.getByRole("tab", { name: "Sheet1" }).waitFor();
    await page.getByRole("button", { name: "Check plan" }).click();
    await page.getByRole("heading", { name: "No plan table found" }).waitFor();
    const text = await pane(page).innerText();
    expect(text).toContain("Column headers");
    expect(text).not.toMatch(/Every rating agrees|No findings/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "pane-320-no-plan-table");
  });
});
