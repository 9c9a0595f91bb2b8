import type { Metadata } from "next";
import Link from "next/link";
import { RESET_LINK_MESSAGES, checkResetLink } from "@/lib/auth/reset-password";
import { tokenQuerySchema } from "@/lib/validation/auth";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TITLES = {
  invalid: "This link is not valid",
  expired: "This link has expired",
  used: "This link was already used",
} as const;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const parsed = tokenQuerySchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const state = parsed.success ? await checkResetLink(parsed.data) : "invalid";
  if (state !== "valid" || !parsed.success) {
    const problem = state === "valid" ? "invalid" : state;
    return (
      <Notice tone="error" title={TITLES[problem]}>
        <p>{RESET_LINK_MESSAGES[problem]}</p>
        <p>
          <Link href="/forgot-password" className="font-medium underline">
            Ask for a new link
          </Link>
        </p>
      </Notice>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        After this, you will be signed in here and signed out everywhere else.
      </p>
      <ResetPasswordForm token={parsed.data} />
    </>
  );
}
