/**
 * Each role's column header as plans usually write it. Apart from roles.ts (the header matching)
 * because the pane's first screen words columns so and should not load the matching rules.
 */
import type { Role } from "../model";

export const DEFAULT_HEADER: Record<Role, string> = {
  reason: "Why?",
  owner: "Who?",
  action: "Does what?",
  start: "Start",
  due: "By when?",
  evidence: "How will we know it has been done?",
  experience: "What will be the experience of children?",
  rag: "RAG rated",
  comments: "Comments on progress",
  ref: "Ref",
  area: "Area lead",
};
