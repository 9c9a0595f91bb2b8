"use client";

import { PageError } from "@/components/ui/page-error";

export default function FindingsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="the findings" error={error} reset={reset} />;
}
