/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/core";
import { SettingsView } from "../../src/taskpane/SettingsView";
import { fakeCommands, fakeHost, renderPane, workbookRead } from "./pane-helpers";

jest.setTimeout(30000);

async function openSettings(stored: unknown = null) {
  const host = fakeHost();
  host.read.mockResolvedValue(workbookRead({ settings: stored }));
  renderPane(<SettingsView />, host, fakeCommands());
  const days = await screen.findByLabelText("Due soon window (days)");
  return { host, days };
}

describe("SettingsView", () => {
  it("shows the workbook's stored settings", async () => {
    const { days } = await openSettings({ ...DEFAULT_SETTINGS, dueSoonDays: 21 });
    expect(days).toHaveValue("21");
  });

  it("rejects a due-soon window that is not a whole number of days from 0 to 365, and saves nothing", async () => {
    const { host, days } = await openSettings();
    for (const bad of ["-3", "abc", "400", "2.5"]) {
      fireEvent.change(days, { target: { value: bad } });
      fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
      expect(await screen.findByText("Settings not saved")).toBeInTheDocument();
      expect(
        screen.getAllByText(`Due soon window: enter a whole number of days from 0 to 365 (not "${bad}").`)
          .length,
      ).toBeGreaterThan(0);
    }
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it("saves a valid due-soon window through the host and says so", async () => {
    const { host, days } = await openSettings();
    fireEvent.change(days, { target: { value: "14" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(host.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, dueSoonDays: 14 });
    expect(await screen.findByText("Settings saved")).toBeInTheDocument();
  });

  it("names the column override that lacks its header text", async () => {
    const { host } = await openSettings();
    fireEvent.click(screen.getByRole("button", { name: "Add a column header" }));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText("Column override 1: enter the header text as it appears in the plan."),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Header text"), { target: { value: "Lead manager" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(host.saveSettings.mock.calls[0][0]).toMatchObject({
      columnOverrides: [{ header: "Lead manager", role: "owner" }],
    });
  });

  it("resets the form to the defaults", async () => {
    const { days } = await openSettings({ ...DEFAULT_SETTINGS, dueSoonDays: 7 });
    expect(days).toHaveValue("7");
    fireEvent.click(screen.getByRole("button", { name: "Reset to defaults" }));
    expect(screen.getByLabelText("Due soon window (days)")).toHaveValue(String(DEFAULT_SETTINGS.dueSoonDays));
  });

  it("shows a MessageBar when saving does not stick", async () => {
    const { host } = await openSettings();
    host.saveSettings.mockRejectedValue(
      new Error("The settings did not stick: Excel read back something else."),
    );
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText("The settings did not stick: Excel read back something else."),
    ).toBeInTheDocument();
    expect(screen.getByText("The settings were not saved")).toBeInTheDocument();
  });
});
