/**
 * Well-established alternates: ports where something other than IANA's registration is what runs
 * today, each with the reason. The service names are the scanner's vocabulary (IANA names, plus the
 * few extensions of detect/service-names.ts and the grading method's names), so that a port's typical
 * and detected services compare directly and the grading method knows them. docs/typical-services.md
 * reproduces this table.
 */
import type { Protocol } from "../types";

export interface Alternate {
  port: number;
  protocol: Protocol;
  service: string;
  reason: string;
}

const tcp = (port: number, service: string, reason: string): Alternate => ({ port, protocol: "tcp", service, reason });
const udp = (port: number, service: string, reason: string): Alternate => ({ port, protocol: "udp", service, reason });

const HTTP_DEV = "development and application servers";

export const ALTERNATES: readonly Alternate[] = [
  // Mail
  tcp(
    2525,
    "submission",
    "SMTP submission relay: mail providers (Mailgun, SendGrid, Postmark, SparkPost) offer 2525 where ISPs block 25 and 587",
  ),
  // HTTP alternates
  tcp(81, "http-alt", "unassigned; the most common HTTP port after 80 and 8080 on routers, cameras and NAS devices"),
  tcp(8000, "http-alt", `HTTP of ${HTTP_DEV} (Django, Python's http.server, Splunk web, cameras)`),
  tcp(8001, "http-alt", `HTTP of ${HTTP_DEV} and Kubernetes' kubectl proxy`),
  tcp(
    8081,
    "http-alt",
    "second HTTP port of proxies and application servers (Nexus, McAfee ePO agents, Jenkins agents)",
  ),
  tcp(8082, "http-alt", `HTTP of ${HTTP_DEV}`),
  tcp(8083, "http-alt", `HTTP of ${HTTP_DEV} (InfluxDB admin, Vesta panel)`),
  tcp(8088, "http-alt", "HTTP of Hadoop YARN, InfluxDB and many appliances"),
  tcp(8090, "http-alt", "Atlassian Confluence and other web applications"),
  tcp(8180, "http-alt", "Apache Tomcat's alternate HTTP connector"),
  tcp(8181, "http-alt", "HTTP of GlassFish, Payara and appliances"),
  tcp(8888, "http-alt", "HTTP of Jupyter notebooks, proxies and admin panels"),
  tcp(8880, "http-alt", "HTTP of IBM WebSphere administration and Plesk"),
  tcp(3000, "http-alt", "Grafana and Node.js/Ruby development servers"),
  tcp(5000, "http-alt", "HTTP of Flask, the Docker registry and Synology DSM"),
  tcp(7001, "http-alt", "Oracle WebLogic Server's HTTP listener"),
  tcp(8010, "http-alt", "HTTP of build servers (Buildbot) and appliances"),
  tcp(8069, "http-alt", "Odoo ERP web interface"),
  tcp(8161, "http-alt", "Apache ActiveMQ web console"),
  tcp(8500, "http-alt", "HashiCorp Consul HTTP API"),
  tcp(8983, "http-alt", "Apache Solr"),
  tcp(9000, "http-alt", "HTTP of Portainer, SonarQube, MinIO and PHP-FPM front ends"),
  tcp(9080, "http-alt", "IBM WebSphere HTTP transport"),
  tcp(9090, "http-alt", "Prometheus and other monitoring web interfaces"),
  tcp(9091, "http-alt", "Transmission web interface and Openfire administration"),
  tcp(4040, "http-alt", "Apache Spark application UI"),
  tcp(5601, "http-alt", "Kibana (Elasticsearch's web interface)"),
  tcp(6080, "http-alt", "noVNC web client of VNC servers"),
  tcp(15672, "http-alt", "RabbitMQ management interface"),
  tcp(18080, "http-alt", "HTTP of application servers"),
  tcp(2082, "http-alt", "cPanel (plain HTTP)"),
  tcp(2086, "http-alt", "WHM, cPanel's server administration (plain HTTP)"),
  tcp(2095, "http-alt", "cPanel webmail (plain HTTP)"),
  tcp(3128, "http-proxy", "Squid and other HTTP proxies"),
  // HTTPS alternates
  tcp(8443, "https", "the most common HTTPS port after 443 (application servers, admin panels, VPN portals)"),
  tcp(9443, "https", "HTTPS of application servers (WSO2, Portainer, VMware)"),
  tcp(4443, "https", "HTTPS of admin panels and VPN portals"),
  tcp(7443, "https", "HTTPS of application servers and controllers (UniFi, Oracle)"),
  tcp(8444, "https", "HTTPS of application servers"),
  tcp(10443, "https", "HTTPS of firewalls and VPN portals (FortiGate SSL VPN)"),
  tcp(5001, "https", "Synology DSM over HTTPS"),
  tcp(7002, "https", "Oracle WebLogic Server's HTTPS listener"),
  tcp(8089, "https", "Splunk management API (HTTPS)"),
  tcp(2083, "https", "cPanel over HTTPS"),
  tcp(2087, "https", "WHM over HTTPS"),
  tcp(2096, "https", "cPanel webmail over HTTPS"),
  tcp(6443, "https", "Kubernetes API server"),
  tcp(10000, "https", "Webmin administration (HTTPS by default)"),
  // Remote access
  tcp(2222, "ssh", "the most common alternate SSH port (EtherNet/IP's registration is used on 44818 instead)"),
  tcp(222, "ssh", "alternate SSH port; rsh-spx is long gone"),
  tcp(8022, "ssh", "alternate SSH port"),
  tcp(10022, "ssh", "alternate SSH port"),
  tcp(2121, "ftp", "the most common alternate FTP port"),
  tcp(5800, "vnc-http", "VNC's built-in web viewer (display :0)"),
  tcp(5901, "rfb", "VNC display :1"),
  tcp(5902, "rfb", "VNC display :2"),
  tcp(5903, "rfb", "VNC display :3"),
  // Databases and caches
  tcp(5433, "postgresql", "a second PostgreSQL cluster (Debian's pg_createcluster takes the next port)"),
  tcp(6380, "redis", "a second Redis instance"),
  tcp(27018, "mongodb", "MongoDB shard servers"),
  tcp(27019, "mongodb", "MongoDB config servers"),
  tcp(1521, "oracle", "Oracle Database TNS listener"),
  tcp(50000, "db2", "IBM Db2's default instance port"),
  tcp(9042, "cassandra", "Apache Cassandra CQL"),
  tcp(9200, "elasticsearch", "Elasticsearch and OpenSearch REST API"),
  tcp(9300, "elasticsearch", "Elasticsearch transport (node-to-node) protocol"),
  tcp(2181, "zookeeper", "Apache ZooKeeper client port"),
  tcp(9092, "kafka", "Apache Kafka broker"),
  tcp(8009, "ajp13", "Apache JServ Protocol of Tomcat (the Ghostcat target); NVMe discovery is not seen exposed"),
  // Container and cluster control planes
  tcp(10250, "kubelet", "Kubernetes kubelet API"),
  tcp(10255, "kubelet", "Kubernetes kubelet read-only API"),
  // Network equipment
  tcp(8291, "winbox", "MikroTik RouterOS Winbox management"),
  tcp(902, "vmware-auth", "VMware ESXi authentication daemon"),
  // UDP
  udp(51820, "wireguard", "WireGuard VPN's default port"),
  udp(10001, "ubiquiti-discovery", "Ubiquiti device discovery (a DDoS amplifier Shadowserver tracks)"),
];

const BY_KEY = new Map(ALTERNATES.map((alternate) => [`${alternate.port}/${alternate.protocol}`, alternate] as const));

export function alternateFor(port: number, protocol: Protocol): Alternate | undefined {
  return BY_KEY.get(`${port}/${protocol}`);
}
