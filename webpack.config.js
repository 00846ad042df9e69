/**
 * Builds the task pane (taskpane.html, which is also the ribbon commands' function file: one
 * shared runtime, manifest <Runtimes>) into dist/, copies the icons, and writes dist/manifest.xml
 * for the host in ADDIN_HOST_URL (default https://localhost:3000/).
 *
 *   npm run build        production build
 *   npm run build:dev    development build (source maps)
 *   npm run dev-server   https://localhost:3000 (http when no dev certificate exists)
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Griffel (Fluent UI's CSS-in-JS) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// The browser preview (preview.html, served at / by src/tools/serve.mjs): the same CSP with no
// external origin at all. It loads no office.js: outside Office, office.js fetches MicrosoftAjax.js
// from ajax.aspnetcdn.com, so the preview shims the little of `Office` it needs (src/preview/office-shim.ts).
const PREVIEW_CSP = CSP.replace("script-src 'self' https://appsforoffice.microsoft.com", "script-src 'self'");

/** office-addin-dev-certs' files, read directly (its installer's exit code cannot be trusted). */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      cert: fs.readFileSync(cert),
      key: fs.readFileSync(key),
      ca: readIfExists(path.join(dir, "ca.crt")),
    };
  }
  return null;
}

function readIfExists(file) {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

function page(filename, chunk, title) {
  return new HtmlWebpackPlugin({
    filename,
    template: path.resolve(__dirname, "src/taskpane/page.html"),
    chunks: [chunk],
    title,
    officeJs: OFFICE_JS,
    csp: CSP,
    scriptLoading: "defer",
    inject: "body",
  });
}

module.exports = async (_env, argv) => {
  const { normaliseHostUrl, transformManifest } = await import("./src/tools/manifest-host.mjs");
  const production = argv.mode !== "development";
  // Fails the build at once, with the reason, for a host URL Office would not load.
  const hostUrl = normaliseHostUrl(process.env.ADDIN_HOST_URL);
  const certificate = devCertificate();
  const isServe = process.argv.some((a) => a === "serve" || a.includes("webpack-dev-server"));
  if (isServe && !certificate) {
    console.warn(
      "\n[sdp-assistant] No dev certificate in ~/.office-addin-dev-certs: serving over http.\n" +
        "Excel only loads add-ins over https; run `npx office-addin-dev-certs install` where you can trust a CA.\n",
    );
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Dynamic imports name the compiled file ("./SummaryView.js"), as TypeScript's node16 mode requires.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page("taskpane.html", "taskpane", "SDP Assistant"),
      // No commands.html: the ribbon's functions are registered by the pane's own page, in the shared
      // runtime (Learn: "Configure your Office Add-in to use a shared runtime", webpack section).
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: path.resolve(__dirname, "src/preview/preview.html"),
        chunks: ["preview"],
        title: "SDP Assistant – browser preview",
        csp: PREVIEW_CSP,
        scriptLoading: "defer",
        inject: "body",
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: path.resolve(__dirname, "src/taskpane/support.html"),
        chunks: [],
        inject: false,
        csp: CSP,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/sample-plan.xlsx", to: "assets/sample-plan.xlsx" },
          // The preview starts from the sample's prebuilt grid (no exceljs at start): src/tools/make-sample.mjs.
          { from: "assets/sample-plan.grid.json", to: "assets/sample-plan.grid.json" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => transformManifest(content.toString("utf8"), hostUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certificate ? { type: "https", options: certificate } : { type: "http" },
      static: false,
      devMiddleware: { writeToDisk: false },
    },
  };
};
