import type { Metadata } from "next";
import { OrganizationNameForm } from "@/components/organizations/organization-name-form";
import { getAppContext } from "../../current-organization";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganizationPage() {
  const { active } = await getAppContext();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">New organisation</h1>
      <p className="max-w-xl text-sm text-slate-600">
        {active
          ? "A separate organisation has its own assets, members and plan. It starts with a 14-day free trial, and you will be its owner."
          : "You are not a member of any organisation yet. Create one (with a 14-day free trial), or ask someone to invite you to theirs."}
      </p>
      <OrganizationNameForm
        action={createOrganizationAction}
        initialName=""
        submitLabel="Create organisation"
        onDone="redirect-to-assets"
      />
    </div>
  );
}
