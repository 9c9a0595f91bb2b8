/** Why the user cannot add assets right now, in words that say what to do; null when they can. */
export function addBlockedReason(emailVerified: boolean, planActive: boolean): string | null {
  if (!emailVerified) return "Confirm your email address to add assets (see the banner above).";
  if (!planActive)
    return "Your free trial has ended: adding assets is paused. Your existing assets and history are kept.";
  return null;
}
