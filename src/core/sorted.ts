/** Index of the last item whose position is <= at (items sorted by position), or -1: a binary search. */
export function lastIndexAtOrBefore<T>(items: readonly T[], at: number, pos: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos(items[mid]) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
