"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** "2026-11-28 08:55 UTC": the same text on the server and in every browser. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// Built on first use in the browser and reused: a table has hundreds of times, and a formatter is costly to build.
const formatters = new Map<boolean, Intl.DateTimeFormat>();

function formatLocal(date: Date, dateOnly: boolean): string {
  let format = formatters.get(dateOnly);
  if (!format) {
    format = new Intl.DateTimeFormat(
      undefined,
      dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
    );
    formatters.set(dateOnly, format);
  }
  return format.format(date);
}

/**
 * A moment in the viewer's own time zone, with UTC on hover (title) and in `dateTime`. The server
 * does not know the viewer's zone, so the server render (and hydration) shows UTC and the browser
 * switches to local time right after: no hydration mismatch, no flash of a wrong zone.
 */
export function LocalTime({
  value,
  dateOnly = false,
  className,
}: {
  value: Date | string;
  dateOnly?: boolean;
  className?: string;
}) {
  const date = typeof value === "string" ? new Date(value) : value;
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const utc = formatUtc(date);
  return (
    <time dateTime={date.toISOString()} title={utc} className={className}>
      {inBrowser ? formatLocal(date, dateOnly) : dateOnly ? utc.slice(0, 10) : utc}
    </time>
  );
}
