import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Messages for arriving here from elsewhere: after sign-up or reset, or from an Auth.js error redirect. */
function arrivalMessage(
  params: Record<string, string | string[] | undefined>,
): { tone: "info" | "error"; text: string } | null {
  if (first(params.registered)) return { tone: "info", text: "Your account is ready. Sign in to continue." };
  if (first(params.reset))
    return {
      tone: "info",
      text: "Your password was changed and your other sessions were signed out. Sign in with the new password.",
    };
  if (first(params.error)) {
    return first(params.code) === "rate_limited"
      ? { tone: "error", text: "Too many failed sign-ins. Wait a few minutes or reset your password." }
      : { tone: "error", text: "That sign-in did not work. Check your email and password and try again." };
  }
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);
  const message = arrivalMessage(params);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Portwatch</h1>
      <div className="mt-6 space-y-4">
        {message && (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={`rounded-md border px-3 py-2 text-sm ${message.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50 text-slate-800"}`}
          >
            {message.text}
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </>
  );
}
