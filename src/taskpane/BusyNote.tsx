import { Text } from "@fluentui/react-components";

/** What the pane is busy with, as a polite status line (lighter than a Spinner for the first chunk). */
export function BusyNote({ label }: { label: string }) {
  return (
    <Text as="p" role="status" italic>
      {label}
    </Text>
  );
}
