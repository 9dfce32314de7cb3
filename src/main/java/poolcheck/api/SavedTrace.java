package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import poolcheck.result.CheckResult;
import poolcheck.trace.TraceFile;
import poolcheck.trace.TraceFileException;

/**
 * A trace saved earlier (a JSON result or trace, an ITF trace: {@code check --trace-out}, a
 * simulation's, the proofs ledger's) rendered again in any format, without the model and without
 * searching again: the file records each step's instance, label, kernel function and source.
 *
 * <pre>{@code
 * String mermaid = SavedTrace.read(Path.of("cx.json")).render(TraceFormat.MERMAID);
 * }</pre>
 *
 * A file that is not a trace is an {@link InvalidInputException} naming the position in it.
 */
public final class SavedTrace {
  private final CheckResult result;

  private SavedTrace(CheckResult result) {
    this.result = result;
  }

  public static SavedTrace read(Path file) {
    try {
      return new SavedTrace(TraceFile.read(file));
    } catch (TraceFileException e) {
      throw new InvalidInputException(e.diagnostic().render(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model's name as the trace records it. */
  public String model() {
    return result.model();
  }

  public Counterexample counterexample() {
    return Values.counterexample(result.counterexample().orElseThrow());
  }

  public String render(TraceFormat format) {
    return format.engine().render(result);
  }
}
