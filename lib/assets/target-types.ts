import type { AssetKind } from "@/lib/generated/prisma/enums";

/** A monitored target after normalisation: what is stored in Asset.kind and Asset.value. */
export interface AssetTarget {
  kind: AssetKind;
  value: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): ParseResult<T> => ({ ok: false, message });
