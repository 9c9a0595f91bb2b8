"use client";

import { PageError } from "@/components/ui/page-error";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="the overview (grade, charts and findings)" error={error} reset={reset} />;
}
