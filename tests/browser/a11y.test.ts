/**
 * Accessibility of the pane (WCAG 2.2 AA) in a real browser, in the preview: axe on every view
 * (Check before and after, Summary, Settings, a dialog open, forced colours) with no serious or
 * critical violation; the keyboard alone reaches and operates Check plan, a finding, the tabs,
 * Summarise and Copy, with a visible focus indicator; ratings are words beside colours; the
 * rating palette stays distinguishable under the common colour-vision deficiencies.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { RATING_PALETTE } from "../../src/core/palette";
import {
  launchChromium,
  openPreview,
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
  for (const p of opened) {
    expect(p.foreign).toEqual([]);
    expect(p.problems).toEqual([]);
  }
});

async function fresh(options: { forcedColors?: boolean } = {}): Promise<Page> {
  const p = await openPreview(browser, served, options);
  opened.push(p);
  return p.page;
}

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * Serious and critical axe violations (WCAG 2.0/2.1/2.2 A and AA). Only Fluent's focus-trap
 * helpers (data-tabster-dummy) are excused from aria-hidden-focus: they are focusable by design
 * and hand focus straight on (TOOLCHAIN-NOTES); nothing else is excluded.
 */
async function seriousViolations(page: Page, disabled: string[] = []): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .disableRules(disabled)
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => n.target.join(" ")),
    }))
    .filter((v) => v.nodes.length > 0);
}

/** Checks the plan and opens every section of the results, so a scan sees all of them. */
async function check(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Check", exact: true }).click();
  await page.getByRole("button", { name: "Check plan" }).click();
  await page.getByRole("heading", { name: "Check results" }).waitFor();
  for (const section of ["Counts", "Findings", "Due and overdue", "Suggestions", "Formatting"]) {
    const header = page.getByRole("button", { name: new RegExp(`^${section}:`) });
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  }
}

describe("axe: no serious or critical violation in any view", () => {
  let page: Page;
  beforeAll(async () => {
    page = await fresh();
  });

  test("Check, before checking", async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("Check, after checking (counts, findings, overdue list, suggestions)", async () => {
    await check(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a dialog open (Apply all suggestions)", async () => {
    await page.getByRole("button", { name: "Apply all suggestions" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // Scan the dialog as it stays, not half-way through Fluent's opening fade (250 ms): mid-fade, axe
    // measures the buttons' contrast against a translucent surface and reports it (an intermittent failure).
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "a11y-dialog");
    // The confirm dialogs are Fluent "alert" dialogs: Cancel (not Escape) is the way out.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await until(
      () => dialog.count(),
      (n) => n === 0,
    );
  });

  test("Summary, after summarising", async () => {
    await page.getByRole("tab", { name: "Summary", exact: true }).click();
    await page.getByRole("button", { name: "Summarise progress" }).click();
    await page.getByTestId("committee-text").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("Settings", async () => {
    await page.getByRole("tab", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { name: "Settings for this workbook" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "a11y-settings");
  });
});

describe("forced colours (Windows contrast themes)", () => {
  test("the pane and the grid keep every rating word, and axe finds nothing serious", async () => {
    const page = await fresh({ forcedColors: true });
    await check(page);
    const badges = await page.locator('dl[aria-label="Whole plan: counts by rating"] dt').allInnerTexts();
    expect(badges.map((b) => b.trim())).toEqual(["Blue", "Green", "Amber", "Red", "Not rated"]);
    await expect(page.locator('table.sheet-table td[data-address="G8"]').innerText()).resolves.toMatch(
      /^Green/,
    );
    // Under forced colours the browser paints the user's system colours, not the authored ones that
    // axe's color-contrast rule measures (it reported links that the screenshot shows black on white);
    // contrast is the theme's there. Every other rule runs; contrast is scanned in the views above.
    await screenshot(page, "a11y-forced-colours");
    expect(await seriousViolations(page, ["color-contrast"])).toEqual([]);
  });
});

describe("keyboard alone", () => {
  let page: Page;
  beforeAll(async () => {
    page = await fresh();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.origin });
  });

  /** What has focus: its role-ish tag, accessible label/text, and whether its focus indicator is drawn. */
  async function focused(): Promise<{ name: string; role: string; visible: boolean; inFindings: boolean }> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { name: "", role: "", visible: false, inFindings: false };
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, "::after");
      const drawn =
        (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) ||
        (after.borderStyle !== "none" && parseFloat(after.borderTopWidth) > 0) ||
        (after.outlineStyle !== "none" && parseFloat(after.outlineWidth) > 0);
      return {
        name: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim(),
        role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
        visible: el.matches(":focus-visible") && drawn,
        inFindings: el.closest('ul[aria-label="Findings"]') !== null,
      };
    });
  }

  /** Presses Tab until `match` holds (at most `max` presses); returns what has focus. */
  async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      if (match(f)) return f;
    }
    throw new Error(`Tab never reached the element (last: ${JSON.stringify(await focused())})`);
  }

  test("Tab reaches Check plan, Enter runs it, and the focus is visible", async () => {
    const f = await tabTo((x) => x.name === "Check plan");
    expect(f.visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Check results" }).waitFor();
  });

  test("a finding: Tab to it, Enter selects its cell in the grid", async () => {
    // The Findings section opens from the keyboard too.
    const header = await tabTo((x) => x.name.startsWith("Findings:"));
    expect(header.visible).toBe(true);
    await page.keyboard.press("Enter");
    const f = await tabTo((x) => x.inFindings && x.name.startsWith("Go to "));
    expect(f.visible).toBe(true);
    // "Go to Early Help, row 14: owner": the cell selected is on that tab and that row.
    const [, sheet, row] = /^Go to (.+), row (\d+)/.exec(f.name) ?? [];
    await page.keyboard.press("Enter");
    await until(
      () => page.getByTestId("selected-cell").textContent(),
      (t) =>
        new RegExp(`^Selected cell: [A-Z]+${row} on `).test(t ?? "") && (t ?? "").endsWith(` on ${sheet}`),
    );
    await screenshot(page, "keyboard-finding");
  });

  test("the view tabs: arrow keys move between them, Enter or Space opens Summary", async () => {
    await page.getByRole("tab", { name: "Check", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    const summaryTab = page.getByRole("tab", { name: "Summary", exact: true });
    await expect(summaryTab.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Space");
    await page.getByRole("heading", { name: "Summarise progress" }).waitFor();
  });

  test("Summarise with Space, then Copy with Enter", async () => {
    const f = await tabTo((x) => x.name === "Summarise progress");
    expect(f.visible).toBe(true);
    await page.keyboard.press("Space");
    await page.getByTestId("committee-text").waitFor();
    const copy = await tabTo((x) => x.name === "Copy committee text");
    expect(copy.visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText("Copied to the clipboard.", { exact: true }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await expect(page.getByTestId("committee-text").textContent()).resolves.toBe(copied);
    await screenshot(page, "keyboard-copied");
  });

  test("the grid's tabs: arrow keys move between the workbook's tabs", async () => {
    const first = page.getByRole("tablist", { name: "Workbook tabs" }).getByRole("tab").first();
    await first.click();
    await page.keyboard.press("ArrowRight");
    const f = await focused();
    expect(f.role).toBe("tab");
    await expect(
      page.getByRole("tab", { name: f.name, exact: true }).getAttribute("aria-selected"),
    ).resolves.toBe("true");
  });
});

describe("a colour-blind-safe rating palette", () => {
  // Viénot, Brettel & Mollon (1999) for protanopia and deuteranopia; Brettel et al. (1997) tritanopia approximation
  // (Machado et al. 2009, severity 1.0). Applied in linear RGB.
  const SIM: Record<string, number[][]> = {
    protanopia: [
      [0.152286, 1.052583, -0.204868],
      [0.114503, 0.786281, 0.099216],
      [-0.003882, -0.048116, 1.051998],
    ],
    deuteranopia: [
      [0.367322, 0.860646, -0.227968],
      [0.280085, 0.672501, 0.047413],
      [-0.01182, 0.04294, 0.968881],
    ],
    tritanopia: [
      [1.255528, -0.076749, -0.178779],
      [-0.078411, 0.930809, 0.147602],
      [0.004733, 0.691367, 0.3039],
    ],
  };
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  function rgb(hex: string): number[] {
    return [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255));
  }
  function lab([r, g, b]: number[]): number[] {
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const [R, G, B] = [clamp(r), clamp(g), clamp(b)];
    const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
    const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
    const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
  }
  const apply = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, k, i) => s + k * v[i], 0));
  const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

  // Protanopia and deuteranopia (about 1 man in 12) keep every pair at least ΔE 20 apart. Tritanopia (about 1 in
  // 10,000) brings the Okabe-Ito blue and bluish green to ΔE 17: still distinct, and the word is always shown beside.
  const MIN_DELTA: Record<string, number> = { none: 20, protanopia: 20, deuteranopia: 20, tritanopia: 15 };
  test.each(["none", ...Object.keys(SIM)])("every two rating fills stay apart (CIE76 ΔE) with %s", (kind) => {
    const fills = Object.entries(RATING_PALETTE).map(
      ([rating, { fill }]) =>
        [rating, lab(kind === "none" ? rgb(fill) : apply(SIM[kind], rgb(fill)))] as const,
    );
    for (let i = 0; i < fills.length; i++)
      for (let j = i + 1; j < fills.length; j++) {
        const d = deltaE(fills[i][1], fills[j][1]);
        expect({
          pair: `${fills[i][0]}/${fills[j][0]}`,
          d: Math.round(d),
          ok: d >= MIN_DELTA[kind],
        }).toMatchObject({ ok: true });
      }
  });
});
