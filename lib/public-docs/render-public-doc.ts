import fs from "node:fs";
import path from "node:path";
import { Marked, Renderer, type Tokens } from "marked";
import { gfmHeadingId } from "marked-gfm-heading-id";

/**
 * The documents of `docs/` published on the site, by the slug of their page (/docs/<slug>). The grading
 * method is public so anyone can check a grade by hand; typical-services.md is what it links to.
 */
export const PUBLIC_DOCS = {
  grading: { file: "grading.md", title: "How Portwatch grades open ports" },
  "typical-services": { file: "typical-services.md", title: "Typical services" },
} as const;

export type PublicDocSlug = keyof typeof PUBLIC_DOCS;

export function isPublicDocSlug(slug: string): slug is PublicDocSlug {
  return Object.hasOwn(PUBLIC_DOCS, slug);
}

const SLUG_OF_FILE = new Map<string, string>(Object.entries(PUBLIC_DOCS).map(([slug, doc]) => [doc.file, slug]));

/** A link between published documents ("typical-services.md#x") points at its page; others stay as written. */
export function publicDocHref(href: string): string {
  const match = /^([a-z0-9-]+\.md)(#.*)?$/i.exec(href);
  const slug = match ? SLUG_OF_FILE.get(match[1]!) : undefined;
  return slug ? `/docs/${slug}${match![2] ?? ""}` : href;
}

function markdownRenderer(): Marked {
  const marked = new Marked({ gfm: true, async: false });
  marked.use(gfmHeadingId());
  marked.use({
    walkTokens(token) {
      if (token.type === "link") (token as Tokens.Link).href = publicDocHref((token as Tokens.Link).href);
    },
    renderer: {
      // Wide tables scroll inside their own box on a phone instead of widening the page.
      table(token) {
        return `<div class="doc-table" tabindex="0">${Renderer.prototype.table.call(this, token)}</div>`;
      },
    },
  });
  return marked;
}

const rendered = new Map<PublicDocSlug, string>();

/**
 * The HTML of a published document: our own Markdown from the repository (trusted, so not sanitised),
 * rendered once per server process and kept (the server runs from the repository, docs/ included).
 */
export function renderPublicDoc(slug: PublicDocSlug): string {
  let html = rendered.get(slug);
  if (html === undefined) {
    const markdown = fs.readFileSync(
      path.join(/* turbopackIgnore: true */ process.cwd(), "docs", PUBLIC_DOCS[slug].file),
      "utf8",
    );
    html = markdownRenderer().parse(markdown) as string;
    rendered.set(slug, html);
  }
  return html;
}
