"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The settings sub-navigation; the layout decides which links the member sees. */
export function SettingsNav({ links }: { links: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-x-4 gap-y-1 border-b border-slate-200">
      {links.map((l) => {
        const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-2 text-sm ${current ? "border-slate-900 font-medium text-slate-900" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
