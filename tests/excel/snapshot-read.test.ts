/**
 * Reading the stored snapshot on the web in as few syncs as the 5 MB response cap allows (issue #9,
 * round trips): a small one comes with the first sync's head (src/excel/read-queue.ts,
 * SNAPSHOT_HEAD_CELLS), the rest of a long one rides in the row chunks' syncs (read-chunks.ts). The
 * in-memory Excel measures each response its own way (UTF-8 bytes plus a cost per operation,
 * src/memory-excel/context.ts), not with the adapter's estimate.
 */
import { summariseCommand } from "../../src/app/commands";
import type { Snapshot } from "../../src/core/model";
import { OfficeWorkbookHost } from "../../src/excel/OfficeWorkbookHost";
import { memoryRun } from "../../src/memory-excel";
import { fixtureGrid } from "../helpers/fixture-grid";
import { generatedPlan } from "./generated-plan";
import { countSyncs, memoryHost } from "./memory-host";

const TODAY = "2022-07-15";
const LATER = "2022-08-15";

type Log = { responseBytes: number; requestBytes: number; error: string | null }[];

/** Every sync that went through stayed within the cap (a failed one is the adapter's cue to split). */
function withinCap(log: Log, cap: number): boolean {
  return log.every((r) => r.error !== null || (r.responseBytes <= cap && r.requestBytes <= cap));
}

describe("the stored snapshot read on the web", () => {
  test("a small plan's snapshot comes with the first sync: Summarise again is one read sync and one write", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    await summariseCommand(host, { today: TODAY });
    const again = await countSyncs(workbook, () => summariseCommand(host, { today: LATER }));
    // The movement needs the stored review: it was read, and in the read's one sync.
    expect(again.value.previousReview).toBe(TODAY);
    expect(again.value.movement?.since).toBe(TODAY);
    expect(host.lastRead?.syncs).toBe(1);
    expect(again.syncs).toBe(2);
    // A fresh pane (no hints: tabs listed first) reads it too, in its two syncs.
    const fresh = new OfficeWorkbookHost({
      run: memoryRun(workbook),
      payloadLimit: () => workbook.payloadLimit,
    });
    const read = await countSyncs(workbook, () => fresh.read());
    expect(read.value.snapshot).toEqual(host.lastRead?.read.snapshot);
    expect(read.syncs).toBe(2);
  });

  test("a 20,000-action plan's snapshot (1 MB) rides in the row chunks' syncs: no sync of its own", async () => {
    const { workbook, host } = memoryHost(generatedPlan(2, 10_000));
    await summariseCommand(host, { today: TODAY });
    const stored = host.lastRead?.read.snapshot;
    expect(JSON.stringify(stored).length).toBeGreaterThan(1_000_000);
    const skip = await countSyncs(workbook, () => host.read({ snapshot: "skip" }));
    expect(skip.syncs).toBeGreaterThan(2); // the cells alone need chunks
    const at = workbook.syncLog.length;
    const load = await countSyncs(workbook, () => host.read({ snapshot: "load" }));
    expect(load.value.snapshot).toEqual(stored);
    expect(load.syncs).toBe(skip.syncs);
    const log = workbook.syncLog.slice(at);
    expect(log.every((r) => r.error === null)).toBe(true);
    expect(withinCap(log, workbook.payloadLimit)).toBe(true);
  }, 120_000);

  test("a long snapshot of 3-byte characters (the adapter's estimate counts 1): every sync that goes through is within the cap, and it reads back whole", async () => {
    const { workbook, host } = memoryHost(fixtureGrid());
    const actions: Snapshot["actions"] = {};
    for (let i = 0; i < 25_000; i++) {
      const text = `行動${i}：家族のための相談会を毎月実施し、子どもと若者の声を聞いて記録し、次の計画に生かす — £${i} café ☕`;
      actions[`Area ${i % 20}::${text}`] = {
        sheet: `Area ${i % 20}`,
        row: 4 + Math.floor(i / 20),
        action: text,
        rag: i % 3 === 0 ? "green" : null,
        status: "on-track",
      };
    }
    const snapshot: Snapshot = { version: 1, takenOn: TODAY, asOf: TODAY, actions };
    const chars = JSON.stringify(snapshot).length;
    const bytes = new TextEncoder().encode(JSON.stringify(snapshot)).length;
    expect(bytes).toBeGreaterThan(workbook.payloadLimit);
    expect(bytes).toBeGreaterThan(1.8 * chars);
    await host.read();
    const w0 = workbook.syncLog.length;
    await host.apply([], { snapshot });
    // Excel refused a part its estimate thought small enough; the part went again in halves.
    expect(workbook.syncLog.slice(w0).some((r) => r.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    const at = workbook.syncLog.length;
    const read = await host.read();
    expect(read.snapshot).toEqual(snapshot);
    // The same on the way back: a group of snapshot cells came back too large, and was read in halves.
    expect(workbook.syncLog.slice(at).some((r) => r.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(withinCap(workbook.syncLog.slice(at), workbook.payloadLimit)).toBe(true);
  }, 120_000);
});
