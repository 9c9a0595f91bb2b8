import { orgGradeChanged } from "@/inngest/events";
import type { OrganizationRegrade } from "./regrade-organization";

/** The `org/grade.changed` event for a regrade that moved the organization's letter or score. */
export function orgGradeChangedEvent(organizationId: string, cause: string, regrade: OrganizationRegrade) {
  return orgGradeChanged.create({
    organizationId,
    previous: regrade.previous,
    current: regrade.current,
    methodVersion: regrade.methodVersion,
    cause,
    snapshotId: regrade.snapshotId,
  });
}
