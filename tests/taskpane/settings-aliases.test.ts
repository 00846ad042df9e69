/** The Settings form's owner aliases (SEMANTICS.md "Plans from other councils"): one "alias = name" a line, stored and read back. */
import { DEFAULT_SETTINGS } from "../../src/core";
import { aliasesFromText, checkSettingsForm, formFromSettings } from "../../src/taskpane/settingsForm";

test("alias lines become stored pairs and come back as the same lines", () => {
  const form = {
    ...formFromSettings(DEFAULT_SETTINGS, null),
    ownerAliases: "HOS = Head of Service\n\n EH Lead=Early Help Lead ",
  };
  const checked = checkSettingsForm(form, null);
  expect(checked.ok).toBe(true);
  if (!checked.ok) return;
  expect(checked.settings.ownerAliases).toEqual([
    { alias: "HOS", name: "Head of Service" },
    { alias: "EH Lead", name: "Early Help Lead" },
  ]);
  expect(formFromSettings(checked.settings, null).ownerAliases).toBe(
    "HOS = Head of Service\nEH Lead = Early Help Lead",
  );
});

test("a line with no name is a problem naming the line", () => {
  expect(aliasesFromText("HOS")).toEqual([{ alias: "HOS", name: "" }]);
  const form = { ...formFromSettings(DEFAULT_SETTINGS, null), ownerAliases: "HOS = Head of Service\nHOS" };
  const checked = checkSettingsForm(form, null);
  expect(checked.ok).toBe(false);
  if (checked.ok) return;
  expect(checked.problems).toEqual([
    'Owner aliases, line 2: write it as "other name = owner", e.g. "HOS = Head of Service" (not "HOS").',
  ]);
});

test("saving settings keeps the legend's colours chosen as swatches", () => {
  const form = formFromSettings(DEFAULT_SETTINGS, null);
  const checked = checkSettingsForm(form, null);
  expect(checked.ok && checked.settings.legend).toEqual(DEFAULT_SETTINGS.legend);
});
