import Link from "next/link";
import { isPlanActive } from "@/lib/authz/plan";
import { trialDaysLeft } from "@/lib/organizations/trial";

const planLink = "font-medium underline underline-offset-2";

/**
 * On every page of a trial organisation: the days left, or that it has ended (data kept, adding assets
 * and scanning paused), with the way to a plan.
 */
export function TrialBanner({
  plan,
  trialEndsAt,
  now = new Date(),
}: {
  plan: string;
  trialEndsAt: Date | null;
  now?: Date;
}) {
  if (plan !== "TRIAL") return null;
  if (!isPlanActive({ plan, trialEndsAt }, now)) {
    return (
      <div
        role="region"
        aria-label="Trial"
        className="border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
      >
        <p className="mx-auto max-w-6xl">
          Your free trial has ended: scans are paused. Your assets and history are kept and readable.{" "}
          <Link href="/settings/billing" className={planLink}>
            Choose a plan
          </Link>{" "}
          to resume scanning.
        </p>
      </div>
    );
  }
  const days = trialDaysLeft(trialEndsAt!, now);
  return (
    <div role="region" aria-label="Trial" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950">
      <p className="mx-auto max-w-6xl">
        Free trial: {days === 1 ? "1 day" : `${days} days`} left (until {trialEndsAt!.toUTCString().slice(0, 16)}).{" "}
        <Link href="/settings/billing" className={planLink}>
          Choose a plan
        </Link>
      </p>
    </div>
  );
}
