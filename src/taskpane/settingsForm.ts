/**
 * The Settings view's form as plain data, and its checks. The engine's zod schema
 * (settingsSchema) decides what is valid; this module only turns its issues into
 * sentences naming the field the user sees.
 */
import {
  RATINGS,
  ROLES,
  settingsSchema,
  type IsoDate,
  type Rating,
  type RatingColourChoice,
  type Role,
  type Settings,
} from "../core";
import { RATING_WORDS } from "./wording";

export type AsOfChoice = "today" | "review" | "date";

export interface LegendRow {
  label: string;
  /** Comma-separated texts ("G, Green, On track"). */
  texts: string;
  /** Comma-separated colours ("#00B050, #92D050"). */
  colours: string;
}

export interface OverrideRow {
  header: string;
  role: Role;
  /** Empty = every tab. */
  sheet: string;
}

export interface SettingsForm {
  asOfChoice: AsOfChoice;
  asOfDate: string;
  dueSoonDays: string;
  overrides: OverrideRow[];
  legend: Record<Rating, LegendRow>;
  blueMeansComplete: boolean;
  /** Owner aliases, one a line: "HOS = Head of Service". */
  ownerAliases: string;
  /** The colours Check plan gives the rating cells. */
  ratingColours: RatingColourChoice;
}

export function formFromSettings(settings: Settings, reviewDate: IsoDate | null): SettingsForm {
  const asOf = settings.asOf;
  const legend = {} as Record<Rating, LegendRow>;
  for (const r of RATINGS) {
    const entry = settings.legend.ratings[r];
    legend[r] = {
      label: entry?.label ?? "",
      texts: (entry?.texts ?? []).join(", "),
      colours: (entry?.colours ?? []).join(", "),
    };
  }
  return {
    asOfChoice: asOf === null ? "today" : asOf === reviewDate ? "review" : "date",
    asOfDate: asOf ?? "",
    dueSoonDays: String(settings.dueSoonDays),
    overrides: settings.columnOverrides.map((o) => ({
      header: o.header,
      role: o.role,
      sheet: o.sheet ?? "",
    })),
    legend,
    blueMeansComplete: settings.legend.blueMeansComplete,
    ownerAliases: (settings.ownerAliases ?? []).map((a) => `${a.alias} = ${a.name}`).join("\n"),
    ratingColours: settings.ratingColours ?? "palette",
  };
}

/** The alias lines as stored pairs: "HOS = Head of Service" -> { alias: "HOS", name: "Head of Service" }. */
export function aliasesFromText(text: string): { alias: string; name: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const at = line.indexOf("=");
      return at < 0
        ? { alias: line, name: "" }
        : { alias: line.slice(0, at).trim(), name: line.slice(at + 1).trim() };
    });
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** What the form asks to store (not yet checked). A rating with no label, texts or colours is left out of the legend. */
function candidateFromForm(form: SettingsForm, reviewDate: IsoDate | null): unknown {
  const ratings: Record<string, unknown> = {};
  for (const r of RATINGS) {
    const row = form.legend[r];
    const texts = list(row.texts);
    const colours = list(row.colours).map((c) => c.toUpperCase());
    if (row.label.trim() === "" && texts.length === 0 && colours.length === 0) continue;
    ratings[r] = { label: row.label.trim(), texts, colours };
  }
  const days = form.dueSoonDays.trim();
  return {
    version: 1,
    asOf:
      form.asOfChoice === "today" ? null : form.asOfChoice === "review" ? reviewDate : form.asOfDate.trim(),
    dueSoonDays: /^-?\d+(\.\d+)?$/.test(days) ? Number(days) : days,
    columnOverrides: form.overrides.map((o) => {
      const override: Record<string, unknown> = { header: o.header.trim(), role: o.role };
      if (o.sheet.trim()) override.sheet = o.sheet.trim();
      return override;
    }),
    legend: { version: 1, ratings, blueMeansComplete: form.blueMeansComplete },
    ownerAliases: aliasesFromText(form.ownerAliases ?? ""),
    ratingColours: form.ratingColours,
  };
}

export type SettingsCheck =
  | { ok: true; settings: Settings }
  | { ok: false; problems: string[]; dueSoonProblem: string | null; asOfProblem: string | null };

/** Checks the form with the engine's schema; problems are sentences naming the field. */
export function checkSettingsForm(form: SettingsForm, reviewDate: IsoDate | null): SettingsCheck {
  const parsed = settingsSchema.safeParse(candidateFromForm(form, reviewDate));
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((i) => describeIssue(i.path, i.message, form)))];
  const first = (key: string) => {
    const issue = parsed.error.issues.find((i) => i.path[0] === key);
    return issue ? describeIssue(issue.path, issue.message, form) : null;
  };
  return { ok: false, problems, dueSoonProblem: first("dueSoonDays"), asOfProblem: first("asOf") };
}

function describeIssue(path: PropertyKey[], message: string, form: SettingsForm): string {
  const [head, a, b, c] = path;
  if (head === "dueSoonDays")
    return `Due soon window: enter a whole number of days from 0 to 365 (not "${form.dueSoonDays}").`;
  if (head === "asOf")
    return form.asOfChoice === "review"
      ? "As-of date: this plan has no review date to use."
      : "As-of date: enter a real date.";
  if (head === "columnOverrides" && typeof a === "number") {
    const n = a + 1;
    if (b === "header") return `Column override ${n}: enter the header text as it appears in the plan.`;
    if (b === "role") return `Column override ${n}: choose what the column holds.`;
    return `Column override ${n}: ${message}.`;
  }
  if (head === "ownerAliases" && typeof a === "number") {
    const line = aliasesFromText(form.ownerAliases ?? "")[a];
    return `Owner aliases, line ${a + 1}: write it as "other name = owner", e.g. "HOS = Head of Service"${line ? ` (not "${line.alias}${line.name ? ` = ${line.name}` : ""}")` : ""}.`;
  }
  if (
    head === "legend" &&
    a === "ratings" &&
    typeof b === "string" &&
    (RATINGS as readonly string[]).includes(b)
  ) {
    const word = RATING_WORDS[b as Rating];
    if (c === "label") return `Legend, ${word}: the label cannot be empty.`;
    if (c === "colours")
      return `Legend, ${word}: write colours as #RRGGBB, e.g. #FF0000, separated by commas.`;
    return `Legend, ${word}: ${message}.`;
  }
  return `${path.map(String).join(" › ") || "Settings"}: ${message}.`;
}

export const ROLE_CHOICES: readonly Role[] = ROLES;

export function emptyOverride(): OverrideRow {
  return { header: "", role: "owner", sheet: "" };
}
