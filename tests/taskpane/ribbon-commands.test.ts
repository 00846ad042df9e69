/** @jest-environment jsdom */
/**
 * The ribbon's ExecuteFunction buttons (src/commands/ribbon.ts): associated by name at page load,
 * event.completed() only after the work has finished, run through the pane's session when one is
 * mounted, and the pane opened when the user must see something: by showAsTaskpane() in a shared
 * runtime, by a message code left in storage (never plan content) without one.
 *
 * The Office stubs behave as Learn documents: Office.actions.associate(name, handler) keeps the
 * handler for that FunctionName; Office.addin.showAsTaskpane() returns a Promise<void> ("Show or
 * hide the task pane of your Office Add-in"); isSetSupported returns a boolean.
 */
import type { CheckOutcome, SummaryOutcome } from "../../src/app/commands";
import { takePaneMessage, type PaneMessageCode } from "../../src/commands/pane-message";
import {
  createRibbonBridge,
  RIBBON_FUNCTIONS,
  registerRibbonCommands,
  type RibbonFunction,
  type RibbonOffice,
  type RibbonRunner,
} from "../../src/commands/ribbon";

const checkPlanCommand = jest.fn();
const summariseCommand = jest.fn();
jest.mock("../../src/app/commands", () => ({ checkPlanCommand, summariseCommand }));
jest.mock("../../src/excel/OfficeWorkbookHost", () => ({ OfficeWorkbookHost: class {} }));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Office as Learn documents it, recording what the add-in did with it. */
function office(shared: boolean) {
  const associated = new Map<string, (event: Office.AddinCommands.Event) => void>();
  const shown: number[] = [];
  const stub: RibbonOffice & { associated: typeof associated; shown: number[] } = {
    associated,
    shown,
    associate: (name, handler) => {
      if (associated.has(name)) throw new Error(`${name} associated twice`);
      associated.set(name, handler);
    },
    showAsTaskpane: () => {
      if (!shared) return Promise.reject(new Error("SharedRuntime 1.1 is not supported"));
      shown.push(Date.now());
      return Promise.resolve();
    },
    sharedRuntime: () => shared,
  };
  return stub;
}

function event() {
  const completed = jest.fn();
  return { completed, source: { id: "SdpAssistant.CheckPlan" } } as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Presses the button bound to `name` the way Office does: calls the associated handler, then waits for completed(). */
async function press(o: ReturnType<typeof office>, name: RibbonFunction) {
  const e = event();
  const handler = o.associated.get(name);
  if (!handler) throw new Error(`${name} was never associated`);
  handler(e);
  for (let i = 0; i < 50 && e.completed.mock.calls.length === 0; i++) await flush();
  return e;
}

describe("registering the ribbon's functions", () => {
  beforeEach(() => window.localStorage.clear());

  it("associates every FunctionName of the manifest once, each with its own handler", () => {
    const o = office(true);
    const bridge = createRibbonBridge(async () => async () => null);
    const handlers = registerRibbonCommands(o, bridge);
    expect([...o.associated.keys()].sort()).toEqual([...RIBBON_FUNCTIONS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...RIBBON_FUNCTIONS].sort());
  });

  it("runs a button through the pane's session once it attaches, and completes only after the work", async () => {
    const o = office(true);
    const standalone = jest.fn();
    const bridge = createRibbonBridge(standalone);
    registerRibbonCommands(o, bridge);
    const e = event();
    o.associated.get("checkPlan")!(e);
    await flush();
    // Pressed before the pane rendered: the command waits for the pane's session.
    expect(e.completed).not.toHaveBeenCalled();
    const work = deferred<PaneMessageCode | null>();
    const runner = jest.fn<ReturnType<RibbonRunner>, Parameters<RibbonRunner>>(() => work.promise);
    bridge.attach(runner);
    await flush();
    expect(runner).toHaveBeenCalledWith("checkPlan");
    expect(e.completed).not.toHaveBeenCalled();
    work.resolve(null);
    for (let i = 0; i < 10; i++) await flush();
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(0);
    expect(standalone).not.toHaveBeenCalled();
    expect(takePaneMessage()).toBeNull();
  });

  it("in a shared runtime, shows the pane (which holds the outcome) and leaves nothing in storage", async () => {
    const o = office(true);
    const bridge = createRibbonBridge(async () => async () => null);
    registerRibbonCommands(o, bridge);
    bridge.attach(async () => "check-needs-confirmation");
    const e = await press(o, "checkPlan");
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(1);
    expect(takePaneMessage()).toBeNull();
  });

  it("without a shared runtime, leaves the code for the pane opened next and still releases the button", async () => {
    const o = office(false);
    const bridge = createRibbonBridge(async () => async () => null);
    registerRibbonCommands(o, bridge);
    bridge.attach(async () => "summary-blocked");
    const e = await press(o, "summariseProgress");
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(0);
    expect(takePaneMessage()).toBe("summary-blocked");
  });

  it("a failing command opens the pane with its failure code, never the error's text", async () => {
    const o = office(false);
    const bridge = createRibbonBridge(async () => async () => null);
    registerRibbonCommands(o, bridge);
    bridge.attach(async () => {
      throw new Error("Private plan text must not be stored");
    });
    const e = await press(o, "checkPlan");
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem("sdp-assistant.pane-message")).toBe("check-failed");
    expect(JSON.stringify({ ...window.localStorage })).not.toContain("Private plan text");
  });

  it("a pane that detached no longer takes commands; one that re-attaches does", async () => {
    const o = office(true);
    const bridge = createRibbonBridge(async () => async () => null);
    registerRibbonCommands(o, bridge);
    const first = jest.fn(async () => null);
    const detach = bridge.attach(first);
    detach();
    const second = jest.fn(async () => null);
    const e = event();
    o.associated.get("summariseProgress")!(e);
    await flush();
    expect(e.completed).not.toHaveBeenCalled();
    bridge.attach(second);
    for (let i = 0; i < 10; i++) await flush();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith("summariseProgress");
    expect(e.completed).toHaveBeenCalledTimes(1);
  });
});

describe("a pane that never attaches does not hold the button", () => {
  it("runs the command on its own after waiting for the pane", async () => {
    const o = office(true);
    const standalone = jest.fn(async () => async () => "check-blocked" as const);
    const bridge = createRibbonBridge(standalone, 20);
    registerRibbonCommands(o, bridge);
    const e = event();
    o.associated.get("checkPlan")!(e);
    await flush();
    expect(standalone).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 40));
    for (let i = 0; i < 10; i++) await flush();
    expect(standalone).toHaveBeenCalledTimes(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(1);
  });
});

describe("when no pane can start in the runtime, the commands run on their own", () => {
  beforeEach(() => {
    jest.clearAllMocks();
    window.localStorage.clear();
  });

  function standaloneBridge() {
    // jest's CommonJS runtime has no import(): require the lazily loaded module directly.
    const { standaloneRunner } = jest.requireActual<typeof import("../../src/commands/standalone")>(
      "../../src/commands/standalone",
    );
    const o = office(true);
    const bridge = createRibbonBridge(async () => standaloneRunner(() => "2022-07-15"));
    registerRibbonCommands(o, bridge);
    bridge.withoutPane();
    return o;
  }

  it("Check plan on its own: completes after the check, shows the pane when it needs the user's go-ahead", async () => {
    const work = deferred<Partial<CheckOutcome>>();
    checkPlanCommand.mockReturnValue(work.promise);
    const o = standaloneBridge();
    const e = event();
    o.associated.get("checkPlan")!(e);
    await flush();
    expect(checkPlanCommand).toHaveBeenCalledWith(expect.anything(), { today: "2022-07-15" });
    expect(e.completed).not.toHaveBeenCalled();
    work.resolve({ formatting: "needs-confirmation" });
    for (let i = 0; i < 10; i++) await flush();
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(1);
  });

  it("Summarise on its own: nothing to show when the summary tab was written", async () => {
    const written: Pick<SummaryOutcome, "formatting"> & { read: { readOnly: boolean } } = {
      formatting: "applied",
      read: { readOnly: false },
    };
    summariseCommand.mockResolvedValue(written);
    const o = standaloneBridge();
    const e = await press(o, "summariseProgress");
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(o.shown).toHaveLength(0);
  });
});
