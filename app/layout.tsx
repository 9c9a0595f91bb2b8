import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portwatch", template: "%s · Portwatch" },
  description: "Continuous open-port monitoring and security ratings for your domains.",
};

/**
 * Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its scripts only
 * while rendering, so a page prerendered at build time would have its scripts blocked.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
