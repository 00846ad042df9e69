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

/** Owner texts that name no owner (any case, a closing full stop ignored). */
const NO_OWNER = /^(?:tbc|tba|-|\?|n\/a)\.?$/i;

/** Whether an owner cell holds a word that names nobody (TBC, -, n/a…); an empty cell is not one (it is just empty). */
export function isNoOwner(owner: string): boolean {
  return NO_OWNER.test(tidy(owner));
}

/** How owner names are compared: case, spaces and full stops ignored. */
export function ownerKey(name: string): string {
  return name.toLowerCase().replace(/[\s.]+/g, "");
}

/** A name as shown: runs of white space collapsed, ends trimmed. */
function tidy(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/**
 * Between the owners of one cell: "/", "&", "+", ";" and line breaks. Not " and " (part of many role
 * names: "Head of Learning and Development") and not a comma (these plans write one owner with a
 * comma: "Team Manager, Assessment").
 */
const SEPARATOR = /[/&+;\r\n]+/;

/**
 * The owners one cell names ("HoS & Management team" -> two), each tidied, in the order written;
 * none for an empty cell or a no-owner word; parts that name no owner and repeats (by ownerKey:
 * "HoS / HOS") dropped.
 */
export function ownersIn(owner: string): string[] {
  if (isNoOwner(owner)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of owner.split(SEPARATOR)) {
    const name = tidy(part);
    const key = ownerKey(name);
    if (key === "" || isNoOwner(name) || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * An alias list as a lookup: owner key -> the name it stands for, aliases followed to their end
 * ("HOS = HoS2", "HoS2 = Head of Service"); a cycle stops where it repeats.
 */
export function aliasNames(aliases: readonly OwnerAlias[]): Map<string, string> {
  const direct = new Map<string, string>();
  for (const a of aliases) {
    const from = ownerKey(a.alias ?? "");
    const to = tidy(a.name ?? "");
    if (from && to && from !== ownerKey(to)) direct.set(from, to);
  }
  const out = new Map<string, string>();
  for (const [key, first] of direct) {
    let name = first;
    const seen = new Set([key]);
    let next = direct.get(ownerKey(name));
    while (next !== undefined && !seen.has(ownerKey(name))) {
      seen.add(ownerKey(name));
      name = next;
      next = direct.get(ownerKey(name));
    }
    out.set(key, name);
  }
  return out;
}

/**
 * Reads an alias list as stored in a workbook's settings (`ownerAliases`): each entry either
 * a text `"HOS = Head of Service"` or an object `{ "alias": "HOS", "name": "Head of Service" }`.
 * Entries of any other shape are ignored (and counted, so the caller can say so).
 */
export function readOwnerAliases(raw: unknown): { aliases: OwnerAlias[]; ignored: number } {
  const aliases: OwnerAlias[] = [];
  let ignored = 0;
  if (raw === undefined || raw === null) return { aliases, ignored };
  if (!Array.isArray(raw)) return { aliases, ignored: 1 };
  for (const entry of raw as unknown[]) {
    let alias: string | null = null;
    let name: string | null = null;
    if (typeof entry === "string") {
      const eq = entry.indexOf("=");
      if (eq > 0) {
        alias = entry.slice(0, eq);
        name = entry.slice(eq + 1);
      }
    } else if (typeof entry === "object" && entry !== null) {
      const e = entry as { alias?: unknown; name?: unknown };
      if (typeof e.alias === "string" && typeof e.name === "string") {
        alias = e.alias;
        name = e.name;
      }
    }
    if (alias !== null && name !== null && ownerKey(alias) !== "" && ownerKey(name) !== "")
      aliases.push({ alias: tidy(alias), name: tidy(name) });
    else ignored++;
  }
  return { aliases, ignored };
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
  const canonical = aliasNames(aliases);
  const groups = new Map<string, OwnerGroup<T>>();
  const put = (key: string, name: string, item: T): void => {
    const group = groups.get(key);
    if (!group) groups.set(key, { name, items: [item] });
    else if (group.items[group.items.length - 1] !== item) group.items.push(item);
  };
  for (const item of items) {
    const names = ownersIn(ownerOf(item));
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
