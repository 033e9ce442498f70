/**
 * Physical lines as Python reads a text file (universal newlines): `\n`,
 * `\r\n` and a lone `\r` each end a line, and a final line break does not
 * start another (empty) line. Line numbers therefore match oslo.config's.
 */

/** One physical line. */
export interface PhysicalLine {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset just past its last character, before the line break. */
  readonly end: number;
  /** Offset just past the line break (`end` for a last line without one). */
  readonly breakEnd: number;
}

export function* physicalLines(text: string): Generator<PhysicalLine> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 /* \n */ || c === 13 /* \r */) break;
      end++;
    }
    let breakEnd = end;
    if (breakEnd < text.length) {
      breakEnd += text.charCodeAt(breakEnd) === 13 && text.charCodeAt(breakEnd + 1) === 10 ? 2 : 1;
    }
    yield { start, end, breakEnd };
    start = breakEnd;
  }
}
