/**
 * The batch's HTML report (sdp-check … --format html) in a real browser: made from the fixture
 * plan under two names and a broken file, opened as a manager would open the page; it must fetch
 * nothing (every request but the page's own is recorded and aborted), break no rule of its own
 * Content-Security-Policy, run no script, and be clean under axe (WCAG 2.2 A and AA: no violation
 * of any impact). Its numbers must be the portfolio's.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { checkOne } from "../../src/cli/check-one";
import { renderPortfolioHtml } from "../../src/cli/portfolio-html";
import { buildPortfolio, type Portfolio } from "../../src/cli/portfolio-model";
import { FIXTURE, SCREENSHOTS, launchChromium } from "./helpers";

const PAGE_URL = "http://report.invalid/portfolio.html";
let browser: Browser;
let portfolio: Portfolio;
let html: string;

beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const read = (file: string) =>
    Promise.resolve(file.includes("broken") ? new TextEncoder().encode("Why?,Who?\n") : bytes);
  const flags = { asOf: "2022-07-15", dueSoonDays: null };
  const outcomes = await Promise.all(
    ["plans/early-help.xlsx", "plans/broken.xlsx", 'plans/<csc> & "care".xlsx'].map((f) =>
      checkOne(f, flags, "2022-07-15", read),
    ),
  );
  portfolio = buildPortfolio(outcomes, "2022-07-15");
  html = renderPortfolioHtml(portfolio);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test("opens with nothing fetched, no CSP violation, axe clean, and the portfolio's numbers", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) {
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    } else {
      requests.push(url);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(PAGE_URL);
  await page.getByRole("heading", { name: "SDP check: portfolio of plans", level: 1 }).waitFor();

  // The one style element is allowed by its hash: the page is styled (h2's rule applies).
  expect(
    await page
      .locator("h2")
      .first()
      .evaluate((h) => getComputedStyle(h).borderBottomStyle),
  ).toBe("solid");
  expect(await page.locator("script").count()).toBe(0);

  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    axe.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    })),
  ).toEqual([]);

  // What a reader sees: the sentence, both charts named, the totals row and the overdue list.
  await page.getByText(portfolio.summary.sentence, { exact: true }).waitFor();
  expect(await page.getByRole("img").count()).toBe(2);
  expect(await page.getByRole("img", { name: /^Ratings by plan\. / }).count()).toBe(1);
  const total = page.getByRole("row", { name: /^All plans/ });
  expect(await total.locator("td").first().textContent()).toBe(String(portfolio.summary.actions));
  expect(portfolio.summary.actions).toBe(2 * 38);
  const overdueRows = page
    .getByRole("table", { name: /Overdue actions across the plans/ })
    .locator("tbody tr");
  expect(await overdueRows.count()).toBe(portfolio.summary.overdue.length);
  // A workbook's name is text, never markup.
  expect(await page.getByText('plans/<csc> & "care".xlsx').count()).toBeGreaterThan(0);
  await page.getByText(/Not read: plans\/broken\.xlsx: The file is not an \.xlsx workbook\./).waitFor();

  await page.screenshot({ path: join(SCREENSHOTS, "portfolio-report.png"), fullPage: true });
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
