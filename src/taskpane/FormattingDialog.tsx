import { useState } from "react";
import { columnLetters } from "../core/address";
import type { ExistingRules } from "../host/WorkbookHost";
import type { CheckOutcome } from "../app/commands";
import { ConfirmDialog } from "./ConfirmDialog";
import { usePlanSession } from "./session";
import { plural } from "./wording";

/** Describes one column's own rules: "'Early Help' column G: a dropdown and 2 colour rules". */
function describeConflict(c: ExistingRules): string {
  const parts: string[] = [];
  if (c.userValidation) parts.push("a dropdown or input rule (data validation)");
  if (c.userConditionalFormats > 0) parts.push(plural(c.userConditionalFormats, "colour rule"));
  return `${c.sheet}, column ${columnLetters(c.column)}: ${parts.join(" and ") || "rules of your own"}`;
}

/**
 * Asks before replacing the user's own dropdowns and colour rules on the rating columns,
 * honest that changes made through an add-in may not be undone with Ctrl+Z.
 */
export function FormattingDialog({ outcome }: { outcome: CheckOutcome }) {
  const session = usePlanSession();
  const [answered, setAnswered] = useState<CheckOutcome | null>(null);
  const open = outcome.formatting === "needs-confirmation" && answered !== outcome;
  return (
    <ConfirmDialog
      open={open}
      title="Replace your own rules on the rating columns?"
      confirmLabel="Replace them"
      cancelLabel="Keep mine"
      onConfirm={() => {
        setAnswered(outcome);
        void session.runCheck({ replaceUserRules: true });
      }}
      onCancel={() => setAnswered(outcome)}
    >
      <p>These columns already carry rules of your own:</p>
      <ul>
        {outcome.conflicts.map((c) => (
          <li key={`${c.sheet}-${c.column}`}>{describeConflict(c)}</li>
        ))}
      </ul>
      <p>
        SDP Assistant can replace them with its rating dropdown and colours. Changes made through the add-in
        may not be undoable with Ctrl+Z: “Remove formatting added by SDP Assistant” takes its own formatting
        off again, but your rules would not come back.
      </p>
      <p>Keep mine: the findings are still shown, and nothing is changed in those columns.</p>
    </ConfirmDialog>
  );
}
