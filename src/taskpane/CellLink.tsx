import type { ReactNode } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { errorText, useNotices, type NoticePlace } from "./notices";
import { useServices } from "./services";

// Fluent's Link shows keyboard focus only as a double underline (and sets outline: none); a 2px outline is easier to see.
const useStyles = makeStyles({
  focus: {
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: "2px",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "2px",
      borderRadius: tokens.borderRadiusSmall,
    },
    "&[data-fui-focus-visible]": {
      outlineStyle: "solid",
      outlineWidth: "2px",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "2px",
    },
  },
});

/** A link-styled button that selects a cell in the workbook (Enter or Space activates it). */
export function CellLink({
  address,
  label,
  place = "pane",
  children,
}: {
  address: string;
  label: string;
  /** Where a failure to go there is reported (beside the list the link is in). */
  place?: NoticePlace;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { host } = useServices();
  const { notify } = useNotices();
  const go = () => {
    host
      .select(address)
      .catch((error: unknown) =>
        notify("error", `Could not go to ${label.replace(/^Go to /, "")}`, errorText(error), place),
      );
  };
  return (
    <Link as="button" className={styles.focus} onClick={go} aria-label={label}>
      {children}
    </Link>
  );
}
