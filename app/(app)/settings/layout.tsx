import { SettingsNav } from "@/components/app-shell/settings-nav";
import { can } from "@/lib/authz/org-context";
import { ACCESS_REVIEW_PATH } from "@/lib/organizations/access-granted-while-unverified";
import { getAppContext } from "../current-organization";

const LINKS = [
  { href: "/settings/organization", label: "Organisation" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/billing", label: "Billing" },
  { href: "/settings/reports", label: "Reports" },
  { href: "/settings/alerts", label: "Alerts" },
  { href: "/settings/account", label: "Your account" },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { active } = await getAppContext();
  // Those who may invite people can review who joined through invitations sent before their address was confirmed.
  const links = [
    ...LINKS,
    ...(active && can(active, "api-keys:manage") ? [{ href: "/settings/api-keys", label: "API keys" }] : []),
    ...(active && can(active, "webhooks:manage") ? [{ href: "/settings/webhooks", label: "Webhooks" }] : []),
    ...(active && can(active, "members:manage") ? [{ href: ACCESS_REVIEW_PATH, label: "Access review" }] : []),
  ];
  return (
    <>
      <SettingsNav links={links} />
      {children}
    </>
  );
}
