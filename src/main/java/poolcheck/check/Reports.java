package poolcheck.check;

import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import poolcheck.language.Diagnostic;
import poolcheck.language.ErrorCode;
import poolcheck.language.ModelException;
import poolcheck.language.Position;

/**
 * The errors found while checking, and the rule that one mistake gives one error: a name whose
 * own declaration failed is poisoned, and what later goes wrong about it is not reported again.
 */
final class Reports {
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)'");

  private final List<Diagnostic> errors = new ArrayList<>();
  /**
   * Names whose declaration failed (a global, a local, a type, a process). Its error was
   * reported; every later "unknown name" or "not a type" about it is a consequence and is not.
   */
  private final Set<String> poisoned = new HashSet<>();
  private final Symbols symbols;

  public Reports(Symbols symbols) {
    this.symbols = symbols;
  }

  /**
   * Records a diagnostic and returns the exception that abandons the declaration. An unknown
   * name or a type mismatch about a poisoned name is not recorded: it follows from that
   * failure, which was (one root error, not eighty).
   */
  public CheckError error(ErrorCode code, Position pos, String message) {
    if ((code == UNKNOWN_NAME || code == TYPE_MISMATCH) && namesPoisoned(message)) {
      return new CheckError();
    }
    errors.add(new Diagnostic(code, pos, code == UNKNOWN_NAME
        ? Suggestions.forUnknown(message, symbols) : message));
    return new CheckError();
  }

  /** An error that does not abandon anything (checking goes on where it is). */
  public void add(Diagnostic d) {
    errors.add(d);
  }

  /** A name whose declaration failed. */
  public void poison(String name) {
    poisoned.add(name);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Every error so far, in source order, one per position. */
  public ModelException exception() {
    return new ModelException(sorted(errors));
  }

  private boolean namesPoisoned(String message) {
    Matcher m = QUOTED.matcher(message);
    while (m.find()) {
      if (poisoned.contains(m.group(1))) return true;
    }
    return false;
  }

  /**
   * In source order, one per position: a step is compiled once per process instance, and its
   * error is one error however many instances there are.
   */
  private static List<Diagnostic> sorted(List<Diagnostic> errors) {
    Map<Position, Diagnostic> first = new LinkedHashMap<>();
    for (Diagnostic d : errors) first.putIfAbsent(d.position(), d);
    List<Diagnostic> out = new ArrayList<>(first.values());
    out.sort((a, b) -> {
      int f = a.position().file().compareTo(b.position().file());
      if (f != 0) return f;
      int l = Integer.compare(a.position().line(), b.position().line());
      return l != 0 ? l : Integer.compare(a.position().column(), b.position().column());
    });
    return out;
  }
}
