/** @jest-environment jsdom */
/**
 * The ribbon's ExecuteFunction buttons: event.completed() only after the work has finished,
 * and the pane opened (with a message code, never plan content) when the user must see something.
 */
import type { CheckOutcome } from "../../src/app/commands";
import { takePaneMessage } from "../../src/commands/pane-message";

const checkPlanCommand = jest.fn();
const summariseCommand = jest.fn();
jest.mock("../../src/app/commands", () => ({ checkPlanCommand, summariseCommand }));
jest.mock("../../src/excel/OfficeWorkbookHost", () => ({ OfficeWorkbookHost: class {} }));

const showAsTaskpane = jest.fn().mockResolvedValue(undefined);
const associate = jest.fn();
let ready: (() => void) | null = null;
Object.assign(globalThis, {
  Office: {
    onReady: (callback: () => void) => {
      ready = callback;
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate },
    addin: { showAsTaskpane },
  },
});

const ribbon = require("../../src/commands/commands") as typeof import("../../src/commands/commands");

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function event() {
  return {
    completed: jest.fn(),
    source: { id: "SdpAssistant.CheckPlan" },
  } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("ribbon commands", () => {
  beforeEach(() => {
    jest.clearAllMocks();
    window.localStorage.clear();
  });

  it("associates both functions the manifest names once Office is ready", () => {
    ready?.();
    expect(associate).toHaveBeenCalledWith("checkPlan", ribbon.checkPlan);
    expect(associate).toHaveBeenCalledWith("summariseProgress", ribbon.summariseProgress);
  });

  it("calls event.completed() only after the check has finished", async () => {
    const work = deferred<Partial<CheckOutcome>>();
    checkPlanCommand.mockReturnValue(work.promise);
    const e = event();
    const running = ribbon.checkPlan(e);
    await flush();
    expect(checkPlanCommand).toHaveBeenCalledTimes(1);
    expect(e.completed).not.toHaveBeenCalled();
    work.resolve({ formatting: "applied" });
    await running;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(takePaneMessage()).toBeNull();
  });

  it("opens the pane with a code when the check needs the user's go-ahead", async () => {
    checkPlanCommand.mockResolvedValue({ formatting: "needs-confirmation" });
    const e = event();
    await ribbon.checkPlan(e);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(takePaneMessage()).toBe("check-needs-confirmation");
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("opens the pane when the check fails, and still releases the button", async () => {
    checkPlanCommand.mockRejectedValue(new Error("Private plan text must not be stored"));
    const e = event();
    await ribbon.checkPlan(e);
    expect(window.localStorage.getItem("sdp-assistant.pane-message")).toBe("check-failed");
    expect(JSON.stringify({ ...window.localStorage })).not.toContain("Private plan text");
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("releases the button even when the pane cannot be opened", async () => {
    summariseCommand.mockRejectedValue(new Error("boom"));
    showAsTaskpane.mockRejectedValueOnce(new Error("SharedRuntime 1.1 is not supported"));
    const e = event();
    await ribbon.summariseProgress(e);
    expect(takePaneMessage()).toBe("summary-failed");
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("summarises without opening the pane when the summary tab was written", async () => {
    summariseCommand.mockResolvedValue({ formatting: "applied", read: { readOnly: false } });
    const e = event();
    await ribbon.summariseProgress(e);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(e.completed).toHaveBeenCalledTimes(1);
  });
});
