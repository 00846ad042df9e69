import { Field, Textarea } from "@fluentui/react-components";

/** Other names for owners, merged in "who owes what" (SEMANTICS.md "Plans from other councils"): one "alias = name" a line. */
export function OwnerAliasesEditor({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      label="Owner aliases"
      hint={
        'One a line, e.g. "HOS = Head of Service". Owners are already grouped ignoring case, spaces and full stops.'
      }
    >
      <Textarea value={value} resize="vertical" onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
