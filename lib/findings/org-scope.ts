/** The organisation a findings query is scoped to; a membership-checked organisation context satisfies it. */
export interface OrgScope {
  readonly organizationId: string;
}
