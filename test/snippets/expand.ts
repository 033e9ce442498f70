/** Snippet expansion as VS Code does it, for the syntax our snippets use. */

/** VS Code's snippet expansion for what our snippets use: `${n:default}`, `${n}`, `$n`, `$0`. */
export function expandSnippet(body: string | readonly string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : (body as string);
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return text
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '');
}

