const ROWS = [
  { port: "443/tcp", typical: "https", detected: "https", note: "As expected" },
  { port: "8080/tcp", typical: "http", detected: "ssh", note: "Unexpected service: SSH on a web port" },
  { port: "6379/tcp", typical: "redis", detected: "redis", note: "As expected, but a database cache open to everyone" },
  {
    port: "49999/tcp",
    typical: "—",
    detected: "Pending classification",
    note: "Nothing registered, nothing identified yet",
  },
];

/** An illustration of the two answers Portwatch gives for each port (made-up ports, no real scan). */
export function ServiceExample() {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label="Example of open ports"
    >
      <table className="w-full min-w-[34rem] text-left text-sm">
        <caption className="px-4 pt-3 text-left text-xs text-slate-600">
          An example of what you see for each port
        </caption>
        <thead className="text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Port
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Typical service
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Detected service
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              What it tells you
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ROWS.map((row) => (
            <tr key={row.port}>
              <td className="px-4 py-2 font-mono">{row.port}</td>
              <td className="px-4 py-2">{row.typical}</td>
              <td className="px-4 py-2">{row.detected}</td>
              <td className="px-4 py-2 text-slate-600">{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
