// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only: the type-aware set doubles the
// run time and tsc already checks types), React, the rules of hooks, and jsx-a11y. `npm run lint` allows
// no warnings, so every rule here is effectively an error.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", ".cache/", "data/", "tests/.db/", "playwright-report/", "test-results/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names mark a value taken only to leave it out (e.g. `{ password: _, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // `interface AppLoadContext extends RequestContext {}` is how a module's declared type is extended.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "jsx-a11y": jsxA11y },
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: globals.browser },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // TypeScript types the props.
      "react/prop-types": "off",
    },
  },
  // The app's React code only: Playwright's fixtures call a function named `use` that is not a hook.
  { files: ["app/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  // package.json says `"sideEffects": false` (docs/decisions/013-fewer-scripts-before-paint.md): the bundler drops a
  // module nothing takes a name from, so a module imported only to run it would silently not run.
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["**/*.d.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[specifiers.length=0][importKind!='type']",
          message: "The app has no side-effect imports (package.json \"sideEffects\": false drops them): import a name and call it.",
        },
      ],
    },
  },
);
