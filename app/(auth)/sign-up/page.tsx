import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/auth/safe-callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect(DEFAULT_SIGNED_IN_PATH);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">14 days free, no card needed. We will ask you to confirm your email address.</p>
      <SignUpForm />
    </>
  );
}
