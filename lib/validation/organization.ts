import { z } from "zod";
import { PLAIN_TEXT, plainTextMessage } from "./plain-text";

export const ORGANIZATION_NAME_MAX_LENGTH = 100;

/** Organisation and membership input, shared by forms, server actions and the REST API. */
export const organizationNameSchema = z
  .string({ error: "Enter a name for the organisation." })
  .trim()
  .min(1, "Enter a name for the organisation.")
  .max(ORGANIZATION_NAME_MAX_LENGTH, `An organisation name can be at most ${ORGANIZATION_NAME_MAX_LENGTH} characters.`)
  .regex(PLAIN_TEXT, plainTextMessage("An organisation name"));

export const roleSchema = z.enum(["OWNER", "ADMIN", "VIEWER"], { error: "Choose owner, admin or viewer." });

const idSchema = (what: string) =>
  z
    .string({ error: `Choose ${what}.` })
    .trim()
    .min(1, `Choose ${what}.`)
    .max(64, `That ${what} id is not valid.`);

export const renameOrganizationSchema = z.object({ name: organizationNameSchema });
export const createOrganizationSchema = z.object({ name: organizationNameSchema });
export const switchOrganizationSchema = z.object({ organizationId: idSchema("an organisation") });

export const changeRoleSchema = z.object({ membershipId: idSchema("a member"), role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: idSchema("a member") });
export const leaveOrganizationSchema = z.object({});

export const inviteMemberSchema = z.object({
  email: z
    .string({ error: "Enter an e-mail address." })
    .trim()
    .toLowerCase()
    .pipe(
      z
        .email({ error: "Enter a valid e-mail address, like alice@example.com." })
        .max(254, "That e-mail address is too long."),
    ),
  role: roleSchema,
});
export const revokeInvitationSchema = z.object({ invitationId: idSchema("an invitation") });
export const acceptInvitationSchema = z.object({
  token: z
    .string({ error: "The invitation link is incomplete." })
    .trim()
    .min(1, "The invitation link is incomplete.")
    .max(200, "The invitation link is not valid."),
});
