/**
 * Remediation guidance, written by us, per class of exposed service: what the exposure means, how to
 * close or restrict it, how to check that the fix worked. Pure data; `remediationFor` picks the entry.
 * "{host}", "{port}" and "{proto}" in `fix`/`verify` are filled in for a concrete finding.
 */
export type ServiceClass =
  | "database"
  | "cache"
  | "container-control"
  | "remote-desktop"
  | "smb"
  | "file-sharing"
  | "cleartext"
  | "remote-administration"
  | "mail-without-tls"
  | "mail-with-tls"
  | "dns-open-resolver"
  | "dns"
  | "udp-amplifier"
  | "industrial-control"
  | "network-edge"
  | "camera"
  | "encrypted-login"
  | "web-cleartext"
  | "web"
  | "unknown";

export interface Guidance {
  title: string;
  meaning: string;
  fix: readonly string[];
  verify: readonly string[];
}

/** From outside your network, the port must no longer answer. */
const VERIFY_CLOSED = [
  "From a machine outside your network (a phone hotspot works), run `nc -vz -w 5 {host} {port}` (TCP) or `nmap -Pn -s{proto} -p {port} {host}`: it must time out or be refused.",
  "Press \u201cScan now\u201d on the asset: the port disappears from the findings and the asset's grade is recomputed.",
];

export const GUIDANCE: Record<ServiceClass, Guidance> = {
  database: {
    title: "Database reachable from the internet",
    meaning:
      "Anyone on the internet can connect to this database and try passwords or exploit flaws that precede authentication. Databases that answer without a password hand out, alter or ransom their data to the first visitor; the others are targets of constant password guessing.",
    fix: [
      "Make the server listen only on private addresses: `bind-address = 127.0.0.1` (MySQL/MariaDB), `listen_addresses = 'localhost'` (PostgreSQL), `net.bindIp: 127.0.0.1` (MongoDB), `network.host: _local_` (Elasticsearch).",
      "Block {port}/{proto} at the firewall or cloud security group for every source except the application servers that need it; reach it from elsewhere through a VPN or SSH tunnel.",
      "Turn authentication on (`security.authorization: enabled` for MongoDB, `xpack.security.enabled: true` for Elasticsearch), rotate passwords, and check the data for signs of access.",
    ],
    verify: VERIFY_CLOSED,
  },
  cache: {
    title: "Cache or key-value store reachable from the internet",
    meaning:
      "Redis and Memcached answer without a password by default. Anyone can read or wipe the cached data, Redis can be turned into a remote shell on the host, and Memcached over UDP amplifies DDoS attacks tens of thousands of times.",
    fix: [
      "Bind to localhost or a private interface: `bind 127.0.0.1 -::1` and `protected-mode yes` (Redis); `-l 127.0.0.1 -U 0` (Memcached, which also turns UDP off).",
      "Block {port}/{proto} at the firewall for every source except the application servers.",
      "Set a password or ACL users (`requirepass`, `ACL SETUSER`) so a future firewall mistake does not expose data again.",
    ],
    verify: VERIFY_CLOSED,
  },
  "container-control": {
    title: "Container or cluster control plane reachable from the internet",
    meaning:
      "The Docker API, the kubelet and etcd control the machines they run on: whoever reaches them can start containers, read secrets or run commands, which amounts to root on the host or the whole cluster.",
    fix: [
      "Stop exposing the API on a network port: Docker should listen on its Unix socket only (remove `-H tcp://…` and `hosts` in daemon.json).",
      "If remote access is needed, require mutual TLS with client certificates (`--tlsverify`, kubelet `--client-ca-file` and `--anonymous-auth=false`, etcd `--client-cert-auth`) and allow only the control plane's addresses at the firewall.",
      "Treat the host as possibly compromised: look for unknown containers, pods or cron jobs and rotate the secrets it held.",
    ],
    verify: VERIFY_CLOSED,
  },
  "remote-desktop": {
    title: "Remote desktop reachable from the internet",
    meaning:
      "RDP, VNC and X11 hand over a whole screen and keyboard. Exposed remote desktops are the most common ransomware entry point: they are sprayed with passwords around the clock and hit by flaws that need no password at all (BlueKeep). VNC often has no or a weak password and sends everything unencrypted.",
    fix: [
      "Close {port}/{proto} to the internet at the firewall or security group.",
      "Offer remote desktops only through a VPN, an RD Gateway or a zero-trust access proxy with multi-factor authentication.",
      "Keep Network Level Authentication on for RDP, and lock accounts after repeated failed logins.",
    ],
    verify: VERIFY_CLOSED,
  },
  smb: {
    title: "Windows file sharing (SMB/NetBIOS/RPC) reachable from the internet",
    meaning:
      "SMB, NetBIOS and the Windows RPC endpoint mapper were never meant for the internet. They reveal host and domain names, are used for password attacks and were the way WannaCry and NotPetya spread (EternalBlue).",
    fix: [
      "Block TCP 135, 137–139 and 445 (and UDP 137–138) at the network edge; most ISPs and clouds recommend this by default.",
      "Share files with outside parties over HTTPS (SharePoint, Nextcloud, an SFTP server) or a VPN instead.",
      "Disable SMBv1 (`Set-SmbServerConfiguration -EnableSMB1Protocol $false`) and keep Windows patched.",
    ],
    verify: VERIFY_CLOSED,
  },
  "file-sharing": {
    title: "File service reachable from the internet",
    meaning:
      "NFS, rsync, TFTP and the RPC portmapper trust the client's claimed address or ask for no password at all, so their files (often backups or device configurations) can be read or overwritten by anyone; the portmapper also lists internal services and amplifies UDP attacks.",
    fix: [
      "Block {port}/{proto} at the firewall; export NFS shares and rsync modules only to named private addresses (`/etc/exports`, `hosts allow` in rsyncd.conf).",
      "Move file transfers with outside parties to SFTP or HTTPS with per-user accounts.",
      "Stop the service where it is not needed (`systemctl disable --now rpcbind tftpd-hpa rsync`).",
    ],
    verify: VERIFY_CLOSED,
  },
  cleartext: {
    title: "Cleartext login or data protocol reachable from the internet",
    meaning:
      "Telnet, FTP, r-services, LDAP, SNMP and MQTT without TLS send passwords and data in cleartext, so anyone on the path can read them. Exposed Telnet is the main infection route of IoT botnets, anonymous FTP and LDAP often leak files and user lists, and default SNMP communities reveal or change device settings.",
    fix: [
      "Turn the cleartext service off: replace Telnet and r-services with SSH, FTP with SFTP, LDAP with LDAPS (636) or StartTLS-only, MQTT with MQTT over TLS (8883).",
      "Where the device cannot do better, block {port}/{proto} at the firewall and reach it through a VPN or management network.",
      "Disable anonymous access (FTP `anonymous_enable=NO`, LDAP anonymous binds), change default SNMP communities or move to SNMPv3, and rotate every password that has crossed the wire.",
    ],
    verify: VERIFY_CLOSED,
  },
  "remote-administration": {
    title: "Remote administration login reachable from the internet",
    meaning:
      "SSH, WinRM, Telnet over TLS and IPMI/BMC consoles are encrypted or authenticated, but they are a constant target of password guessing, and a single weak account gives a shell. IPMI also leaks password hashes by design.",
    fix: [
      "Allow {port}/{proto} only from your office, VPN or bastion addresses at the firewall.",
      "For SSH: `PasswordAuthentication no` and `PermitRootLogin no` in sshd_config, keys only, and fail2ban or equivalent rate limiting.",
      "Put IPMI/BMC and WinRM on a management network that is not routed to the internet.",
    ],
    verify: [
      "From an address that is not on your allow list, `nc -vz -w 5 {host} {port}` must time out; from an allowed one it still connects.",
      "For SSH, `ssh -o PreferredAuthentications=password -o PubkeyAuthentication=no {host}` must answer \u201cPermission denied (publickey)\u201d without offering a password prompt.",
      "Press \u201cScan now\u201d on the asset to recompute the grade.",
    ],
  },
  "mail-without-tls": {
    title: "Mail service without TLS",
    meaning:
      "SMTP, submission, POP3 or IMAP on this port do not offer encryption, so mail passwords and messages travel in cleartext and can be read or changed by anyone on the path.",
    fix: [
      "Enable STARTTLS with a valid certificate (Postfix `smtpd_tls_security_level = may` with `smtpd_tls_cert_file`/`key_file`; Dovecot `ssl = required`).",
      "For mail clients, offer only the TLS ports (465 submissions, 993 IMAPS, 995 POP3S) and close 110, 143 and 587 without STARTTLS.",
      "Refuse password logins before TLS (`smtpd_tls_auth_only = yes`, Dovecot `disable_plaintext_auth = yes`).",
    ],
    verify: [
      "`openssl s_client -connect {host}:{port} -starttls smtp` (or `imap`, `pop3`) completes a TLS handshake and shows your certificate.",
      "Press \u201cScan now\u201d on the asset: the finding shows TLS details and a lower severity.",
    ],
  },
  "mail-with-tls": {
    title: "Encrypted mail login",
    meaning:
      "A mail service protected by TLS. It is expected for a mail provider, but every password login on the internet attracts password spraying.",
    fix: [
      "Require strong passwords or app passwords with multi-factor authentication for mail accounts.",
      "Rate-limit failed logins (fail2ban, Dovecot `auth_failure_delay`) and keep the TLS certificate renewed.",
      "If nobody reads mail on this host, close {port}/{proto}.",
    ],
    verify: [
      "`openssl s_client -connect {host}:{port}` shows a certificate that is valid and not self-signed.",
      "Press \u201cScan now\u201d on the asset to confirm the TLS details.",
    ],
  },
  "dns-open-resolver": {
    title: "Open DNS resolver",
    meaning:
      "This DNS server resolves names for anyone on the internet. Attackers use open resolvers to amplify DDoS attacks (a small spoofed query returns a large answer to the victim) and to attempt cache poisoning.",
    fix: [
      "Limit recursion to your own networks: BIND `allow-recursion { 127.0.0.1; 10.0.0.0/8; };` (or `recursion no;` on an authoritative server), Unbound `access-control: 0.0.0.0/0 refuse` plus your networks `allow`, dnsmasq `--local-service`.",
      "If the server only hosts your zones, make it authoritative-only and run recursion on a separate internal resolver.",
      "Block {port}/udp and {port}/tcp from the internet if the server is not meant to be public at all.",
    ],
    verify: [
      "From outside your network, `dig @{host} example.com A +recurse` must return REFUSED (or no answer), and the reply must not have the `ra` flag.",
      "Press \u201cScan now\u201d on the asset: the finding becomes an informational DNS service.",
    ],
  },
  dns: {
    title: "DNS server",
    meaning:
      "An authoritative name server that does not resolve names for outsiders. It is a required public service when it hosts your zones.",
    fix: [
      "Nothing to close if it serves your zones. Keep the software patched and refuse zone transfers to strangers (`allow-transfer { none; };`).",
      "If it is not meant to be public, block {port}/{proto} at the firewall.",
    ],
    verify: [
      "`dig @{host} example.com A +recurse` from outside returns REFUSED or no `ra` flag; `dig @{host} yourdomain AXFR` is refused.",
    ],
  },
  "udp-amplifier": {
    title: "UDP service that amplifies DDoS attacks",
    meaning:
      "NTP, SSDP/UPnP, WS-Discovery, multicast DNS, CharGEN, QOTD and RIP answer a small spoofed request with a much larger reply. Attackers use such servers to flood third parties, which gets your address blocklisted; UPnP can also open firewall ports.",
    fix: [
      "Block {port}/udp from the internet at the edge; these are local-network or obsolete protocols.",
      "Turn the service off on the device (UPnP on routers, CharGEN/QOTD in inetd) or restrict it: NTP `restrict default kod nomodify notrap nopeer noquery` and no `monlist`.",
    ],
    verify: [
      "From outside, `nmap -Pn -sU -p {port} {host}` reports the port closed or open|filtered, never open.",
      "Press \u201cScan now\u201d with UDP scanning enabled: the finding disappears.",
    ],
  },
  "industrial-control": {
    title: "Industrial control protocol reachable from the internet",
    meaning:
      "Modbus, S7, BACnet, DNP3 and EtherNet/IP have no authentication: anyone who reaches the port can read and change the state of the physical equipment behind it.",
    fix: [
      "Disconnect the device from the internet now: block {port}/{proto} at the firewall.",
      "Reach control systems only through a dedicated, segmented OT network with a VPN and multi-factor authentication (IEC 62443 zones and conduits).",
      "Review the device's logs and configuration for changes, and report the exposure to your OT security contact.",
    ],
    verify: VERIFY_CLOSED,
  },
  "network-edge": {
    title: "Network edge service",
    meaning:
      "BGP, PPTP and SOCKS belong to routers, legacy VPNs and proxies. PPTP's authentication has been broken since 2012, an open SOCKS proxy lets others relay attacks through your address, and a BGP port should accept only its configured peers.",
    fix: [
      "Replace PPTP with WireGuard, IPsec/IKEv2 or OpenVPN.",
      "Require authentication on proxies and allow only your own clients; allow BGP sessions only from configured peer addresses (infrastructure ACLs, TTL security).",
      "If the service is not needed, close {port}/{proto}.",
    ],
    verify: VERIFY_CLOSED,
  },
  camera: {
    title: "Video stream (RTSP) reachable from the internet",
    meaning:
      "RTSP is typical of IP cameras and recorders, which often keep default passwords and unpatched firmware; a stream can show your premises to anyone.",
    fix: [
      "Block {port}/{proto} at the firewall and view cameras through a VPN or the vendor's authenticated cloud service.",
      "Change default passwords and update the firmware.",
    ],
    verify: VERIFY_CLOSED,
  },
  "encrypted-login": {
    title: "Encrypted service that should rarely face the internet",
    meaning:
      "FTPS, LDAPS, MQTT over TLS and AMQP brokers encrypt their traffic, but they expose password logins and internal plumbing (directories, message queues) that outsiders rarely need; default accounts such as RabbitMQ's guest are common.",
    fix: [
      "Allow {port}/{proto} only from the partners or services that need it.",
      "Disable default and anonymous accounts, and prefer SFTP or HTTPS for file exchange.",
    ],
    verify: [
      "From an address that is not allowed, `nc -vz -w 5 {host} {port}` must time out.",
      "Press \u201cScan now\u201d on the asset to recompute the grade.",
    ],
  },
  "web-cleartext": {
    title: "Web server without HTTPS",
    meaning: "Pages, cookies and form data on this port travel in cleartext and can be read or altered in transit.",
    fix: [
      "Serve the site over HTTPS with a certificate from an ACME authority such as Let's Encrypt.",
      "Make plain HTTP answer only with a permanent redirect (301/308) to the https:// URL, and send `Strict-Transport-Security`.",
      "If the port serves an admin panel or test site, close it or restrict it to known addresses.",
    ],
    verify: [
      "`curl -sI http://{host}:{port}/` answers `301` or `308` with a `Location: https://…` header.",
      "Press \u201cScan now\u201d: the finding becomes an informational HTTP redirect.",
    ],
  },
  web: {
    title: "Web service",
    meaning:
      "An encrypted web service or a redirect to one: what a public site is supposed to expose. It is informational and deducts nothing unless its TLS is weak.",
    fix: [
      "Keep the certificate valid and issued by a trusted authority (not self-signed), and offer TLS 1.2 or 1.3 only.",
      "Make sure only intended sites are served here; admin panels belong behind authentication or a VPN.",
    ],
    verify: [
      "`openssl s_client -connect {host}:{port} -tls1_2` completes with a valid certificate chain; `-tls1_1` is refused.",
    ],
  },
  unknown: {
    title: "Unidentified service",
    meaning:
      "Something answers on this port but Portwatch could not identify it yet (or knows no specific risk for it). An unknown service is not a harmless one: forgotten test servers, vendor appliances and backdoors all look like this.",
    fix: [
      "Find out what listens: on the host, `ss -ltnup | grep :{port}` (Linux) or `Get-NetTCPConnection -LocalPort {port}` (Windows) names the process.",
      "If nobody needs it from the internet, stop the service or block {port}/{proto} at the firewall; otherwise restrict it to known addresses and put it behind TLS and authentication.",
      "Record what it is in the asset's label or your inventory so the next review is quicker.",
    ],
    verify: VERIFY_CLOSED,
  },
};
