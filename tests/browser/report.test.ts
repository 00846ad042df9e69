/**
 * The committee report in a real browser (the preview): the Summary view's pictures at 320 and
 * 360 px (screenshots kept in tests/artifacts/screenshots), axe on them, and "Copy for report"
 * pasted into a contenteditable page: real tables and the paragraph arrive, and the clipboard
 * holds both text/html and text/plain.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchChromium, openPreview, screenshot, serveDist, type PreviewPage, type Served } from "./helpers";

let served: Served;
let browser: Browser;
let preview: PreviewPage;
let page: Page;

beforeAll(async () => {
  served = await serveDist();
  browser = await launchChromium();
  preview = await openPreview(browser, served);
  await preview.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.origin });
  page = preview.page;
  await page.getByRole("tab", { name: "Summary", exact: true }).click();
  await page.getByRole("button", { name: "Summarise progress" }).click();
  await page.getByTestId("committee-text").waitFor();
  await page.getByRole("heading", { name: "Ratings by tab" }).waitFor();
});

afterAll(async () => {
  expect(preview?.foreign).toEqual([]);
  expect(preview?.problems).toEqual([]);
  await browser?.close();
  await served?.close();
});

test("the pictures: a bar per tab and overall, overdue by owner, the trend; figures in words", async () => {
  const pane = page.locator(".preview-pane");
  await expect(pane.getByText(/^Blue 7, Green 9, Amber 6, Red 4, Not rated 12$/).count()).resolves.toBe(1);
  await expect(pane.getByRole("heading", { name: "Overdue by owner" }).count()).resolves.toBe(1);
  await expect(pane.getByRole("heading", { name: "Trend across reviews" }).count()).resolves.toBe(1);
  // The tables behind the pictures open from the keyboard.
  const summary = pane.getByText("Ratings by tab as a table");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(pane.getByRole("table").first().isVisible()).resolves.toBe(true);
  for (const width of [320, 360]) {
    await page.addStyleTag({ content: `.preview-pane { width: ${width}px !important; }` });
    await pane.getByRole("heading", { name: "Ratings by tab" }).scrollIntoViewIfNeeded();
    await screenshot(page, `summary-charts-${width}`);
    await pane.getByRole("heading", { name: "Overdue by owner" }).scrollIntoViewIfNeeded();
    await screenshot(page, `summary-owners-trend-${width}`);
    await pane.getByTestId("committee-text").scrollIntoViewIfNeeded();
    await screenshot(page, `summary-report-${width}`);
    // Nothing in the pane is wider than the pane (no sideways scrolling at 320 px).
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect([width, overflow]).toEqual([width, 0]);
  }
  const results = await new AxeBuilder({ page })
    .include(".preview-pane")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    // As in a11y.test.ts: only Fluent's focus-trap helpers (data-tabster-dummy) are excused from aria-hidden-focus.
    .map((v) => ({
      id: v.id,
      nodes: v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => n.target.join(" ")),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.join(", ")}`);
  expect(serious).toEqual([]);
});

test("Copy for report pastes into a contenteditable page as real tables and the paragraph", async () => {
  const paragraph = (await page.getByTestId("committee-text").textContent()) ?? "";
  expect(paragraph).toMatch(/^Service Development Plan 2022-23, position as at /);
  await page.getByRole("button", { name: "Copy for report" }).click();
  await page.getByText(/Copied the paragraph and tables/).waitFor();
  const types = await page.evaluate(async () =>
    (await navigator.clipboard.read()).flatMap((i) => [...i.types]),
  );
  expect(types.sort()).toEqual(["text/html", "text/plain"]);
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain).toContain(paragraph);
  expect(plain).toContain("Tab\tBlue\tGreen\tAmber\tRed\tNot rated\tActions\tComplete\tOverdue");

  // A page like a Word document: paste with Ctrl+V into a contenteditable area.
  const doc = await preview.context.newPage();
  await doc.goto(served.url);
  await doc.evaluate(() => {
    document.body.innerHTML = '<div id="doc" contenteditable="true" style="min-height:200px"></div>';
  });
  await doc.locator("#doc").click();
  await doc.keyboard.press("Control+V");
  const pasted = await doc.locator("#doc").evaluate((el) => ({
    text: el.textContent ?? "",
    tables: [...el.querySelectorAll("table")].map((t) => ({
      caption: t.querySelector("caption")?.textContent ?? "",
      header: [...t.querySelectorAll("th")].map((th) => th.textContent),
      rows: t.querySelectorAll("tbody tr").length,
    })),
  }));
  expect(pasted.text.replace(/\s+/g, " ")).toContain(paragraph.replace(/\s+/g, " "));
  expect(pasted.tables.map((t) => t.caption)).toEqual(["Ratings by tab", "Needs attention"]);
  expect(pasted.tables[0].header).toEqual([
    "Tab",
    "Blue",
    "Green",
    "Amber",
    "Red",
    "Not rated",
    "Actions",
    "Complete",
    "Overdue",
  ]);
  expect(pasted.tables[0].rows).toBe(5); // four tabs and the whole plan
  expect(pasted.tables[1].header).toEqual(["Action", "Tab, row", "Owner", "Why", "Due", "Latest comment"]);
  expect(pasted.tables[1].rows).toBe(10);
  await doc.screenshot({ path: `${__dirname}/../artifacts/screenshots/report-pasted.png` });
  await doc.close();
});
