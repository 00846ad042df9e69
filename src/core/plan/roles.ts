/** Which header texts name which column role (SEMANTICS.md "Tabs, tables, sections, actions"), and user overrides. */
import type { ColumnOverride, Role } from "../model";
import { normaliseHeader } from "./normalise";

const ROLE_NAMES: Record<Role, readonly string[]> = {
  reason: [
    "Why",
    "Specific aim",
    "Aim",
    "Objective",
    "Reason",
    "Rationale",
    // SEMANTICS.md "Plans from other councils"
    "Recommendation",
    "Priority",
    "Issue",
    "Area for improvement",
    "Finding",
  ],
  owner: [
    "Who",
    "Lead",
    "Lead officer",
    "Owner",
    "Responsible",
    "Responsible officer",
    "Lead officer(s)",
    "Responsible officer(s)",
    "Lead person",
    "Accountable officer",
    "By whom",
  ],
  action: [
    "Does what",
    "Action",
    "Actions",
    "Task",
    "What",
    "Action required",
    "Actions required",
    "Key actions",
  ],
  start: ["Start", "Start date"],
  due: [
    "By when",
    "End",
    "End date",
    "Deadline",
    "Due",
    "Due date",
    "Target date",
    "Completion date",
    "Timescale",
    "Timeline",
    "Timeframe",
    "Target",
    "Target completion date",
    "When",
  ],
  evidence: [
    "How will we know it has been done",
    "Measure/outcome",
    "Measure",
    "Outcome",
    "Success measure",
    "Evidence",
    "Expected outcome",
    "Success criteria",
    "Success measures",
    "Measure of success",
    "KPI",
  ],
  experience: ["What will be the experience of children", "Impact on children", "Impact for children"],
  rag: [
    "RAG rated",
    "RAG",
    "RAG status",
    "RAG rating",
    "BRAG",
    "Status",
    "BRAG rating",
    "BRAG status",
    "Overall RAG",
    "Current RAG",
  ],
  comments: [
    "Comments on progress",
    "Comments",
    "Progress",
    "Progress update",
    "Update",
    "Progress to date",
    "Update on progress",
    "Latest update",
    "Commentary",
  ],
  ref: ["Ref", "Reference", "No", "Ref no", "Action no", "#"],
  area: ["Area lead"],
};

const BUILT_IN: ReadonlyMap<string, Role> = new Map(
  (Object.keys(ROLE_NAMES) as Role[]).flatMap((role) =>
    ROLE_NAMES[role].map((name) => [normaliseHeader(name), role] as const),
  ),
);

/** Looks up the role a header cell names on one tab: the user's overrides first, then the built-in names. */
export type RoleLookup = (headerText: string) => Role | null;

export function roleLookupFor(
  sheet: string,
  overrides: readonly ColumnOverride[] | undefined,
  builtInSeen?: Map<string, Role | null>,
): RoleLookup {
  const own = new Map<string, Role>();
  // Overrides for this tab win over overrides for every tab.
  const mine = (overrides ?? []).filter((o) => o.sheet === sheet);
  const everyTab = (overrides ?? []).filter((o) => o.sheet === undefined);
  for (const o of [...mine, ...everyTab]) {
    const name = normaliseHeader(o.header);
    if (name && !own.has(name)) own.set(name, o.role);
  }
  // Header cells are short: longer text (an action, a comment) names no role and is not normalised.
  const longest = Math.max(...[...BUILT_IN.keys(), ...own.keys()].map((k) => k.length));
  const limit = 2 * longest + 20;
  // Without overrides every tab reads headers alike, so the tabs of one check share what they looked up (builtInSeen).
  const shared = own.size === 0 && builtInSeen !== undefined;
  const seen = shared ? builtInSeen : new Map<string, Role | null>();
  return (headerText) => {
    if (headerText.length > limit) return null;
    const known = seen.get(headerText);
    if (known !== undefined) return known;
    const name = normaliseHeader(headerText);
    const role = name ? (own.get(name) ?? BUILT_IN.get(name) ?? null) : null;
    if (seen.size < (shared ? 100_000 : 10_000)) seen.set(headerText, role);
    return role;
  };
}
