package poolcheck.explore.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the search opens the files it writes (spilled frontier, trace log, checkpoint). One seam,
 * so that a test can make the disk fill up at a chosen byte and check what a run does then.
 */
@FunctionalInterface
public interface Disk {
  Disk REAL = FileChannel::open;

  FileChannel open(Path path, OpenOption... options) throws IOException;
}
