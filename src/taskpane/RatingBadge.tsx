import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Rating } from "../core";
import { RATING_WORDS } from "./wording";

const COLOURS: Record<Rating, BadgeProps["color"]> = {
  blue: "brand",
  green: "success",
  amber: "warning",
  red: "danger",
};

/** A rating as a word on its colour: colour is never the only signal. */
export function RatingBadge({ rating, fromColour = false }: { rating: Rating | null; fromColour?: boolean }) {
  if (rating === null) {
    return (
      <Badge appearance="outline" color="informative">
        Not rated
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color={COLOURS[rating]}>
      {RATING_WORDS[rating]}
      {fromColour ? " (colour only)" : ""}
    </Badge>
  );
}
