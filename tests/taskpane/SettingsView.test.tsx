/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/core";
import { SettingsView } from "../../src/taskpane/SettingsView";
import { fixtureGrid } from "../helpers/fixture-grid";
import { fakeCommands, fakeHost, renderPane, workbookRead } from "./pane-helpers";

jest.setTimeout(30000);

async function openSettings(stored: unknown = null, grid = fixtureGrid()) {
  const host = fakeHost();
  host.read.mockResolvedValue(workbookRead({ settings: stored, grid }));
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

  describe("rating colours", () => {
    const swatches = () =>
      ["blue", "green", "amber", "red"].map((r) => {
        const el = screen.getByTestId(`rating-colour-${r}`);
        return [el.textContent, el.style.backgroundColor, el.style.color];
      });

    it("offers the plan's own colours where its rating cells are filled, shows them, and saves the choice", async () => {
      const { host } = await openSettings();
      const own = screen.getByRole("radio", { name: "Keep my plan's own colours" });
      expect(screen.getByRole("radio", { name: /^The add-in's colours/ })).toBeChecked();
      expect(own).toBeEnabled();
      // The add-in's palette first (jsdom gives colours as rgb()).
      expect(swatches()).toEqual([
        ["Blue", "rgb(0, 114, 178)", "rgb(255, 255, 255)"],
        ["Green", "rgb(0, 158, 115)", "rgb(0, 0, 0)"],
        ["Amber", "rgb(230, 159, 0)", "rgb(0, 0, 0)"],
        ["Red", "rgb(178, 24, 43)", "rgb(255, 255, 255)"],
      ]);
      fireEvent.click(own);
      expect(own).toBeChecked();
      // The fixture fills its ratings in Excel's standard blue, green, gold and red.
      expect(swatches()).toEqual([
        ["Blue", "rgb(0, 112, 192)", "rgb(255, 255, 255)"],
        ["Green", "rgb(0, 176, 80)", "rgb(0, 0, 0)"],
        ["Amber", "rgb(255, 192, 0)", "rgb(0, 0, 0)"],
        ["Red", "rgb(255, 0, 0)", "rgb(0, 0, 0)"],
      ]);
      fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
      await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
      expect(host.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, ratingColours: "plan" });
    });

    it("shows a stored choice; Reset to defaults goes back to the add-in's colours", async () => {
      await openSettings({ ...DEFAULT_SETTINGS, ratingColours: "plan" });
      expect(screen.getByRole("radio", { name: "Keep my plan's own colours" })).toBeChecked();
      fireEvent.click(screen.getByRole("button", { name: "Reset to defaults" }));
      expect(screen.getByRole("radio", { name: /^The add-in's colours/ })).toBeChecked();
    });

    it("old stored settings that lack the setting: the add-in's colours, saved as such", async () => {
      const { ratingColours: _dropped, ...old } = { ...DEFAULT_SETTINGS, dueSoonDays: 21 };
      const { host } = await openSettings(old);
      expect(screen.getByRole("radio", { name: /^The add-in's colours/ })).toBeChecked();
      fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
      await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
      expect(host.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, dueSoonDays: 21 });
    });

    it("a plan with no filled rating cells: the choice is unavailable and the pane says why", async () => {
      const grid = fixtureGrid();
      for (const sheet of grid.sheets) delete sheet.fills;
      await openSettings({ ...DEFAULT_SETTINGS, ratingColours: "plan" }, grid);
      const own = screen.getByRole("radio", { name: "Keep my plan's own colours" });
      expect(own).toBeDisabled();
      expect(own).toHaveAccessibleDescription(
        "Your plan's own colours: not available, as no rating cell in this plan is filled with a colour. Check plan uses the add-in's colours until it has some.",
      );
      const list = screen.getByRole("list", { name: "How Check plan will colour each rating" });
      expect(within(list).getByText("Green").style.backgroundColor).toBe("rgb(0, 158, 115)");
    });

    it("a rating the plan has no fill for keeps the add-in's colour, and the pane names it", async () => {
      const grid = fixtureGrid();
      // Leave only the green and amber fills: blue and red fall back to the palette.
      for (const sheet of grid.sheets)
        sheet.fills = sheet.fills?.map((row) =>
          row.map((f) => (f === "#00B050" || f === "#FFC000" ? f : null)),
        );
      await openSettings({ ...DEFAULT_SETTINGS, ratingColours: "plan" }, grid);
      expect(swatches()).toEqual([
        ["Blue", "rgb(0, 114, 178)", "rgb(255, 255, 255)"],
        ["Green", "rgb(0, 176, 80)", "rgb(0, 0, 0)"],
        ["Amber", "rgb(255, 192, 0)", "rgb(0, 0, 0)"],
        ["Red", "rgb(178, 24, 43)", "rgb(255, 255, 255)"],
      ]);
      expect(
        screen.getByText("Blue, Red: no fill in your plan, so the add-in's colour is used."),
      ).toBeInTheDocument();
    });
  });
});
