/** Wording shared by the report's HTML, text and PDF, and by alerts. */

export function formatDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}

export function gradeText(grade: string | null, score: number | null): string {
  return grade === null || score === null ? "not graded yet" : `${grade} (${score}/100)`;
}

/** "up 5 since the previous report (C, 77)", "unchanged since …", or "" for the first report. */
export function changeText(
  current: { grade: string | null; score: number | null },
  previous: { grade: string | null; score: number | null } | null,
): string {
  if (!previous || previous.score === null || current.score === null) return "";
  const delta = current.score - previous.score;
  const was = `${previous.grade ?? "?"}, ${previous.score}`;
  if (delta === 0) return `unchanged since the previous report (${was})`;
  return `${delta > 0 ? "up" : "down"} ${Math.abs(delta)} since the previous report (${was})`;
}

/** "ssh (OpenSSH 9.6)" / "not identified". */
export function serviceText(service: string | null, product?: string | null, version?: string | null): string {
  if (!service) return "not identified";
  const detail = [product, version].filter(Boolean).join(" ");
  return detail ? `${service} (${detail})` : service;
}

export function typicalText(typical: string | null, pending: boolean): string {
  return pending ? "Pending classification" : (typical ?? "unassigned");
}

/** A file-name-safe form of an organisation name: lowercase letters, digits and dashes only. */
export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "organization"
  );
}
