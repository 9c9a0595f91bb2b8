import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { assetTargetSchema } from "@/lib/validation/asset";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);
  const email = (first(params.email) ?? "").slice(0, 320);
  // The domain carried from the public security test (?domain=), read as the asset form reads it.
  const carried = assetTargetSchema.safeParse(first(params.domain) ?? "");
  const firstAsset = carried.success ? carried.data.value : "";
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        14 days free, no card needed. We will ask you to confirm your email address.
      </p>
      {firstAsset && (
        <p className="mb-6 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          Once you confirm your email, {firstAsset} becomes your first monitored domain and its full scan starts.
        </p>
      )}
      <SignUpForm callbackUrl={callbackUrl} initialEmail={email} firstAsset={firstAsset} />
    </>
  );
}
