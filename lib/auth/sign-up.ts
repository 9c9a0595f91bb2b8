import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { trialEndsAt } from "@/lib/organizations/trial";
import type { SignUpInput } from "@/lib/validation/auth";
import { createUserToken } from "./create-user-token";
import { verifyEmailMail } from "./emails/verify-email";
import { hashPassword } from "./password-hash";
import { assertPasswordPolicy } from "./password-policy";
import { assertSignUpAllowed } from "./sign-up-limits";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sendLinkMail } from "./send-link-mail";
import { EMAIL_VERIFICATION_TTL_MS } from "./tokens";

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in or reset your password.";

const duplicateEmail = () => new AppError("conflict", DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });

export interface SignUpResult {
  userId: string;
  organizationId: string;
  /** False when the account exists but the verification mail could not be sent (the user can resend). */
  verificationMailSent: boolean;
}

export function defaultOrganizationName(name: string): string {
  return `${name}'s organisation`;
}

/**
 * Creates the account, its organisation on a fresh trial and the owner membership in one
 * transaction, then mails the verification link once that has committed. `input` comes from
 * signUpSchema (email normalised, password length checked).
 */
export async function signUp(input: SignUpInput, now = new Date(), ip = "unknown"): Promise<SignUpResult> {
  await assertSignUpAllowed(ip, now);
  await recordAuditEvent({ action: "auth.sign_up", organizationId: null, ip, now });
  assertPasswordPolicy(input.password, { email: input.email, name: input.name });
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw duplicateEmail();
  const passwordHash = await hashPassword(input.password);

  let created: { userId: string; organizationId: string; token: string };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        // The organisation below is this person's one free trial (lib/organizations/create-organization.ts).
        data: { email: input.email, name: input.name, passwordHash, trialStartedAt: now },
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
      const token = await createUserToken(tx, { userId: user.id, purpose: "EMAIL_VERIFICATION", ttlMs: EMAIL_VERIFICATION_TTL_MS, now });
      return { userId: user.id, organizationId: organization.id, token };
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides, the loser hears why.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateEmail();
    throw error;
  }

  let verificationMailSent = true;
  try {
    await sendLinkMail(verifyEmailMail({ to: input.email, name: input.name, token: created.token }));
  } catch {
    // The account exists either way; the banner offers to send the link again.
    verificationMailSent = false;
  }
  return { userId: created.userId, organizationId: created.organizationId, verificationMailSent };
}
