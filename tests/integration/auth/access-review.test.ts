import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { removeMemberAction } from "@/app/(app)/settings/members/actions";
import { hashToken } from "@/lib/auth/tokens";
import { listAccessGrantedWhileUnverified } from "@/lib/organizations/access-granted-while-unverified";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, linkToken, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

const smtp = smtpServerForFile();
const NEW_PASSWORD = "marmalade-glacier-81-otter";

describe("taking back an account someone signed up for with your address", () => {
  it("a reset that confirms the address leads to the people the squatter let in, and removes them", async () => {
    // The squatter signed up as real.owner@ (never confirmed) and, before invitations needed a confirmed
    // address, invited an accomplice as owner, who accepted.
    const squatted = await createUser("real.owner@example.test");
    const org = await db.organization.create({
      data: {
        name: "Real Owner's organisation",
        plan: "TRIAL",
        memberships: { create: { userId: squatted.id, role: "OWNER" } },
      },
    });
    const accomplice = await createUser("accomplice@example.test", { verified: true });
    await db.invitation.create({
      data: {
        organizationId: org.id,
        email: accomplice.email,
        role: "OWNER",
        tokenHash: hashToken("x".repeat(43)),
        expiresAt: new Date(Date.now() + 86_400_000),
        acceptedAt: new Date(),
        invitedById: squatted.id,
      },
    });
    const planted = await db.membership.create({
      data: { organizationId: org.id, userId: accomplice.id, role: "OWNER" },
    });

    // The real owner resets the password from their inbox.
    actAs(newBrowser("127.0.9.1"));
    await requestPasswordResetAction(undefined, form({ email: "real.owner@example.test" }));
    await expect
      .poll(() => smtp.current.messages.filter((m) => m.to.includes("real.owner@example.test")).length)
      .toBe(1);
    const token = linkToken(
      smtp.current.messages.find((m) => m.to.includes("real.owner@example.test"))!.text,
      "/reset-password",
    );
    expect(
      await redirectOf(() =>
        resetPasswordAction(undefined, form({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
      ),
    ).toBe("/settings/access-review");

    const listed = await listAccessGrantedWhileUnverified(squatted.id);
    expect(listed).toEqual([
      expect.objectContaining({
        membershipId: planted.id,
        email: "accomplice@example.test",
        role: "OWNER",
        removable: true,
      }),
    ]);

    // Removing works even though the accomplice is an owner too (there is another owner left).
    expect(await removeMemberAction(undefined, form({ organizationId: org.id, membershipId: planted.id }))).toEqual({
      success: "Member removed.",
    });
    expect(await db.membership.count({ where: { organizationId: org.id, userId: accomplice.id } })).toBe(0);
    expect(await listAccessGrantedWhileUnverified(squatted.id)).toEqual([]);
  });

  it("a reset of an already confirmed account, or one that invited nobody, goes straight to the app", async () => {
    await createUser("plain@example.test");
    actAs(newBrowser("127.0.9.2"));
    await requestPasswordResetAction(undefined, form({ email: "plain@example.test" }));
    await expect.poll(() => smtp.current.messages.filter((m) => m.to.includes("plain@example.test")).length).toBe(1);
    const token = linkToken(
      smtp.current.messages.find((m) => m.to.includes("plain@example.test"))!.text,
      "/reset-password",
    );
    expect(
      await redirectOf(() =>
        resetPasswordAction(undefined, form({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
      ),
    ).toBe("/dashboard");
  });
});
