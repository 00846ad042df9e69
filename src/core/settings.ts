/** The add-in's per-workbook settings, stored in the workbook as versioned JSON. */
import { z } from "zod/mini";
import { DEFAULT_LEGEND } from "./rating";
import { columnOverrideSchema, isoDateSchema, legendSchema, ownerAliasSchema } from "./schemas";
import { DEFAULT_SETTINGS, type Settings } from "./settings-defaults";

export { DEFAULT_SETTINGS };
export type { Settings };

export const settingsSchema = z.object({
  version: z.literal(1),
  asOf: z._default(z.nullable(isoDateSchema), null),
  dueSoonDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(365)), 30),
  columnOverrides: z._default(z.array(columnOverrideSchema), []),
  legend: z._default(legendSchema, DEFAULT_LEGEND),
  ownerAliases: z._default(z.array(ownerAliasSchema), []),
  ratingColours: z._default(z.enum(["palette", "plan"]), "palette"),
});

/** Reads stored settings; bad or missing JSON falls back to the defaults with a problem to show the user. */
export function parseSettings(raw: unknown): { settings: Settings; problem: string | null } {
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, problem: null };
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      // only JSON.parse is inside: its SyntaxError is the input (stored text), not a bug
      return {
        settings: DEFAULT_SETTINGS,
        problem:
          "The add-in's saved settings could not be read (not valid JSON), so the defaults are used. Save your settings again to fix this.",
      };
    }
  }
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? ` (${issue.path.join(".")})` : "";
  return {
    settings: DEFAULT_SETTINGS,
    problem: `The add-in's saved settings could not be used${where}: ${issue?.message ?? "not valid"}. The defaults are used until you save your settings again.`,
  };
}
