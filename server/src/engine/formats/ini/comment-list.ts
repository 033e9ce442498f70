/**
 * The column-0 comments of a file, recorded as offsets while the parser reads
 * and turned into {@link IniComment} objects only when someone asks for them.
 *
 * Sample service files are mostly comments (a generated nova.conf of 50,000
 * lines has 37,000), and three objects per comment (the comment, its span,
 * its text) made up most of what the parser allocated: the garbage collector
 * took over a third of the parse. Two numbers per comment in a typed array
 * cost the collector nothing.
 */
import type { IniComment } from './ast.js';
import { lstripStart } from './python-text.js';

const HASH = 0x23;
/**
 * Room to begin with: one comment per this many characters, which a sample
 * file's comments rarely exceed, so that they fit without the list having to
 * grow (each growth allocates and copies the whole buffer)…
 */
const CHARS_PER_COMMENT = 32;
/** …but never less than this many comments… */
const MIN_CAPACITY = 256;
/** …nor more (a huge text of other lines must not reserve a huge buffer). */
const MAX_INITIAL_CAPACITY = 1 << 16;

/** The comments seen so far, as offsets; see the top of this file. */
export class CommentList {
  /** `start, end` pairs: from the marker to the end of the line's text (trailing whitespace excluded). */
  private offsets: Int32Array;
  private count = 0;
  private built: readonly IniComment[] | null = null;

  constructor(private readonly text: string) {
    const capacity = Math.min(MAX_INITIAL_CAPACITY, Math.max(MIN_CAPACITY, Math.ceil(text.length / CHARS_PER_COMMENT)));
    this.offsets = new Int32Array(2 * capacity);
  }

  /** Records the comment `text[start, end)`; `text[start]` is its `#` or `;`. */
  add(start: number, end: number): void {
    const at = 2 * this.count;
    if (at === this.offsets.length) this.grow();
    this.offsets[at] = start;
    this.offsets[at + 1] = end;
    this.count++;
  }

  private grow(): void {
    const larger = new Int32Array(2 * this.offsets.length);
    larger.set(this.offsets);
    this.offsets = larger;
  }

  /**
   * Gives back the unused room when most of it is unused (a file with few
   * comments): the list lives as long as the tree, possibly unread.
   */
  trim(): void {
    const used = 2 * this.count;
    if (used < this.offsets.length / 2) this.offsets = this.offsets.slice(0, used);
  }

  /** The comments in document order; built on the first call, the same array afterwards. */
  toArray(): readonly IniComment[] {
    if (this.built === null) {
      this.built = this.build();
      this.offsets = new Int32Array(0);
    }
    return this.built;
  }

  private build(): IniComment[] {
    const { text, offsets } = this;
    const comments: IniComment[] = [];
    for (let k = 0; k < this.count; k++) {
      const start = offsets[2 * k];
      const end = offsets[2 * k + 1];
      comments.push({
        span: { start, end },
        marker: text.charCodeAt(start) === HASH ? '#' : ';',
        text: text.slice(lstripStart(text, start + 1, end), end),
      });
    }
    return comments;
  }
}
