package poolcheck.export;

import poolcheck.language.Expr;

/**
 * The part of writing an expression both exports share: integer literals (a negative one in
 * parentheses, so that it can follow any operator) and {@code self} (the instance's number,
 * fixed per instance). Each target writes the other kinds its own way.
 */
abstract class ExprWriter implements Expr.Visitor<String> {
  private final int instance;

  ExprWriter(int instance) {
    this.instance = instance;
  }

  @Override
  public final String intLit(Expr.IntLit i) {
    return i.value() < 0 ? "(" + i.value() + ")" : Integer.toString(i.value());
  }

  @Override
  public final String self(Expr.Self s) {
    return Integer.toString(instance);
  }
}
