import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Layer rules (docs/architecture.md "Which folder may import which"). Paths are resolved imports, so
 * "@/lib/db/client" and "../../lib/db/client" are the same import. A lint test proves they bite:
 * tests/unit/architecture/boundaries.test.ts.
 */
const PURE_ENGINE =
  "is a pure engine: it imports only itself, node: modules and plain npm libraries (docs/architecture.md).";

const boundaries = [
  {
    target: "./lib/scanner",
    from: "./",
    except: ["./lib/scanner", "./node_modules"],
    message: `lib/scanner ${PURE_ENGINE}`,
  },
  {
    target: "./lib/grading",
    from: "./",
    except: ["./lib/grading", "./lib/scanner", "./node_modules"],
    message: `lib/grading ${PURE_ENGINE} It reads the observed-service contract from lib/scanner.`,
  },
  {
    target: "./components",
    from: ["./lib/db", "./lib/generated"],
    message: "Components never touch the database: a server component or action fetches, and passes plain data down.",
  },
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ is below app/ and components/: move what both need into lib/.",
  },
  {
    target: "./lib",
    from: "./inngest",
    except: ["./client.ts", "./events.ts"],
    message:
      "lib/ may send events (inngest/client.ts, inngest/events.ts) but never imports Inngest functions: they call lib/.",
  },
  {
    target: ["./inngest/client.ts", "./inngest/events.ts"],
    from: "./lib",
    except: ["./scanner", "./validation"],
    message: "The event contract sits below lib/'s domain modules: it imports only zod, inngest and pure contracts.",
  },
  {
    target: "./lib/scan-runs",
    from: "./lib/monitoring",
    message: "Monitoring schedules scans: lib/monitoring imports lib/scan-runs, never the reverse.",
  },
];

const FRAMEWORK_AND_DATABASE = [
  {
    group: [
      "next",
      "next/*",
      "next-auth",
      "next-auth/*",
      "react",
      "react/*",
      "react-dom",
      "react-dom/*",
      "server-only",
    ],
    message: PURE_ENGINE,
  },
  { group: ["@prisma/*", "prisma", "pg", "@electric-sql/*"], message: PURE_ENGINE },
  { group: ["inngest", "inngest/*", "@inngest/*"], message: PURE_ENGINE },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a parameter kept for its position (e.g. test-table columns).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: boundaries }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["lib/scanner/**", "lib/grading/**"],
    rules: { "no-restricted-imports": ["error", { patterns: FRAMEWORK_AND_DATABASE }] },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "pg", "@electric-sql/*"],
              message: "Components never touch the database: pass plain data down.",
            },
          ],
        },
      ],
    },
  },
  {
    // An organisation context proves a membership check (lib/authz/membership.ts); nothing else forges one.
    ignores: ["lib/authz/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(TSAsExpression, TSTypeAssertion) > TSTypeReference.typeAnnotation[typeName.name=/^(OrgContext|AuthorizedContext|MyOrganization)$/]",
          message:
            "Get an OrgContext from the membership check (lib/authz/membership.ts, orgAction, withOrg), never by a cast.",
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
