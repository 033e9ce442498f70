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

/**
 * Walks the physical lines of a text, one at a time, without allocating per
 * line: the parser reads a 50,000-line file, and an object per line showed
 * up in profiles. The cursor itself is the current line; read its fields
 * before calling `advance` again.
 *
 * The next `\n` and the next `\r` are each found with one native `indexOf`
 * and remembered until the walk passes them, so the text is searched once.
 */
export class LineCursor implements PhysicalLine {
  start = 0;
  end = 0;
  breakEnd = 0;
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** Moves to the next line; false once the text is exhausted. */
  advance(): boolean {
    const text = this.text;
    const start = this.breakEnd;
    if (start >= text.length) return false;
    if (this.nextLf !== -1 && this.nextLf < start) this.nextLf = text.indexOf('\n', start);
    if (this.nextCr !== -1 && this.nextCr < start) this.nextCr = text.indexOf('\r', start);
    const lf = this.nextLf < 0 ? text.length : this.nextLf;
    const cr = this.nextCr < 0 ? text.length : this.nextCr;
    const end = lf < cr ? lf : cr;
    let breakEnd = end;
    if (end < text.length) breakEnd += end === cr && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    this.start = start;
    this.end = end;
    this.breakEnd = breakEnd;
    return true;
  }
}

/** Every physical line of `text`, in order (a convenience for tests and tools). */
export function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const cursor = new LineCursor(text);
  while (cursor.advance()) lines.push({ start: cursor.start, end: cursor.end, breakEnd: cursor.breakEnd });
  return lines;
}
