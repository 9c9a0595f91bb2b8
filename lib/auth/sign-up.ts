import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { afterResponse } from "@/lib/background/after-response";
import { trialEndsAt } from "@/lib/organizations/trial";
import type { SignUpCarryingDomainInput as SignUpInput } from "@/lib/validation/security-test";
import { createUserToken } from "./create-user-token";
import { accountExistsMail } from "./emails/account-exists";
import { verifyEmailMail } from "./emails/verify-email";
import { hashPassword } from "./password-hash";
import { assertPasswordPolicy } from "./password-policy";
import { safeCallbackUrl } from "./safe-callback-url";
import { sendLinkMail } from "./send-link-mail";
import { assertSignUpAllowed } from "./sign-up-limits";
import { EMAIL_VERIFICATION_TTL_MS } from "./tokens";

export function defaultOrganizationName(name: string): string {
  return `${name}'s organisation`;
}

/**
 * A sign-up request. Its answer is the same whether or not the address already has an account, and
 * takes the same time: the limits and the password policy are checked and the password is hashed
 * first, for every request; whether the account exists is looked at only after the response (see
 * completeSignUp). The person continues from the mail: a confirmation link for a new address, a note
 * with the sign-in and reset links for an existing one.
 */
export async function signUp(input: SignUpInput, now = new Date(), ip = "unknown"): Promise<void> {
  await assertSignUpAllowed(ip, now);
  await recordAuditEvent({ action: "auth.sign_up", organizationId: null, ip, now });
  assertPasswordPolicy(input.password, { email: input.email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  await afterResponse("sign-up", () => completeSignUp(input, passwordHash, now));
}

/**
 * Creates the account, its organisation on a fresh trial (this person's one trial) and the owner
 * membership in one transaction, then mails the confirmation link; or, when the address has an account
 * already, mails its owner instead and creates nothing.
 */
export async function completeSignUp(
  input: SignUpInput,
  passwordHash: string,
  now: Date,
): Promise<"created" | "exists"> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
  if (existing) {
    await sendLinkMail(accountExistsMail({ to: input.email, name: existing.name }));
    return "exists";
  }
  let created: { token: string };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          trialStartedAt: now,
          firstAssetValue: input.firstAsset ?? null,
        },
        select: { id: true },
      });
      const organization = await tx.organization.create({
        data: {
          name: input.organizationName ?? defaultOrganizationName(input.name),
          plan: "TRIAL",
          trialEndsAt: trialEndsAt(now),
          memberships: { create: { userId: user.id, role: "OWNER" } },
        },
        select: { id: true },
      });
      await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: organization.id } });
      const token = await createUserToken(tx, {
        userId: user.id,
        purpose: "EMAIL_VERIFICATION",
        ttlMs: EMAIL_VERIFICATION_TTL_MS,
        now,
      });
      return { token };
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides; the other is the "exists" case.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await sendLinkMail(accountExistsMail({ to: input.email, name: null }));
      return "exists";
    }
    throw error;
  }
  const next = input.callbackUrl ? safeCallbackUrl(input.callbackUrl) : undefined;
  await sendLinkMail(
    verifyEmailMail({ to: input.email, name: input.name, token: created.token, ...(next ? { next } : {}) }),
  );
  return "created";
}
