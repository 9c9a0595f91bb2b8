import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only: migrations run through scripts/db (Prisma's
// WebAssembly schema engine over our own driver adapter), which needs no native engine download.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
