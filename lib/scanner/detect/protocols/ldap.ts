/**
 * LDAP (RFC 4511): a rootDSE search (base "", scope base, filter (objectClass=*)) asking for the
 * vendor attributes. Any LDAPMessage answering our message ID, or a Notice of Disconnection
 * (message ID 0, extendedResp), identifies LDAP; vendorName/vendorVersion (RFC 3045) give the product,
 * and OpenLDAP, which publishes neither, marks its rootDSE with the object class `OpenLDAProotDSE`.
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";
import { field } from "../text";
import { berInteger, berOctetString, children, readTlv, tlv } from "./ber";

const MESSAGE_ID = 0x50;
const SEARCH_REQUEST = 0x63;
const SEARCH_RESULT_ENTRY = 0x64;
const SEARCH_RESULT_DONE = 0x65;
const EXTENDED_RESPONSE = 0x78;

export const ROOT_DSE_SEARCH = tlv(
  0x30,
  Buffer.concat([
    berInteger(MESSAGE_ID),
    tlv(
      SEARCH_REQUEST,
      Buffer.concat([
        berOctetString(""), // baseObject: the rootDSE
        tlv(0x0a, Buffer.from([0])), // scope: baseObject
        tlv(0x0a, Buffer.from([0])), // derefAliases: never
        berInteger(0), // sizeLimit
        berInteger(0), // timeLimit
        tlv(0x01, Buffer.from([0])), // typesOnly: false
        tlv(0x87, Buffer.from("objectClass", "latin1")), // filter: present
        tlv(
          0x30,
          Buffer.concat(["objectClass", "vendorName", "vendorVersion", "supportedLDAPVersion"].map(berOctetString)),
        ),
      ]),
    ),
  ]),
);

const STARTTLS_MESSAGE_ID = 0x51;
const EXTENDED_REQUEST = 0x77;
const STARTTLS_OID = "1.3.6.1.4.1.1466.20037";

/** RFC 4511 §4.14.1: ExtendedRequest with requestName [0] = the StartTLS OID. */
export const LDAP_STARTTLS_REQUEST = tlv(
  0x30,
  Buffer.concat([
    berInteger(STARTTLS_MESSAGE_ID),
    tlv(EXTENDED_REQUEST, tlv(0x80, Buffer.from(STARTTLS_OID, "latin1"))),
  ]),
);

/** The server accepted our StartTLS request: an ExtendedResponse to it with resultCode success (0). */
export function isLdapStartTlsSuccess(reply: Buffer): boolean {
  return (
    total(() => {
      const message = readTlv(new ByteReader(reply));
      if (message.tag !== 0x30) return false;
      const [id, op] = children(message.content, 3);
      if (
        !id ||
        !op ||
        id.tag !== 0x02 ||
        integerValue(id.content) !== STARTTLS_MESSAGE_ID ||
        op.tag !== EXTENDED_RESPONSE
      )
        return false;
      const [resultCode] = children(op.content, 8);
      return resultCode?.tag === 0x0a && integerValue(resultCode.content) === 0;
    }) ?? false
  );
}

function integerValue(content: Buffer): number {
  if (content.length === 0 || content.length > 4) return -1;
  return content.reduce((value, byte) => value * 256 + byte, 0);
}

/** Attribute name (lower case) → its values, from a SearchResultEntry. */
function entryAttributes(entry: Buffer): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  const [, list] = children(entry); // objectName, attributes
  if (!list) return attributes;
  for (const attribute of children(list.content)) {
    const [type, values] = children(attribute.content);
    if (!type || !values) continue;
    const texts = children(values.content, 32).map((value) => value.content.toString("utf8"));
    attributes.set(type.content.toString("latin1").toLowerCase(), texts);
  }
  return attributes;
}

function productOf(attributes: Map<string, string[]>): Pick<Recognition, "product" | "version"> {
  const vendor = attributes.get("vendorname")?.[0] ?? null;
  const version = attributes.get("vendorversion")?.[0] ?? null;
  if (vendor !== null) return { product: field(vendor), version: field(version) };
  const openldap = attributes.get("objectclass")?.some((value) => value.toLowerCase() === "openldaprootdse") ?? false;
  return { product: openldap ? "OpenLDAP" : null, version: null };
}

export const recogniseLdap: Recogniser = (reply) =>
  total(() => {
    const message = readTlv(new ByteReader(reply));
    if (message.tag !== 0x30) return null;
    const [id, op] = children(message.content, 3);
    if (!id || !op || id.tag !== 0x02) return null;
    const messageId = integerValue(id.content);
    const answersUs = messageId === MESSAGE_ID && (op.tag === SEARCH_RESULT_ENTRY || op.tag === SEARCH_RESULT_DONE);
    const disconnection = messageId === 0 && op.tag === EXTENDED_RESPONSE;
    if (!answersUs && !disconnection) return null;
    if (op.tag !== SEARCH_RESULT_ENTRY) return { protocol: "ldap", product: null, version: null };
    const attributes = total(() => entryAttributes(op.content)) ?? new Map<string, string[]>();
    return { protocol: "ldap", ...productOf(attributes) };
  });
