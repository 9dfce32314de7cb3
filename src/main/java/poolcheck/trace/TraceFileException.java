package poolcheck.trace;

import java.io.IOException;
import poolcheck.language.Diagnostic;

/**
 * A trace file that cannot be read as a trace (not JSON, truncated, a field missing or of the
 * wrong type, a number out of range): an I/O failure to callers that only read, a coded
 * diagnostic at the JSON position to the command line.
 */
public final class TraceFileException extends IOException {
  private final Diagnostic diagnostic;

  public TraceFileException(Diagnostic diagnostic) {
    super(diagnostic.render());
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
