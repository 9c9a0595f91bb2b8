/** Plain mail text with every http(s) URL turned into a link; everything else stays escaped text. */
const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="font-sans text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-blue-700 underline hover:text-blue-900">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
