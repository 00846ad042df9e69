/**
 * Rewrites the committed manifest (which points at the dev server, https://localhost:3000/)
 * for the host the add-in is deployed to. Used by webpack.config.js when it writes
 * dist/manifest.xml, and by tests/manifest/manifest.test.ts.
 *
 *   ADDIN_HOST_URL=https://addins.council.gov.uk/sdp/ npm run build
 */

export const DEV_HOST_URL = "https://localhost:3000/";

/** The deployment base URL: https, ending in "/". Throws a readable Error for anything else. */
export function normaliseHostUrl(raw) {
  const text = (raw ?? "").trim();
  if (text === "") return DEV_HOST_URL;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_HOST_URL is not a URL: "${text}"`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_HOST_URL must start with https:// (Office only loads add-ins over https): "${text}"`,
    );
  if (url.search || url.hash) throw new Error(`ADDIN_HOST_URL must not have a query or #fragment: "${text}"`);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/** The manifest with every dev-server URL (and the AppDomain) pointing at `hostUrl`. */
export function transformManifest(xml, hostUrl) {
  const base = normaliseHostUrl(hostUrl);
  const origin = new URL(base).origin;
  const devOrigin = new URL(DEV_HOST_URL).origin;
  return xml
    .split(DEV_HOST_URL)
    .join(base)
    .split(`<AppDomain>${devOrigin}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`);
}
