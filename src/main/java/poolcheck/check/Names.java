package poolcheck.check;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.NOT_ALLOWED_HERE;
import static poolcheck.language.ErrorCode.NOT_A_CONTAINER;
import static poolcheck.language.ErrorCode.NOT_CONSTANT;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;
import static poolcheck.language.ErrorCode.WRONG_ARGUMENT_COUNT;
import static poolcheck.language.ErrorCode.WRONG_INDEX_COUNT;

import poolcheck.language.Expr;
import poolcheck.language.Position;
import poolcheck.language.TypeExpr;

/**
 * What a name or a storage reference means in a scope, and the type expectations every
 * expression checker states the same way: shared by the statement checker, the constant
 * checker and the expression compiler, so that each mistake has one wording.
 */
final class Names {
  private final Checking ctx;
  private final Symbols symbols;
  private final Reports reports;

  Names(Checking ctx) {
    this.ctx = ctx;
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
  }

  public void expect(Position pos, Type expected, Type found, String what) {
    if (!Type.compatible(expected, found)) {
      throw reports.error(TYPE_MISMATCH, pos, "type mismatch: expected " + what + " ("
          + expected.describe() + "), found " + found.describe());
    }
  }

  public static Type kindOf(Type t) {
    return Type.kindOf(t);
  }

  /** A variable visible in this scope: a local of the current instance, then a global. */
  public CheckedModel.Variable variable(String name, Scope scope) {
    Symbols.Process p = scope.process();
    return p == null ? symbols.globals.get(name) : CheckedModel.variable(name, p.localTypes,
        p.localSlots.get(scope.instance()), p.decl.pos(), symbols.globals);
  }

  /**
   * A name that is no bound variable, variable, constant or enum value: the error saying what
   * it is instead (a type, a process, unknown), or silence when its declaration failed.
   */
  public CheckError notAValue(Expr.Name n) {
    String name = n.name();
    if (symbols.types.containsKey(name)) {
      return reports.error(TYPE_MISMATCH, n.pos(), "type mismatch: '" + name + "' is a type, "
          + "expected a value");
    }
    if (symbols.processNames.contains(name)) {
      return reports.error(TYPE_MISMATCH, n.pos(), "type mismatch: '" + name + "' is a process, "
          + "expected a value");
    }
    if (symbols.declared.containsKey(name)) {
      // Declared before this use but in no table: its declaration failed and was reported, and
      // a second error here would only mislead.
      return new CheckError();
    }
    return reports.error(UNKNOWN_NAME, n.pos(), "unknown name '" + name + "'");
  }

  /** The array or container a name refers to, or an error saying what it is instead. */
  public CheckedModel.Variable storage(Expr target, Scope scope, String what) {
    if (target instanceof Expr.Name n) {
      if (scope.bound().containsKey(n.name()) || symbols.constants.containsKey(n.name())
          || symbols.enumValues.containsKey(n.name())) {
        throw reports.error(NOT_A_CONTAINER, target.pos(), "'" + n.name() + "' is not " + what);
      }
      CheckedModel.Variable v = variable(n.name(), scope);
      if (v == null) throw reports.error(UNKNOWN_NAME, target.pos(), "unknown name "
          + "'" + n.name() + "'");
      if (scope.constOnly()) {
        throw reports.error(NOT_CONSTANT, target.pos(), "not a constant expression: '" + n.name()
            + "' is a variable");
      }
      return v;
    }
    throw reports.error(NOT_A_CONTAINER, target.pos(), "expected " + what + " here, found an "
        + "expression");
  }

  public Type.Container container(CheckedModel.Variable v, Position pos) {
    if (v.type() instanceof Type.Container ct) return ct;
    throw reports.error(NOT_A_CONTAINER, pos, "'" + v.name() + "' is a " + v.type().describe()
        + ", expected a fifo or lifo");
  }

  /** The array a chain of indexings starts from: {@code owner} in {@code owner[p][c][d]}. */
  public static Expr innermost(Expr.Index ix) {
    Expr e = ix;
    while (e instanceof Expr.Index i) e = i.target();
    return e;
  }

  /** An array indexed {@code written} times where its type takes another number of indices. */
  public CheckError wrongIndexCount(CheckedModel.Variable v, Type.Array a, Position at,
      int written) {
    int wanted = a == null ? 1 : a.dimensions();
    return reports.error(WRONG_INDEX_COUNT, at, "'" + v.name() + "' is "
        + (a == null ? "a " + v.type().describe() + ", indexed once at most"
            : (wanted == 2 ? "a two-dimensional array " : "an array ") + a.describe()
                + ": it takes " + wanted + " ind" + (wanted == 1 ? "ex" : "ices")
                + (wanted == 2 ? " (" + v.name() + "[i][j])" : " (" + v.name() + "[i])"))
        + ", found " + written);
  }

  public void arity(Expr.Call call, int n) {
    if (call.args().size() != n) {
      throw reports.error(WRONG_ARGUMENT_COUNT, call.pos(), call.function() + " takes " + n + " "
          + "argument"
          + (n == 1 ? "" : "s") + ", found " + call.args().size());
    }
  }

  /** A call of push or pop in an expression, or of a function that is no builtin. */
  public CheckError notABuiltin(Expr.Call call) {
    String f = call.function();
    if (f.equals("push") || f.equals("pop")) {
      return reports.error(NOT_ALLOWED_HERE, call.pos(), f + "(...) is a statement, "
          + "not a value: write '" + (f.equals("pop") ? "x = pop(c);" : "push(c, x);") + "'");
    }
    return reports.error(UNKNOWN_NAME, call.pos(), "unknown function '" + f + "' "
        + "(builtins: len, cap, empty, full, head, contains, min, max)");
  }

  /** Resolves a bound variable's domain and its place in the environment. */
  public Scope bind(String name, TypeExpr domain, Scope scope, Position pos) {
    if (scope.bound().containsKey(name) || variable(name, scope) != null
        || symbols.declared.containsKey(name)) {
      throw reports.error(DUPLICATE_DECLARATION, pos, "duplicate declaration: bound variable "
          + "'" + name
          + "' hides another name");
    }
    Type t = ctx.resolveType(domain);
    if (!(t instanceof Type.Scalar s)) {
      throw reports.error(TYPE_MISMATCH, domain.pos(), "type mismatch: expected a finite type "
          + "(bool, a range or an enum) to range over, found " + t.describe());
    }
    symbols.domains.put(domain, s);
    int index = scope.nextIndex();
    symbols.envSize = Math.max(symbols.envSize, index + 1);
    return scope.bind(name, index, s);
  }
}
