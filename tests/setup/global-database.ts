import type { TestProject } from "vitest/node";
import { dropPostgresTemplate, pgliteTemplateDump, postgresTemplate } from "./template-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresServerUrl: string;
    postgresTemplateName: string;
  }
}

/** Integration tier: runs against PGlite, or against a real PostgreSQL when TEST_DATABASE_URL is set. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  if (serverUrl) {
    const template = await postgresTemplate(serverUrl);
    project.provide("postgresServerUrl", serverUrl);
    project.provide("postgresTemplateName", template);
    project.provide("pgliteTemplate", "");
    return () => dropPostgresTemplate(serverUrl, template);
  }
  project.provide("pgliteTemplate", await pgliteTemplateDump());
  project.provide("postgresServerUrl", "");
  project.provide("postgresTemplateName", "");
}
