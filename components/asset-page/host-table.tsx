import type { AssetHost, HostSource } from "@/lib/asset-page/asset-hosts";
import { LocalTime } from "@/components/ui/local-time";

const SOURCE: Record<HostSource, string> = {
  target: "The asset itself",
  www: "Discovered via www",
  mx: "Discovered via MX (mail)",
};

/** The addresses the asset resolved to, how each was found, and which answer on every port. */
export function HostTable({ hosts }: { hosts: AssetHost[] }) {
  if (hosts.length === 0)
    return <p className="text-sm text-slate-700">No hosts yet: they are resolved by the first scan.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Hosts of this asset</caption>
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-2 py-2">
              IP address
            </th>
            <th scope="col" className="px-2 py-2">
              Name
            </th>
            <th scope="col" className="px-2 py-2">
              Found as
            </th>
            <th scope="col" className="px-2 py-2 text-right">
              Open ports
            </th>
            <th scope="col" className="px-2 py-2">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {hosts.map((h) => (
            <tr key={h.id}>
              <td className="px-2 py-2 font-mono">
                {h.ip}
                {h.catchAll && (
                  <span
                    className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 font-sans text-xs font-medium text-slate-900"
                    title="Answers on every probed port (CDN edge or SYN proxy): reported once, its ports are not graded."
                  >
                    Catch-all
                  </span>
                )}
              </td>
              <td className="px-2 py-2 font-mono">{h.hostname}</td>
              <td className="px-2 py-2 text-slate-700">{SOURCE[h.source]}</td>
              <td className="px-2 py-2 text-right tabular-nums">{h.openPorts}</td>
              <td className="px-2 py-2 text-slate-700">
                <LocalTime value={h.lastSeenAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
