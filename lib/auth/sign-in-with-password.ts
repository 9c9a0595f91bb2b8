import { CredentialsSignin } from "next-auth";
import { AppError } from "@/lib/errors";
import { INVALID_CREDENTIALS_MESSAGE } from "./authenticate";
import { SignInRefused, signIn } from "./config";

/**
 * Signs in through Auth.js (which sets the session cookie) from a server action, turning its refusals
 * back into the AppError that explains them: wrong credentials, or the rate limit with its wait time.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInRefused) throw error.reason;
    if (error instanceof CredentialsSignin) throw new AppError("unauthenticated", INVALID_CREDENTIALS_MESSAGE);
    throw error;
  }
}
