/**
 * The engine's caches kept per open workbook (CacheStore, src/core/caches.ts): the pane checks the
 * same plan on opening, on every return of focus, after each applied suggestion and on every edit, and
 * its due texts, fills and tab names barely change between two checks. One store per WorkbookHost,
 * held in a WeakMap so it goes when the host goes; results are the same with or without it.
 */
import { CacheStore } from "../core/index";
import type { WorkbookHost } from "../host/WorkbookHost";

const stores = new WeakMap<WorkbookHost, CacheStore>();

export function cachesOf(host: WorkbookHost): CacheStore {
  let store = stores.get(host);
  if (store === undefined) stores.set(host, (store = new CacheStore()));
  return store;
}
