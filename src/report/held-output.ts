// Output that must wait (the diagnoses of `wspl logs`, printed after every session): rendered as it comes and kept as
// bytes, then written whole. Keeping the diagnoses as objects until the end cost a quarter second of garbage
// collection on a 269 MB log (tens of thousands of objects the collector copied and marked again and again); bytes
// outside the JavaScript heap cost it nothing.
import { BlockOutput } from './block-output.js';

export class HeldOutput {
  private readonly blocks: Uint8Array[] = [];
  private readonly texts: string[] = [];
  /** Kept blocks when the destination takes bytes, kept strings when it takes text. */
  private readonly output: BlockOutput;

  constructor(bytes: boolean) {
    this.output = bytes
      ? new BlockOutput(
          () => undefined,
          // False: the block is kept, so BlockOutput takes fresh memory for the next one.
          (b) => (this.blocks.push(b), false),
        )
      : new BlockOutput((t) => this.texts.push(t));
  }

  write(text: string): void {
    this.output.write(text);
  }

  writeBytes(bytes: Uint8Array): void {
    this.output.writeBytes(bytes);
  }

  /** Writes everything held into `out`, in order, and lets it go. */
  writeTo(out: BlockOutput): void {
    this.output.flush();
    for (const b of this.blocks.splice(0)) out.writeBytes(b);
    for (const t of this.texts.splice(0)) out.write(t);
  }
}
