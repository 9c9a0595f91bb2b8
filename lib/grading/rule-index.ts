/** Look-ups over the severity table, built once and checked for contradictions at load. */
import { OTHER_SERVICE_RULE, PENDING_RULE, SERVICE_RULES, type ServiceRule } from "./service-rules";

function buildIndexes(): { byName: Map<string, ServiceRule>; byId: Map<string, ServiceRule> } {
  const byName = new Map<string, ServiceRule>();
  const byId = new Map<string, ServiceRule>();
  for (const rule of [...SERVICE_RULES, OTHER_SERVICE_RULE, PENDING_RULE]) {
    // A name or id listed twice would make the grade depend on table order: refuse to load.
    if (byId.has(rule.id)) throw new Error(`Grading rule id "${rule.id}" is defined twice`);
    byId.set(rule.id, rule);
    for (const name of rule.names) {
      const other = byName.get(name);
      if (other) throw new Error(`Service name "${name}" is graded by both "${other.id}" and "${rule.id}"`);
      byName.set(name, rule);
    }
  }
  for (const rule of byId.values()) {
    if (rule.withTls !== undefined && !byId.has(rule.withTls)) {
      throw new Error(`Grading rule "${rule.id}" points to unknown TLS rule "${rule.withTls}"`);
    }
  }
  return { byName, byId };
}

const { byName, byId } = buildIndexes();

/** Service names compare case-insensitively (RFC 6335 §5.1); blank means "no name". */
export function normaliseServiceName(name: string | null | undefined): string | null {
  const trimmed = name?.trim().toLowerCase() ?? "";
  return trimmed === "" ? null : trimmed;
}

export function ruleForService(name: string): ServiceRule | undefined {
  return byName.get(name);
}

export function ruleById(id: string): ServiceRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown grading rule "${id}"`);
  return rule;
}

/** Family of a service name; a name without a rule is its own family. */
export function familyOfService(name: string): string {
  return byName.get(name)?.family ?? `service:${name}`;
}
