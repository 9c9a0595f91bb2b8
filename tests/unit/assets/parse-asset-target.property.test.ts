import fc from "fast-check";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { parseAssetTarget } from "@/lib/assets/parse-asset-target";

/** What the normaliser's rules accept, written independently of them: every domain it outputs matches. */
const NORMALIZED_DOMAIN_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;

const label = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,20}[A-Za-z0-9])?$/);
const unicodeLabel = fc.string({ unit: fc.constantFrom(..."abcdeéüßж中文テスト-09"), minLength: 1, maxLength: 12 });
const domainish = fc.oneof(
  fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[a-z]{2,10}$/))
    .map(([ls, tld]) => [...ls, tld].join(".")),
  fc.array(fc.oneof(label, unicodeLabel), { minLength: 1, maxLength: 5 }).map((ls) => ls.join(".")),
);
const anything = fc.oneof(
  domainish,
  domainish.map((d) => ` ${d.toUpperCase()}. `),
  fc.string({ maxLength: 80 }),
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
);

describe("asset target properties", () => {
  it("normalising is idempotent: a stored value parses to itself", () => {
    fc.assert(
      fc.property(anything, (raw) => {
        const once = parseAssetTarget(raw);
        if (!once.ok) return;
        const twice = parseAssetTarget(once.value.value);
        expect(twice).toEqual(once);
      }),
      { numRuns: 3000 },
    );
  });

  it("every accepted domain follows the rules; every accepted IP is canonical", () => {
    fc.assert(
      fc.property(anything, (raw) => {
        const r = parseAssetTarget(raw);
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(10);
          return;
        }
        const { kind, value } = r.value;
        if (kind === "DOMAIN") {
          expect(value).toMatch(NORMALIZED_DOMAIN_PATTERN);
          expect(value.length).toBeLessThanOrEqual(253);
          const labels = value.split(".");
          expect(labels.length).toBeGreaterThanOrEqual(2);
          for (const l of labels) {
            expect(l.length).toBeGreaterThanOrEqual(1);
            expect(l.length).toBeLessThanOrEqual(63);
          }
          expect(labels.at(-1)).not.toMatch(/^\d+$/);
        } else {
          expect(net.isIP(value)).not.toBe(0);
          expect(value).toBe(value.toLowerCase());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("any valid IPv4 address is kept exactly; any IPv6 address maps to one canonical form", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const first = Number(ip.split(".")[0]);
        fc.pre(ip !== "0.0.0.0" && ip !== "255.255.255.255" && !(first >= 224 && first <= 239));
        expect(parseAssetTarget(ip)).toEqual({ ok: true, value: { kind: "IP", value: ip } });
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const a = parseAssetTarget(ip);
        const b = parseAssetTarget(ip.toUpperCase());
        expect(b).toEqual(a);
      }),
      { numRuns: 3000 },
    );
  });
});
