/** The signed-in user as every wrapper sees it (loaded fresh from the database on each request). */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  activeOrganizationId: string | null;
}
