import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/authz/org-context";
import { requireAppOrganization } from "../../current-organization";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

/** Keys for the REST API (/api/v1): owners and admins create, list and revoke them. */
export default async function ApiKeysPage() {
  const { active } = await requireAppOrganization();
  const intro = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
      <p className="mt-1 text-sm text-slate-600">
        Keys let your own tools read {active.name}&apos;s assets, findings, grades and exposure changes, and add assets
        or request scans, through the REST API. See the{" "}
        <Link href="/docs/api" className="underline">
          API reference
        </Link>
        .
      </p>
    </div>
  );
  if (!can(active, "api-keys:manage")) {
    return (
      <div className="space-y-4">
        {intro}
        <p className="text-sm text-slate-700">Only owners and admins of {active.name} can manage API keys.</p>
      </div>
    );
  }
  const keys = await listApiKeys(active);
  return (
    <div className="space-y-8">
      {intro}
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Create a key</h2>
        <CreateApiKeyForm organizationId={active.organizationId} action={createApiKeyAction} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Keys</h2>
        <ApiKeyTable keys={keys} organizationId={active.organizationId} revokeAction={revokeApiKeyAction} />
      </section>
    </div>
  );
}
