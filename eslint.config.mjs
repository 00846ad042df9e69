// Lint: typescript-eslint (type-aware), the Office add-in rules (load/sync discipline), React hooks and
// jsx-a11y for the pane. Prettier owns layout (`npm run format:check`); eslint owns meaning.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

// The layers (CONTRIBUTING.md): each folder of src/ and the folders it may import from.
const LAYERS = [
  "core",
  "host",
  "excel",
  "memory-excel",
  "app",
  "commands",
  "taskpane",
  "preview",
  "xlsx",
  "cli",
  "tools",
];
const MAY_IMPORT = {
  core: [],
  host: ["core"],
  excel: ["core", "host"],
  "memory-excel": ["core", "excel"],
  xlsx: ["core"],
  cli: ["core", "xlsx"],
  app: ["core", "host"],
};
/** One no-restricted-imports rule per layer: a relative import into any folder it may not import from. */
function layerRules() {
  return Object.entries(MAY_IMPORT).map(([layer, allowed]) => {
    const banned = LAYERS.filter((l) => l !== layer && !allowed.includes(l));
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                group: banned.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
                message: `src/${layer} may import only from ${["itself", ...allowed.map((a) => `src/${a}`)].join(", ")} (CONTRIBUTING.md).`,
              },
              ...(layer === "core"
                ? [
                    {
                      group: ["node:*", "react", "react-dom", "exceljs", "@fluentui/*", "fs", "path"],
                      message: "src/core is pure: no Node, DOM, React or Excel libraries (CONTRIBUTING.md).",
                    },
                  ]
                : []),
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "dist-cli/", "coverage/", "tests/artifacts/", "tests/schemas/"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  ...layerRules(),
  {
    // The adapter and the in-memory Excel: Office.js load/sync discipline, checked by machine.
    files: ["src/excel/**/*.ts", "src/memory-excel/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "src/preview/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region must be focusable for keyboard users (WCAG 2.1.1, axe scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // package.json has no "type": .js files are CommonJS (webpack and jest configs), where require is the import.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Scripts (src/tools, the fixture builder, the browser tests' setup): printing their report is their job.
    files: ["src/tools/**/*.mjs", "tests/fixtures/build/*.mjs", "tests/browser/global-setup.js"],
    rules: { "no-console": "off" },
  },
  {
    files: ["tests/**/*.ts", "tests/**/*.tsx"],
    rules: {
      // Tests reach into results they have just asserted the shape of.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
      // Modules loaded after jest.mock, or only when present (benchmarks): require + typeof import() is jest's idiom.
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // jest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any`.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // Fakes implement the async interfaces they stand in for without awaiting anything.
      "@typescript-eslint/require-await": "off",
    },
  },
);
