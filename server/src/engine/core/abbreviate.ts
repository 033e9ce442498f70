/**
 * Shortening user text quoted in messages. A key or value can be a megabyte
 * long; a diagnostic that quotes it whole is one no editor can show, and it
 * tells the reader nothing the underlined text does not.
 */

/** Longest user text a message quotes; longer text keeps this many characters and gets `…`. */
export const MAX_QUOTED = 60;

/** `text` itself when short, else its first {@link MAX_QUOTED} characters (never half a surrogate pair) and `…`. */
export function abbreviate(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
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
