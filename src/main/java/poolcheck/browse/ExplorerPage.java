package poolcheck.browse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The explorer's one page: markup, style and script in one file, nothing fetched from afar. */
final class ExplorerPage {
  private static final String PAGE = "explorer.html";

  private ExplorerPage() {}

  static byte[] html() {
    try (InputStream in = ExplorerPage.class.getResourceAsStream(PAGE)) {
      if (in == null) throw new IllegalStateException("missing resource " + PAGE);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
