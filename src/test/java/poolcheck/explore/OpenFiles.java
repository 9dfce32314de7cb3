package poolcheck.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under a directory that this process still holds open, read from
 * {@code /proc/self/fd}. The search opens its spill files with {@code DELETE_ON_CLOSE}, and on
 * Linux the JDK unlinks such a file as soon as it is opened: a directory listing is empty while
 * the run goes on, so "no file is left" cannot fail. A descriptor left open still holds the
 * file's blocks, and shows here as {@code DIR/frontier-123.bin (deleted)}.
 */
public final class OpenFiles {
  private static final Path FD = Path.of("/proc/self/fd");

  private OpenFiles() {}

  /** What each descriptor open on a file under {@code dir} points to; empty if none. */
  public static List<String> under(Path dir) {
    String prefix = dir.toAbsolutePath().normalize() + "/";
    List<String> open = new ArrayList<>();
    try (Stream<Path> fds = Files.list(FD)) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException gone) {
          continue; // closed between the listing and the read (the listing's own descriptor)
        }
        if (target.startsWith(prefix)) open.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return open;
  }
}
