package poolcheck.language;

/** A place in model text: 1-based line and column, for error messages and traces. */
public record Position(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
