package poolcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import poolcheck.api.ModelInfo;

/**
 * The files a command writes: checked before the work starts (so a long search does not end in
 * "cannot write"), never one of the run's inputs (the model, every file it includes, the trace
 * replayed), and written whole or not at all (a temporary file beside the target, then an atomic
 * rename), so an interrupted write never leaves half a result where the old one was.
 */
final class Outputs {
  private final List<Path> inputs;

  Outputs(Collection<Path> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  /** The model file and every file it includes (by the names the loader read them under). */
  static Outputs of(ModelInfo model, Path... more) {
    List<Path> inputs = new ArrayList<>(model.inputFiles());
    inputs.addAll(List.of(more));
    return new Outputs(inputs);
  }

  /** Checks that {@code flag}'s {@code file} can be written to a directory that exists. */
  /** {@code --json -}: standard output, as for most Unix tools. */
  static boolean isStdout(Path file) {
    return file != null && file.toString().equals("-");
  }

  /** The JSON on its own on stdout, one newline at the end. */
  static void printJson(java.io.PrintWriter stdout, String json) {
    stdout.print(json.endsWith("\n") ? json : json + "\n");
    stdout.flush();
  }

  void checkFile(String flag, Path file) {
    String what = flag + " " + Failure.printable(file.toString());
    if (Files.isDirectory(file)) throw new UsageException(what + ": is a directory");
    if (isInput(file)) {
      throw new UsageException(what + ": is an input of this run; refusing to overwrite it");
    }
    if (Files.exists(file)) {
      if (Files.isRegularFile(file) && !Files.isWritable(file)) {
        throw new UsageException(what + ": is read-only");
      }
      if (!Files.isRegularFile(file)) return; // a device such as /dev/null: written in place
    }
    Path dir = directoryOf(file);
    if (!Files.exists(dir)) {
      throw new UsageException(what + ": directory " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(what + ": " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new UsageException(what + ": directory " + dir + " is not writable");
    }
  }

  /**
   * Checks that files can be written into {@code dir}, which is created when missing: the nearest
   * directory that exists on the way must be writable, and nothing on the way a file.
   */
  void checkDirectory(String flag, Path dir) {
    String what = flag + " " + Failure.printable(dir.toString());
    Path d = dir.toAbsolutePath().normalize();
    while (d != null && !Files.exists(d)) d = d.getParent();
    if (d == null) return;
    if (!Files.isDirectory(d)) throw new UsageException(what + ": " + d + " is not a directory");
    if (!Files.isWritable(d)) {
      throw new UsageException(what + ": directory " + d + " is not writable");
    }
  }

  /** Writes {@code text} to {@code file}, replacing it atomically; never over an input. */
  void write(Path file, String text, boolean createParents) throws IOException {
    if (isInput(file)) {
      throw new FileAlreadyExistsException(file.toString(), null,
          "is an input of this run; refusing to overwrite it");
    }
    if (createParents && file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try {
      replace(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Named by the file asked for, not the temporary one beside it.
      throw new FileSystemException(file.toString(), null, Failure.reason(e));
    }
  }

  private static void replace(Path file, byte[] bytes) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      if (Files.isDirectory(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, "is a directory");
      }
      Files.write(file, bytes); // /dev/null, /dev/stdout: replacing them would be wrong
      return;
    }
    // Through a symbolic link, the file it points to is replaced, not the link.
    Path target = Files.exists(file) ? file.toRealPath() : file;
    Path dir = directoryOf(target);
    FileAttribute<?>[] perms = permissions(target);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", perms);
    try {
      if (Files.exists(target) && perms.length > 0) {
        // exactly the old mode, which the umask applied at creation may have narrowed
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private boolean isInput(Path file) {
    if (!Files.exists(file)) return false;
    for (Path input : inputs) {
      try {
        if (Files.exists(input) && Files.isSameFile(file, input)) return true;
      } catch (IOException e) {
        // an input that cannot be compared is not this file
      }
    }
    return false;
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : file.toAbsolutePath();
  }

  /** The mode of the file replaced, or rw-r--r-- (less the umask) for a new one. */
  private static FileAttribute<?>[] permissions(Path target) throws IOException {
    if (Files.getFileAttributeView(directoryOf(target), PosixFileAttributeView.class) == null) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
  }
}
