/**
 * jest's jsdom environment has no TextEncoder (the browser and Node both do); the in-memory Excel
 * measures payloads with it. Import this first in a jsdom test that runs the in-memory Excel.
 */
import { TextEncoder } from "node:util";

if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder });
