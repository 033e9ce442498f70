/**
 * Shortening user text quoted in messages. A key or value can be a megabyte
 * long; a diagnostic that quotes it whole is one no editor can show, and it
 * tells the reader nothing the underlined text does not.
 */

/** Longest user text a message quotes; longer text keeps this many characters and gets `…`. */
export const MAX_QUOTED = 60;

/**
 * Where to cut `text` to keep at most `max` characters: `max`, or one less
 * when that would split a surrogate pair. (The text's length when shorter.)
 */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const last = text.charCodeAt(max - 1);
  return last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}

/** `text` itself when short, else its first {@link MAX_QUOTED} characters (never half a surrogate pair) and `…`. */
export function abbreviate(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutPoint(text, max))}…`;
}

/**
 * `message` with every occurrence of `quoted` abbreviated, for messages
 * built elsewhere that quote a value in full (cuttlefish's and oslo.config's
 * own wording, kept word for word where they are made).
 */
export function abbreviateWithin(message: string, quoted: string, max = MAX_QUOTED): string {
  if (quoted.length <= max) return message;
  return message.split(quoted).join(abbreviate(quoted, max));
}
