/**
 * A DataView of the last byte buffer asked for, made anew only when the buffer changes: the
 * readers ask once a row, and a chunk's rows share one buffer. DataView reads four bytes at
 * any offset, which the word-at-a-time loops need (a Uint32Array view needs alignment).
 */
export class ByteView {
  private of: Uint8Array | undefined;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

  get(buf: Uint8Array): DataView<ArrayBufferLike> {
    if (buf !== this.of) {
      this.of = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }
}
