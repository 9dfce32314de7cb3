package poolcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import poolcheck.api.InvalidInputException;
import poolcheck.api.InvalidOptionException;

/**
 * Turns whatever ended a command early into the lines a user reads and the exit status a script
 * reads: the one place that decides both, so that no path prints a raw stack trace or lets an
 * internal error pass for "violated" (exit 1).
 */
final class Failure {
  /** Set to anything but empty or 0 to get the stack trace of an internal error. */
  static final String DEBUG_ENV = "POOLCHECK_DEBUG";

  private Failure() {}

  /**
   * Prints {@code t} to {@code err} as one line (plus a stack trace when debugging) and returns
   * the exit status.
   */
  static int report(Throwable t, PrintWriter err, boolean debug) {
    if (t instanceof CommandLine.ExecutionException ee && ee.getCause() != null) {
      t = ee.getCause();
    }
    if (t instanceof InvalidInputException bad) {
      // file:line:column: error PCnnn: ..., one line per diagnostic, as the API renders them
      err.println(bad.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof InvalidOptionException bad) {
      err.println("poolcheck: " + printable(bad.render(Flags::of)));
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof UsageException || t instanceof CommandLine.ParameterException) {
      err.println("poolcheck: " + printable(String.valueOf(t.getMessage())));
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof InvalidPathException ip) {
      err.println("poolcheck: " + printable(ip.getInput()) + ": not a valid path ("
          + ip.getReason() + ")");
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof IOException io) {
      err.println("poolcheck: " + ioMessage(io));
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof java.io.UncheckedIOException u) {
      err.println("poolcheck: " + ioMessage(u.getCause()));
      return ExitCode.BAD_INPUT;
    }
    if (t instanceof OutOfMemoryError) {
      long mb = Runtime.getRuntime().maxMemory() >> 20;
      // twice what this run had: a fixed figure would advise 8 GB to a run that had 9
      err.println("poolcheck: out of memory (heap " + mb + " MB): more heap (e.g. "
          + "POOLCHECK_JAVA_OPTS=-Xmx" + Math.max(2, (2 * mb + 1023) / 1024)
          + "g) or smaller constants would help");
      trace(t, err, debug);
      return ExitCode.OUT_OF_MEMORY;
    }
    err.println("poolcheck: internal error: " + t.getClass().getName()
        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()))
        + " (a bug in poolcheck; " + DEBUG_ENV + "=1 or --debug prints the stack trace)");
    trace(t, err, debug);
    return ExitCode.INTERNAL_ERROR;
  }

  /** One line for an I/O failure, naming the file it concerns. */
  static String ioMessage(IOException io) {
    if (io instanceof FileSystemException fs && fs.getFile() != null) {
      // Said of a model or trace to read and of a --json file to write alike.
      return printable(fs.getFile()) + ": " + reason(io);
    }
    return reason(io);
  }

  /** What went wrong, without the file name. */
  static String reason(IOException io) {
    if (io instanceof NoSuchFileException) return "no such file or directory";
    if (io instanceof AccessDeniedException) return "permission denied";
    if (io instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : "cannot access";
    }
    return io.getMessage() == null ? io.getClass().getSimpleName() : firstLine(io.getMessage());
  }

  static boolean debugRequested() {
    String v = System.getenv(DEBUG_ENV);
    return v != null && !v.isEmpty() && !v.equals("0");
  }

  private static void trace(Throwable t, PrintWriter err, boolean debug) {
    if (debug) t.printStackTrace(err);
    err.flush();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A path as typed, with control characters (a NUL byte, a newline) made visible. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
