"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/dashboard", label: "Dashboard", section: "/dashboard" },
  { href: "/assets", label: "Assets", section: "/assets" },
  { href: "/findings", label: "Findings", section: "/findings" },
  { href: "/settings/organization", label: "Settings", section: "/settings" },
];

/** The app's main sections; the current one is marked for screen readers (aria-current) and by colour. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {LINKS.map((l) => {
        const current = pathname === l.section || pathname.startsWith(`${l.section}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
