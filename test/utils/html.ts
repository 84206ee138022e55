const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references Handlebars and friends emit (`&amp;`, `&#x3D;`, `&#39;`). */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    return String.fromCodePoint(ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

/** The `href` targets of an HTML document, decoded as a browser would follow them. */
export function htmlLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => decodeHtml(match[1]));
}
