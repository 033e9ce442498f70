import { fileURLToPath } from 'node:url';

/** The file path of a `file:` URI; for other schemes, the URI's path part (good enough for detection by name). */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      /* fall through */
    }
  }
  const i = uri.indexOf(':');
  return decodeURIComponent(i >= 0 ? uri.slice(i + 1).replace(/^\/\/[^/]*/, '') : uri);
}
