import { expect } from "vitest";

export function form(fields: Record<string, string | Blob>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** Runs a server action that should end in redirect(); returns where it sends the browser. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    throw new Error(`Expected a redirect, got ${JSON.stringify(result)}`);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2]!;
  }
}

/** The token of the first link to `path` (e.g. "/verify-email") in a mail's text. */
export function linkToken(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+${path.replace(/[/-]/g, "\\$&")}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  expect(match, `no ${path} link in:\n${text}`).not.toBeNull();
  return match![1]!;
}
