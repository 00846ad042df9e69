import { useMemo, useState } from "react";
import { Button } from "@fluentui/react-components";
import { planConvertColourRatings, type PlanResult } from "../core";
import { ConfirmDialog } from "./ConfirmDialog";
import { usePlanSession } from "./session";
import { plural } from "./wording";

/** "Convert colour-only ratings to text", after a confirmation naming how many cells change. */
export function ColourRatingsPanel({ result }: { result: PlanResult }) {
  const session = usePlanSession();
  const [confirming, setConfirming] = useState(false);
  const writes = useMemo(() => planConvertColourRatings(result), [result]);
  if (writes.length === 0) return null;
  return (
    <>
      <Button disabled={session.busy !== null} onClick={() => setConfirming(true)}>
        Convert colour-only ratings to text
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Write the ratings shown by colour as text?"
        confirmLabel={`Change ${plural(writes.length, "cell")}`}
        onConfirm={() => {
          setConfirming(false);
          void session.changeTexts(writes, "Colour-only ratings written as text");
        }}
        onCancel={() => setConfirming(false)}
      >
        {plural(writes.length, "rating cell")} {writes.length === 1 ? "is" : "are"} coloured but empty. This
        will write the matching word (Red, Amber, Green or Blue) into {writes.length === 1 ? "it" : "each"},
        so that formulas, filters and screen readers see the rating. The fill colours stay.
      </ConfirmDialog>
    </>
  );
}
