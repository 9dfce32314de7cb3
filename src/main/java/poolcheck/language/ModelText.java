package poolcheck.language;

import static poolcheck.language.ErrorCode.NOT_UTF8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one model file as UTF-8 text, with a bound: a model is a regular file of at most
 * {@link #MAX_BYTES} bytes. /dev/zero, a named pipe or a multi-gigabyte file would otherwise hang
 * the loader or exhaust memory before the first token.
 */
final class ModelText {
  /** 16 MiB: the shipped models are a few tens of KiB. Documented in docs/language.md. */
  static final int MAX_BYTES = 16 << 20;

  private ModelText() {}

  /**
   * The file's text. Not a regular file or too large: an IOException whose message names the
   * path (a usage error). Not UTF-8: PC004 at the line and column of the first bad byte.
   */
  static String read(Path path, String shownName) throws ModelException, IOException {
    if (Files.isDirectory(path)) {
      throw new IOException(shownName + ": is a directory, expected a model file");
    }
    if (!Files.exists(path)) {
      throw new java.nio.file.NoSuchFileException(shownName);
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(shownName + ": not a regular file (a device, pipe or socket): "
          + "expected a model file");
    }
    if (Files.size(path) > MAX_BYTES) {
      throw new IOException(shownName + ": " + Files.size(path) + " bytes is too large for a "
          + "model file (at most " + MAX_BYTES + " bytes)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // The size may change between the check and the read: never read past the bound.
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException(shownName + ": too large for a model file (at most " + MAX_BYTES
          + " bytes)");
    }
    return decode(bytes, shownName);
  }

  static String decode(byte[] bytes, String shownName) throws ModelException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) result = decoder.flush(out);
    if (result.isError()) {
      int offset = in.position();
      out.flip();
      Position at = Lexer.positionAfter(shownName, out);
      throw new ModelException(new Diagnostic(NOT_UTF8, at, String.format(
          "not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8 (a binary file, or text "
              + "in another encoding?)", bytes[offset] & 0xff, offset)));
    }
    out.flip();
    return out.toString();
  }
}
