import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/assets/format";
import { ConfirmActionForm } from "@/components/members/confirm-action-form";
import { listAccessGrantedWhileUnverified } from "@/lib/organizations/access-granted-while-unverified";
import { getAppContext } from "../../current-organization";
import { removeMemberAction } from "../members/actions";

export const metadata: Metadata = { title: "Review access" };

/**
 * Shown after a password reset that confirmed the account's address: people who joined through
 * invitations this account sent before the address was confirmed, each with a way to remove them.
 */
export default async function AccessReviewPage() {
  const { user } = await getAppContext();
  const granted = await listAccessGrantedWhileUnverified(user.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Review who got access before your address was confirmed</h1>
      {granted.length === 0 ? (
        <p className="text-sm text-slate-700">
          Nobody joined through invitations sent from your account before you confirmed your address.
        </p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-700">
            Your address was confirmed only now. Before that, invitations sent from this account let the people below
            in. If you did not invite them, someone else may have used your address: remove them.
          </p>
          <ul
            className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white"
            aria-label="Access granted before confirmation"
          >
            {granted.map((g) => (
              <li key={g.membershipId} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
                <span className="font-medium">{g.email}</span>
                <span className="text-slate-600">
                  {g.role.toLowerCase()} of {g.organizationName}
                </span>
                <span className="text-slate-500">joined {formatDateTime(g.joinedAt)}</span>
                <span className="ml-auto">
                  {g.removable ? (
                    <ConfirmActionForm
                      action={removeMemberAction}
                      fields={{ organizationId: g.organizationId, membershipId: g.membershipId }}
                      label="Remove"
                      question={`Remove ${g.email} from ${g.organizationName}?`}
                      confirmLabel="Remove"
                    />
                  ) : (
                    <span className="text-slate-500">Ask an owner of {g.organizationName} to remove them.</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="text-sm">
        <Link href="/assets" className="font-medium underline">
          Continue to Portwatch
        </Link>
      </p>
    </div>
  );
}
