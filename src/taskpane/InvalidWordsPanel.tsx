import { useState } from "react";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import type { CheckOutcome } from "../app/commands";
import { invalidRatingWords, legendWithWord, RATINGS, type Rating } from "../core";
import { useNotices } from "./notices";
import { useServices } from "./services";
import { usePlanSession } from "./session";
import { RATING_WORDS, plural } from "./wording";

/**
 * Rating words the legend does not know, grouped by word (SEMANTICS.md "Plans from other councils"), each with "add this
 * word to the legend as <rating>" in one step: the workbook's settings are saved and the plan checked again.
 */
export function InvalidWordsPanel({ outcome }: { outcome: CheckOutcome }) {
  const groups = invalidRatingWords(outcome.result);
  const { host } = useServices();
  const notices = useNotices();
  const session = usePlanSession();
  const [choice, setChoice] = useState<Record<string, Rating>>({});
  if (groups.length === 0) return null;
  const add = async (word: string, rating: Rating) => {
    const settings = outcome.settings;
    try {
      await host.saveSettings({ ...settings, legend: legendWithWord(settings.legend, word, rating) });
      notices.notify(
        "success",
        "Legend updated",
        `"${word}" now means ${RATING_WORDS[rating].toLowerCase()} in this workbook.`,
      );
      await session.runCheck();
    } catch (error) {
      notices.notify(
        "error",
        "The legend was not updated",
        error instanceof Error ? error.message : String(error),
      );
    }
  };
  return (
    <section aria-label="Words that are not ratings">
      <h3>Words that are not ratings</h3>
      {groups.map(({ word, findings }) => {
        const rating = choice[word] ?? "green";
        return (
          <div key={word}>
            <Text as="p">
              “{word}”: {plural(findings.length, "action")}
            </Text>
            <Field label={`Add “${word}” to the legend as`}>
              <Select value={rating} onChange={(_, d) => setChoice({ ...choice, [word]: d.value as Rating })}>
                {RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {RATING_WORDS[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={session.busy !== null} onClick={() => void add(word, rating)}>
              Add this word to the legend as {RATING_WORDS[rating].toLowerCase()}
            </Button>
          </div>
        );
      })}
    </section>
  );
}
