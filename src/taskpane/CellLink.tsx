import type { ReactNode } from "react";
import { Link } from "@fluentui/react-components";
import { errorText, useNotices } from "./notices";
import { useServices } from "./services";

/** A link-styled button that selects a cell in the workbook (Enter or Space activates it). */
export function CellLink({ address, label, children }: { address: string; label: string; children: ReactNode }) {
  const { host } = useServices();
  const { notify } = useNotices();
  const go = () => {
    host.select(address).catch((error: unknown) => notify("error", `Could not go to ${address}`, errorText(error)));
  };
  return (
    <Link as="button" onClick={go} aria-label={label}>
      {children}
    </Link>
  );
}
