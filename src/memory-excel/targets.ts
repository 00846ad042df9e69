/** What a proxy resolves to at sync time. A resolver returns null for a null object and throws ItemNotFound for a missing item. */
import type { CellBox } from "../core/grid";
import type { MemSheet } from "./state";

export interface RangeTarget {
  sheet: MemSheet;
  box: CellBox;
}

export interface AreasTarget {
  sheet: MemSheet;
  boxes: CellBox[];
}

export type Resolver<T> = () => T | null;
