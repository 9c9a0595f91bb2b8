"use client";

import { useActionState, useEffect, useEffectEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type ServerAction<T> = (prev: ActionState<T>, input: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState plus a router refresh after each success, so the server components on the page (and
 * the shell's organisation switcher) show the change. Actions stay free of Next cache calls and can be
 * tested as plain functions. `navigateTo` moves on to another page first (after leaving, creating…).
 */
export function useRefreshingAction<T>(
  action: ServerAction<T>,
  options: { onSuccess?: (result: ActionResult<T>) => void; navigateTo?: string } = {},
) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, undefined);
  const succeeded = useEffectEvent((result: ActionResult<T>) => {
    options.onSuccess?.(result);
    if (options.navigateTo) router.push(options.navigateTo);
    router.refresh();
  });
  useEffect(() => {
    if (state?.success !== undefined) succeeded(state);
  }, [state]);
  return [state, formAction, pending] as const;
}
