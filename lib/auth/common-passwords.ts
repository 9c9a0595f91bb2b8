import { dictionary } from "@zxcvbn-ts/language-common";

let list: ReadonlySet<string> | undefined;

/**
 * The ~49,000 most common passwords from public breach corpora, as bundled by zxcvbn-ts (the list
 * its strength estimator ranks against). Lowercased, so "Password" matches "password".
 */
export function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return list;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
