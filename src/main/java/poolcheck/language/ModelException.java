package poolcheck.language;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Bad model text: carries every diagnostic found, rendered one per line. */
public final class ModelException extends Exception {
  private final ImmutableList<Diagnostic> diagnostics;

  public ModelException(List<Diagnostic> diagnostics) {
    super(render(diagnostics));
    this.diagnostics = ImmutableList.copyOf(diagnostics);
  }

  public ModelException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public ImmutableList<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public Diagnostic first() {
    return diagnostics.get(0);
  }

  private static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (out.length() > 0) out.append('\n');
      out.append(d.render());
    }
    return out.toString();
  }
}
