"use client";

import "altcha/types/react";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";

type StartAction = (prev: ActionState, input: FormData) => Promise<ActionResult>;

type AltchaElement = HTMLElement & { reset: () => void; verify: () => Promise<unknown>; getState?: () => string };

/**
 * The security test's form: the domain and ALTCHA's proof of work, which starts by itself as soon as the
 * widget has loaded (a visitor may type before it has) and runs in the browser's workers. A refused attempt gets a fresh challenge (each is
 * spent once), and the typed domain stays.
 */
export function SecurityTestForm({ action, initialDomain }: { action: StartAction; initialDomain: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const [domain, setDomain] = useState(initialDomain);
  const [verified, setVerified] = useState(false);
  const widget = useRef<AltchaElement>(null);
  const errors = fieldErrorsOf(state);

  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    const sync = () => setVerified(element.getState?.() === "verified");
    element.addEventListener("statechange", sync);
    // The widget registers itself as a custom element, in the browser only; it may have changed state
    // before this listener existed, so its state is read once it is defined.
    void import("altcha").then(() => customElements.whenDefined("altcha-widget")).then(sync);
    return () => element.removeEventListener("statechange", sync);
  }, []);

  useEffect(() => {
    // Any answer other than "the domain is wrong" spent the challenge: solve a new one (the widget's
    // statechange then locks the button until it is solved).
    if (state?.error !== undefined && !errors.domain && widget.current) {
      widget.current.reset();
      void widget.current.verify();
    }
  }, [state, errors.domain]);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        label="Your domain"
        name="domain"
        value={domain}
        onValueChange={setDomain}
        errors={errors.domain}
        hint="The domain of your website, like example.com."
        placeholder="example.com"
        autoComplete="url"
        spellCheck={false}
        inputMode="url"
        required
      />
      <altcha-widget
        ref={widget}
        challenge="/api/security-test/challenge"
        auto="onload"
        name="altcha"
        suppressHydrationWarning
      />
      {state?.error !== undefined && !errors.domain && <FormStatus state={state} />}
      <SubmitButton pending={pending} pendingLabel="Starting the test…" disabled={!verified}>
        Test my domain
      </SubmitButton>
      {!verified && (
        <p className="text-sm text-slate-600" aria-live="polite">
          A short check runs in your browser first (no puzzle to solve); the button unlocks when it is done.
        </p>
      )}
    </form>
  );
}
