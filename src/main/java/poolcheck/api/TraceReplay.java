package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import poolcheck.trace.TraceFileException;

/**
 * Re-executes a recorded trace (a JSON result or trace, or an ITF trace) on a model, step by
 * step, and confirms the violation it records: independent of the search that found it.
 *
 * <pre>{@code
 * ReplayResult r = TraceReplay.of(Path.of("models/page_pool.pool")).replay(Path.of("cx.json"));
 * }</pre>
 *
 * A trace file that cannot be read as a trace is an {@link InvalidInputException} naming the
 * position in it.
 */
public final class TraceReplay {
  private final ModelSource source;

  private TraceReplay(ModelSource source) {
    this.source = source;
  }

  public static TraceReplay of(Path model) {
    return new TraceReplay(ModelSource.file(model));
  }

  public static TraceReplay ofText(String name, String text) {
    return new TraceReplay(ModelSource.text(name, text));
  }

  public TraceReplay config(String name) {
    return new TraceReplay(source.withConfig(name));
  }

  public TraceReplay constant(String constant, String value) {
    return new TraceReplay(source.withConstant(constant, value));
  }

  public TraceReplay constants(Map<String, String> values) {
    return new TraceReplay(source.withConstants(values));
  }

  /** The model as loaded: its name, constants and the files it reads. */
  public ModelInfo model() {
    return source.load().info();
  }

  public ReplayResult replay(Path trace) {
    ModelSource.Loaded m = source.load();
    JsonTrace.Recorded recorded;
    try {
      recorded = JsonTrace.read(trace);
    } catch (TraceFileException e) {
      throw new InvalidInputException(e.diagnostic().render(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Replay.Outcome o = Replay.check(m.compiled(), recorded);
    return new ReplayResult(o.ok(), o.step(), recorded.steps().size() - 1, o.message(),
        recorded.model(), m.compiled().name());
  }
}
