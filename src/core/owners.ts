/**
 * Owners (SEMANTICS.md "Plans from other councils"): owner cells that name no owner ("TBC", "-"), and the grouping of
 * "who owes what": names compared ignoring case, spaces and full stops ("HOS", "HoS", "H.o.S."),
 * a cell naming several owners counted under each ("EH Lead / Afghan Project Lead"), and a
 * per-workbook alias list merging names ("HOS = Head of Service").
 */

/** A per-workbook alias: `alias` is another name for `name` ("HOS" for "Head of Service"). */
export interface OwnerAlias {
  alias: string;
  name: string;
}

/** Owner texts that name no owner (any case, a trailing full stop ignored). */
const NO_OWNER = /^(?:tbc|tba|-|\?|n\/a)\.?$/i;

export function isNoOwner(owner: string): boolean {
  return NO_OWNER.test(owner.trim());
}

/** How owner names are compared: case, spaces and full stops ignored. */
export function ownerKey(name: string): string {
  return name.toLowerCase().replace(/[\s.]+/g, "");
}

/**
 * Between the owners of one cell: "/", "&", "+", ";", "," and line breaks. " and " is not a
 * separator: it is part of many role names ("Head of Learning and Development").
 */
const SEPARATOR = /\s*[/&+;,\n\r]\s*/;

/** The owners one cell names, as written and trimmed ("HoS & Management team" -> two). */
export function ownersIn(owner: string): string[] {
  return owner
    .split(SEPARATOR)
    .map((n) => n.trim())
    .filter((n) => n !== "" && ownerKey(n) !== "");
}

export interface OwnerGroup<T> {
  /** The name shown: the alias list's name, else the first spelling met. */
  name: string;
  items: T[];
}

/**
 * Groups items by owner: each item under every owner its cell names (once per group), names merged
 * by ownerKey and by the alias list; items whose owner cell is empty or names no owner go under
 * `noOwner`. Groups with most items first, then by name.
 */
export function groupByOwner<T>(
  items: readonly T[],
  ownerOf: (item: T) => string,
  aliases: readonly OwnerAlias[] = [],
  noOwner = "No owner named",
): OwnerGroup<T>[] {
  const canonical = new Map<string, string>();
  for (const a of aliases) {
    const from = ownerKey(a.alias ?? "");
    const to = (a.name ?? "").trim();
    if (from && to) canonical.set(from, to);
  }
  const groups = new Map<string, OwnerGroup<T>>();
  const put = (key: string, name: string, item: T): void => {
    const group = groups.get(key);
    if (!group) groups.set(key, { name, items: [item] });
    else if (group.items[group.items.length - 1] !== item) group.items.push(item);
  };
  for (const item of items) {
    const text = ownerOf(item).trim();
    const names = text === "" || isNoOwner(text) ? [] : ownersIn(text);
    if (names.length === 0) {
      put("\u0000none", noOwner, item);
      continue;
    }
    for (const written of names) {
      const aliasName = canonical.get(ownerKey(written));
      const name = aliasName ?? written;
      put(ownerKey(name), name, item);
    }
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
}
