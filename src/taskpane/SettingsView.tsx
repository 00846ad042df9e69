import { useEffect, useId, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DEFAULT_SETTINGS,
  RATINGS,
  checkPlan,
  planRatingFills,
  type IsoDate,
  type Rating,
  type Settings,
} from "../core";
import { parseSettings } from "../core/settings";
import { checkOptions } from "../app/options";
import { AsOfField } from "./AsOfField";
import { NoticeBar } from "./NoticeBars";
import { LegendEditor } from "./LegendEditor";
import { errorText, useNotices } from "./notices";
import { OverridesEditor } from "./OverridesEditor";
import { SelfTest } from "./SelfTest";
import { OwnerAliasesEditor } from "./OwnerAliasesEditor";
import { RatingColoursField } from "./RatingColoursField";
import { useServices } from "./services";
import { usePlanSession } from "./session";
import { checkSettingsForm, formFromSettings, type SettingsForm } from "./settingsForm";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Loaded {
  settings: Settings;
  reviewDate: IsoDate | null;
  /** The fill the plan uses for each rating (planRatingFills); null when the plan could not be read. */
  planFills: Partial<Record<Rating, string>> | null;
}

/** This workbook's settings: as-of date, due-soon window, column overrides, legend. */
export function SettingsView() {
  const loaded = useStoredSettings();
  if (!loaded) return <Spinner size="tiny" label="Reading this workbook's settings…" />;
  return (
    <SettingsEditor initial={loaded.settings} reviewDate={loaded.reviewDate} planFills={loaded.planFills} />
  );
}

/** The settings from the last check, or read from the workbook when there has been none. */
function useStoredSettings(): Loaded | null {
  const { host, today } = useServices();
  const { notify } = useNotices();
  const { outcome } = usePlanSession();
  const [read, setRead] = useState<Loaded | null>(null);
  const result = outcome?.result ?? null;
  // One pass over the actions per check result, not per render.
  const checkedFills = useMemo(() => (result ? planRatingFills(result) : null), [result]);
  useEffect(() => {
    if (outcome) return;
    let live = true;
    host
      .read({ snapshot: "skip" })
      .then((r) => {
        const { settings, problem } = parseSettings(r.settings);
        if (problem) notify("warning", "Settings not used", problem);
        // Not checked yet: the plan is read here to see whether it fills its rating cells (nothing is written).
        const plan = checkPlan(r.grid, checkOptions(settings, today()));
        if (live) setRead({ settings, reviewDate: null, planFills: planRatingFills(plan) });
      })
      .catch((error: unknown) => {
        notify("error", "The settings could not be read", errorText(error));
        if (live) setRead({ settings: DEFAULT_SETTINGS, reviewDate: null, planFills: null });
      });
    return () => {
      live = false;
    };
  }, [host, notify, outcome, today]);
  return outcome
    ? { settings: outcome.settings, reviewDate: outcome.result.reviewDate, planFills: checkedFills }
    : read;
}

function SettingsEditor({
  initial,
  reviewDate,
  planFills,
}: {
  initial: Settings;
  reviewDate: IsoDate | null;
  planFills: Partial<Record<Rating, string>> | null;
}) {
  const styles = useStyles();
  const { host } = useServices();
  const { notify, announce } = useNotices();
  const headingId = useId();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(initial, reviewDate));
  const [problems, setProblems] = useState<string[]>([]);
  const [fieldProblems, setFieldProblems] = useState<{ dueSoon: string | null; asOf: string | null }>({
    dueSoon: null,
    asOf: null,
  });
  const [saving, setSaving] = useState(false);
  const update = (change: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...change }));

  const save = async () => {
    const check = checkSettingsForm(form, reviewDate);
    if (!check.ok) {
      setProblems(check.problems);
      setFieldProblems({ dueSoon: check.dueSoonProblem, asOf: check.asOfProblem });
      announce(`Settings not saved: ${check.problems.join(" ")}`);
      return;
    }
    setProblems([]);
    setFieldProblems({ dueSoon: null, asOf: null });
    setSaving(true);
    try {
      await host.saveSettings(check.settings);
      const text = "Saved in this workbook. Press Check plan to see the plan with these settings.";
      notify("success", "Settings saved", text, "settings");
      announce(`Settings saved. ${text}`);
    } catch (error) {
      notify("error", "The settings were not saved", errorText(error), "settings");
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <h2 id={headingId}>Settings for this workbook</h2>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Settings not saved</MessageBarTitle>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <AsOfField form={form} reviewDate={reviewDate} problem={fieldProblems.asOf} onChange={update} />
      <Field
        label="Due soon window (days)"
        hint="An open action due within this many days of the as-of date is “due soon” (suggested Amber)."
        validationMessage={fieldProblems.dueSoon ?? undefined}
        validationState={fieldProblems.dueSoon ? "error" : "none"}
      >
        <Input
          inputMode="numeric"
          value={form.dueSoonDays}
          onChange={(_, d) => update({ dueSoonDays: d.value })}
        />
      </Field>
      <OverridesEditor overrides={form.overrides} onChange={(overrides) => update({ overrides })} />
      <LegendEditor legend={form.legend} onChange={(legend) => update({ legend })} />
      <Switch
        label="Blue means complete"
        checked={form.blueMeansComplete}
        onChange={(_, d) => update({ blueMeansComplete: d.checked })}
      />
      <RatingColoursField
        value={form.ratingColours}
        onChange={(ratingColours) => update({ ratingColours })}
        planFills={planFills}
        labels={Object.fromEntries(RATINGS.map((r) => [r, form.legend[r].label])) as Record<Rating, string>}
      />
      <OwnerAliasesEditor value={form.ownerAliases} onChange={(ownerAliases) => update({ ownerAliases })} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          Save settings
        </Button>
        <Button
          disabled={saving}
          onClick={() => {
            setForm(formFromSettings(DEFAULT_SETTINGS, reviewDate));
            setProblems([]);
            setFieldProblems({ dueSoon: null, asOf: null });
            announce("The form shows the default settings. Save to keep them.");
          }}
        >
          Reset to defaults
        </Button>
      </div>
      <NoticeBar place="settings" />
      <SelfTest />
    </section>
  );
}
