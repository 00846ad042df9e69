/**
 * sdp-check over many workbooks (built, run as a child process): a folder of plans (the fixture
 * copied under other names, generated plans, one with owner aliases stored in its settings) plus
 * a broken file, a lock file and a hidden folder. Each plan must come out exactly as its own
 * single-workbook run says; the portfolio's sums are derived here from those single documents
 * (and hand-checked against the fixture's expected counts); one line names the broken file.
 */
import { Workbook } from "exceljs";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookGrid } from "../../src/core/grid";
import { STORAGE_SHEET, storageRows } from "../../src/core/storage-layout";
import { checkWorkbook } from "../../src/cli/check-workbook";
import { parseArgs, type RunArgs } from "../../src/cli/args";
import { readWorkbookFile } from "../../src/cli/read-file";
import { generatePlan, writePlanXlsx, type GeneratedPlan } from "../bench/generate-plan";
import { generatedPlan } from "../excel/generated-plan";
import { EXPECTED, FIXTURE, buildCli, runCli, type JsonReport } from "./helpers";

// Each test runs the built CLI on real workbooks: seconds each on a loaded machine.
jest.setTimeout(180_000);

const AS_OF = "2022-07-15";
const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as JsonReport;

interface Doc extends JsonReport {
  file: string;
  summary: JsonReport["summary"] & { findings: Record<string, number> };
}
interface BatchDoc {
  asOf: string | null;
  workbooks: ({ file: string; error: string | null } & Partial<Doc>)[];
  summary: {
    actions: number;
    rag: Record<string, number>;
    status: Record<string, number>;
    percentComplete: number;
    sentence: string;
    overdue: { file: string; cell: string; due: string; row: number }[];
    findings: Record<string, number>;
    workbooks: { read: number; unread: number };
  };
  owners: {
    groups: {
      owner: string;
      actions: number;
      open: number;
      overdue: number;
      workbooks: string[];
      spellings: string[];
    }[];
    noOwner: { actions: number; open: number; overdue: number };
  };
}

let dir: string;
let plans: string;
let clean: string;
let benchPlan: GeneratedPlan;

/** The fixture with the add-in's storage tab holding these settings. */
async function fixtureWithSettings(path: string, settings: unknown): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const store = wb.addWorksheet(STORAGE_SHEET, { state: "veryHidden" });
  storageRows({ settings }).forEach((row, i) =>
    row.forEach((cell, j) => (store.getCell(i + 1, j + 1).value = cell)),
  );
  await wb.xlsx.writeFile(path);
}

/** A small plan with every owner, deadline and rating in order: no findings, or one warning (no evidence). */
function tidyPlan(
  withWarning: boolean,
  owners: readonly string[] = ["Head of Service", "Head of Service"],
): WorkbookGrid {
  const header = [
    "Why?",
    "Who?",
    "Does what?",
    "By when?",
    "How will we know it has been done?",
    "RAG rated",
    "Comments on progress",
  ];
  const row = (n: number, evidence: string | null) => [
    `Aim ${n}`,
    owners[n - 1] ?? "Head of Service",
    `Action ${n}`,
    "Q3 2022/23",
    evidence,
    "Green",
    "Going well",
  ];
  const values = [
    ["Service Development Plan 2022-23"],
    [],
    header,
    ...owners.map((_, i) => row(i + 1, i === 1 && withWarning ? null : "Survey")),
  ];
  return { sheets: [{ name: "Plan", visibility: "visible", origin: { row: 1, col: 1 }, values }] };
}

const asPlan = (grid: WorkbookGrid) => ({ grid }) as GeneratedPlan;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sdp-batch-"));
  plans = join(dir, "plans");
  clean = join(dir, "clean");
  mkdirSync(join(plans, "sub"), { recursive: true });
  mkdirSync(join(plans, ".hidden"));
  mkdirSync(clean);
  copyFileSync(FIXTURE, join(plans, "a-sdp.xlsx"));
  copyFileSync(FIXTURE, join(plans, "sub", "b-sdp.xlsm"));
  await fixtureWithSettings(join(plans, "c-aliases.xlsx"), {
    version: 1,
    ownerAliases: ["HOS = Head of Service"],
  });
  await writePlanXlsx(asPlan(generatedPlan(2, 40)), join(plans, "d-generated.xlsx"));
  benchPlan = generatePlan({ actions: 150, seed: 42 });
  await writePlanXlsx(benchPlan, join(plans, "e-bench.xlsx"));
  writeFileSync(join(plans, "broken.xlsx"), "Why?,Who?\nnot,a workbook\n");
  copyFileSync(FIXTURE, join(plans, "~$a-sdp.xlsx")); // Excel's lock file: a real workbook's bytes, never read
  copyFileSync(FIXTURE, join(plans, ".hidden", "f.xlsx"));
  writeFileSync(join(plans, "notes.txt"), "not a workbook");
  await writePlanXlsx(asPlan(tidyPlan(false)), join(clean, "clean.xlsx"));
  await writePlanXlsx(asPlan(tidyPlan(true)), join(clean, "warn.xlsx"));
  mkdirSync(join(dir, "owners"));
  await writePlanXlsx(
    asPlan(
      tidyPlan(false, [
        "Team Manager, Assessment",
        "HoS / Team Manager,  Assessment",
        "hos & EH Lead",
        "TBC",
      ]),
    ),
    join(dir, "owners", "one.xlsx"),
  );
  await writePlanXlsx(
    asPlan(tidyPlan(false, ["H.o.S.", "eh lead; Team manager, assessment"])),
    join(dir, "owners", "two.xlsx"),
  );
  buildCli("batch");
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READ = ["a-sdp.xlsx", "c-aliases.xlsx", "d-generated.xlsx", "e-bench.xlsx", join("sub", "b-sdp.xlsm")];
const ALL = [
  "a-sdp.xlsx",
  "broken.xlsx",
  "c-aliases.xlsx",
  "d-generated.xlsx",
  "e-bench.xlsx",
  join("sub", "b-sdp.xlsm"),
];

function single(file: string): Doc {
  const run = runCli([file, "--as-of", AS_OF, "--json"]);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Doc;
}

/** halves up, as SEMANTICS.md "Summaries" says */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.floor((100 * part) / whole + 0.5));

describe("a folder of plans with a broken file, a lock file and a hidden folder", () => {
  let run: ReturnType<typeof runCli>;
  let doc: BatchDoc;
  let singles: Doc[];

  beforeAll(() => {
    run = runCli([plans, "--as-of", AS_OF, "--json"]);
    doc = JSON.parse(run.stdout) as BatchDoc;
    singles = READ.map((f) => single(join(plans, f)));
  }, 120_000);

  it("exits 2 and names the broken file in one line on stderr (no progress: stderr is not a terminal)", () => {
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`sdp-check: ${join(plans, "broken.xlsx")}: The file is not an .xlsx workbook.\n`);
  });

  it("checks every workbook in the folder and its subfolders, in name order, skipping hidden and lock files", () => {
    expect(doc.workbooks.map((w) => w.file)).toEqual(ALL.map((f) => join(plans, f)));
    expect(doc.workbooks.find((w) => w.file.endsWith("broken.xlsx"))).toEqual({
      file: join(plans, "broken.xlsx"),
      error: `${join(plans, "broken.xlsx")}: The file is not an .xlsx workbook.`,
    });
  });

  it("gives each plan exactly the document its own single-workbook run prints", () => {
    for (const one of singles) {
      const got = doc.workbooks.find((w) => w.file === one.file);
      expect(got).toEqual({ error: null, ...one });
    }
  });

  it("counts each fixture copy as the hand-checked results say, and the generated plans in full", () => {
    for (const name of ["a-sdp.xlsx", "c-aliases.xlsx", join("sub", "b-sdp.xlsm")]) {
      const s = doc.workbooks.find((w) => w.file === join(plans, name))?.summary;
      expect({ name, rag: s?.rag, status: s?.status, actions: s?.actions }).toEqual({
        name,
        rag: expected.summary.rag,
        status: expected.summary.status,
        actions: expected.summary.actions,
      });
    }
    expect(doc.summary.actions).toBe(3 * expected.summary.actions + 2 * 40 + benchPlan.actions);
    expect(doc.summary.status.overdue).toBe(
      3 * expected.summary.status.overdue +
        singles[2].summary.status.overdue +
        singles[3].summary.status.overdue,
    );
  });

  it("sums ratings, statuses, findings and percent complete across the plans read", () => {
    const sum = (pick: (d: Doc) => Record<string, number>) => {
      const out: Record<string, number> = {};
      for (const d of singles) for (const [k, v] of Object.entries(pick(d))) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    const actions = singles.reduce((n, d) => n + d.summary.actions, 0);
    const status = sum((d) => d.summary.status);
    expect(doc.summary).toMatchObject({
      actions,
      rag: sum((d) => d.summary.rag),
      status,
      findings: sum((d) => d.summary.findings),
      percentComplete: percent(status.complete, actions),
      workbooks: { read: 5, unread: 1 },
    });
    expect(doc.asOf).toBe(AS_OF);
  });

  it("lists every plan's overdue actions, oldest first, each with its workbook, tab and row", () => {
    const all = singles.flatMap((d) => (d.summary.overdue ?? []).map((o) => ({ file: d.file, ...o })));
    expect(doc.summary.overdue).toHaveLength(all.length);
    for (let i = 1; i < doc.summary.overdue.length; i++)
      expect(doc.summary.overdue[i - 1].due <= doc.summary.overdue[i].due).toBe(true);
    const key = (o: { file: string; cell: string }) => `${o.file} ${o.cell}`;
    expect(doc.summary.overdue.map(key).sort()).toEqual(all.map(key).sort());
    // ties keep the order given: on the fixture's oldest day, a-sdp before c-aliases before sub/b-sdp
    const oldest = doc.summary.overdue.filter((o) => o.due === doc.summary.overdue[0].due).map((o) => o.file);
    expect(oldest).toEqual(
      [...oldest].sort(
        (x, y) => ALL.indexOf(x.slice(plans.length + 1)) - ALL.indexOf(y.slice(plans.length + 1)),
      ),
    );
  });

  it("groups owners ignoring case, spaces and full stops, counts shared cells under each, and applies each workbook's aliases", () => {
    // An independent count: the owner cells of the single documents, split and keyed as §8 says.
    const keyOf = (s: string) => s.toLowerCase().replace(/[\s.]+/g, "");
    const counts = new Map<string, number>();
    for (const d of singles)
      for (const a of d.sheets.flatMap((s) => s.actions)) {
        const keys = new Set(
          (a.owner ?? "")
            .split(/[/&+;\n]/)
            .map(keyOf)
            .filter((k) => k && !["tbc", "tba", "-", "?", "n/a"].includes(k))
            .map((k) => (d.file.endsWith("c-aliases.xlsx") && k === "hos" ? "headofservice" : k)),
        );
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    const byKey = new Map(doc.owners.groups.map((g) => [keyOf(g.owner), g]));
    expect(new Set(byKey.keys())).toEqual(new Set(counts.keys()));
    for (const [k, n] of counts) expect({ k, n: byKey.get(k)?.actions }).toEqual({ k, n });
    // the fixture writes HOS and HoS (one owner), and HOS is Head of Service only in c-aliases.xlsx
    const hos = byKey.get("hos");
    expect(hos?.spellings).toEqual(expect.arrayContaining(["HOS", "HoS"]));
    expect(hos?.workbooks).not.toContain(join(plans, "c-aliases.xlsx"));
    expect(byKey.get("headofservice")?.spellings).toEqual(expect.arrayContaining(["Head of Service", "HOS"]));
  });

  it("ends the readable report with the portfolio's sentence, after every plan's own", () => {
    const text = runCli([plans, "--as-of", AS_OF]);
    expect(text.status).toBe(2);
    expect(text.stderr.trim().split("\n")).toHaveLength(1);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe(doc.summary.sentence);
    expect(doc.summary.sentence).toMatch(
      /^Across 5 plans, .* 1 workbook could not be read and is not counted\.$/,
    );
    for (const d of singles) expect(text.stdout).toContain(`== ${d.file} ==\n`);
    for (const d of singles) expect(text.stdout).toContain(`\n${d.summary.sentence}\n`);
    expect(text.stdout).toContain(`Overdue across the plans (${doc.summary.overdue.length}), oldest first:`);
  });

  it("reads the same with one workbook at a time as with the worker pool", () => {
    const one = runCli([plans, "--as-of", AS_OF, "--json", "--jobs", "1"]);
    const two = runCli([plans, "--as-of", AS_OF, "--json", "--jobs", "2"]);
    expect(one.stdout).toBe(run.stdout);
    expect(two.stdout).toBe(run.stdout);
    expect(two.stderr).toBe(run.stderr);
  });

  it("writes Markdown and one self-contained HTML page", () => {
    const md = runCli([plans, "--as-of", AS_OF, "--format", "markdown"]);
    expect(md.status).toBe(2);
    expect(md.stdout).toContain(`> ${doc.summary.sentence}`);
    expect(md.stdout).toContain(`| **All plans** | ${doc.summary.actions} |`);
    const out = join(dir, "report.html");
    const html = runCli([plans, "--as-of", AS_OF, "--format", "html", "--out", out]);
    expect(html.status).toBe(2);
    expect(html.stdout).toBe("");
    const page = readFileSync(out, "utf8");
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /,
    );
    expect(page).not.toMatch(/<script|unsafe-inline|\s(src|href)=/i);
  });
});

describe("one workbook named: today's report, byte for byte", () => {
  const io = { readFile: readWorkbookFile, today: () => AS_OF, colour: false };
  const today = async (argv: string[]) => checkWorkbook(parseArgs(argv) as RunArgs, io);

  it.each([
    [[FIXTURE, "--as-of", AS_OF, "--json"]],
    [[FIXTURE, "--as-of", AS_OF]],
    [[FIXTURE, "--as-of", AS_OF, "--due-soon-days", "7", "--quiet"]],
  ])("%j", async (argv) => {
    const run = runCli(argv);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(await today(argv));
  });

  it("--out writes the same bytes to the file, and --fail-on changes only the exit status", async () => {
    const want = await today([FIXTURE, "--as-of", AS_OF, "--json"]);
    const out = join(dir, "one.json");
    const run = runCli([FIXTURE, "--as-of", AS_OF, "--json", "--out", out]);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 0, stdout: "" });
    expect(readFileSync(out, "utf8")).toBe(want);
    const failing = runCli([FIXTURE, "--as-of", AS_OF, "--json", "--fail-on", "error"]);
    expect({ status: failing.status, same: failing.stdout === want }).toEqual({ status: 1, same: true });
  });
});

describe("--fail-on", () => {
  const status = (args: string[]) => runCli([...args, "--as-of", AS_OF, "--json"]).status;

  it("exits 1 when findings of that severity (or worse) exist and every workbook was read", () => {
    const c = join(clean, "clean.xlsx");
    const w = join(clean, "warn.xlsx");
    expect(single(c).summary.findings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(single(w).summary.findings).toEqual({ error: 0, warning: 1, info: 0 });
    expect(status([clean])).toBe(0);
    expect(status([clean, "--fail-on", "error"])).toBe(0);
    expect(status([clean, "--fail-on", "warning"])).toBe(1);
    expect(status([c, c, "--fail-on", "warning"])).toBe(0); // the same file twice is read once
    expect(status([c, w, "--fail-on", "warning"])).toBe(1);
    expect(status([c, "--fail-on", "warning"])).toBe(0);
    expect(status([w, "--fail-on", "warning"])).toBe(1);
    expect(status([w, "--fail-on", "error"])).toBe(0);
    expect(status([join(plans, "a-sdp.xlsx"), c, "--fail-on", "error"])).toBe(1);
  });

  it("exits 2, not 1, when a workbook could not be read", () => {
    expect(status([plans, "--fail-on", "error"])).toBe(2);
    expect(status([join(clean, "clean.xlsx"), join(dir, "missing.xlsx"), "--fail-on", "warning"])).toBe(2);
  });
});

describe("owners across plans (src/core/owners.ts, the same reading as the pane's who owes what)", () => {
  it("splits a cell at / & ; but not at a comma, and groups names ignoring case, spaces and full stops", () => {
    const run = runCli([join(dir, "owners"), "--as-of", AS_OF, "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as BatchDoc;
    expect(doc.owners.groups.map((g) => [g.owner, g.actions, g.workbooks.length])).toEqual([
      ["HoS", 3, 2], // as many open actions as the next: by name
      ["Team Manager, Assessment", 3, 2],
      ["EH Lead", 2, 2],
    ]);
    expect(doc.owners.noOwner.actions).toBe(1);
  });
});
