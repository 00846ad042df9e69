/** zod/mini schemas shared by the stored settings and snapshots. */
import { z } from "zod/mini";
import { isIsoDate } from "./dates";
import { RATINGS, ROLES, STATUSES } from "./model";

export const isoDateSchema = z
  .string()
  .check(z.refine((s) => isIsoDate(s), { message: "expected a date written YYYY-MM-DD" }));
export const ratingSchema = z.enum(RATINGS);
export const statusSchema = z.enum(STATUSES);
const roleSchema = z.enum(ROLES);

const legendEntrySchema = z.object({
  label: z.string().check(z.minLength(1)),
  texts: z.array(z.string()),
  colours: z.array(
    z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, { message: "expected a colour written #RRGGBB" })),
  ),
});

export const legendSchema = z.object({
  version: z.literal(1),
  ratings: z.object({
    blue: z.optional(legendEntrySchema),
    green: z.optional(legendEntrySchema),
    amber: z.optional(legendEntrySchema),
    red: z.optional(legendEntrySchema),
  }),
  blueMeansComplete: z.boolean(),
});

export const columnOverrideSchema = z.object({
  sheet: z.optional(z.string()),
  header: z.string().check(z.minLength(1)),
  role: roleSchema,
});

export const ownerAliasSchema = z.object({
  alias: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});
