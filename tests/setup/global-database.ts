import type { TestProject } from "vitest/node";
import { pgliteTemplateDump, postgresTemplate } from "./template-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresServerUrl: string;
  }
}

/** Integration tier: runs against PGlite, or against a real PostgreSQL when TEST_DATABASE_URL is set. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  if (serverUrl) {
    await postgresTemplate(serverUrl);
    project.provide("postgresServerUrl", serverUrl);
    project.provide("pgliteTemplate", "");
  } else {
    project.provide("pgliteTemplate", await pgliteTemplateDump());
    project.provide("postgresServerUrl", "");
  }
}
