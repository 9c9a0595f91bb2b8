/**
 * Environment for server processes: a clean minimum rather than the test runner's own, so that
 * nothing like proxy settings, NODE_OPTIONS or a developer's locale reaches the servers.
 */
export function serverEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin",
    LANG: "C.UTF-8",
    ...extra,
  };
  // Next.js' ambient types make NODE_ENV a required ProcessEnv key; servers must not get one.
  return env as NodeJS.ProcessEnv;
}
