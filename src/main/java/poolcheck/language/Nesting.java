package poolcheck.language;

import static poolcheck.language.ErrorCode.NESTED_TOO_DEEPLY;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The nesting limit. Every stage after the parser (inliner, checker, compilers, printer,
 * exporters, the compiled code itself) walks the tree recursively, so the tree's depth must be
 * bounded where it is built: at most {@link #MAX_DEPTH} levels, counting each expression,
 * statement and type node from the declaration down. A chain {@code a + b + c} is a tree as deep
 * as it is long, so its operators count too. Documented in docs/language.md (Limits).
 *
 * <p>The walk here is iterative (it is the one pass that must survive any depth), and reads the
 * tree through record components so that node kinds added later are covered without a change.
 */
public final class Nesting {
  /** Levels of nesting allowed; safe for every later pass at a 512 KiB thread stack. */
  public static final int MAX_DEPTH = 1000;

  private Nesting() {}

  public static Diagnostic tooDeep(Position at) {
    return new Diagnostic(NESTED_TOO_DEEPLY, at, "nested too deeply: more than " + MAX_DEPTH
        + " levels of parentheses, operators, quantifiers or blocks (split the expression or "
        + "the chain into named parts)");
  }

  /**
   * Each record class's component accessors, looked up once: {@code getRecordComponents()}
   * makes new {@link Method} objects on every call, and each new one builds its accessor on its
   * first invoke (a third of the front end's time when it was called per node).
   */
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] parts = type.getRecordComponents();
      Method[] accessors = new Method[parts.length];
      for (int i = 0; i < parts.length; i++) accessors[i] = parts[i].getAccessor();
      return accessors;
    }
  };

  /** The first node of {@code root} deeper than the limit, or null. */
  public static Diagnostic check(Object root) {
    Deque<Object> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Object node = nodes.pop();
      int depth = depths.pop();
      if (node instanceof Expr || node instanceof Stmt || node instanceof TypeExpr) {
        depth++;
        if (depth > MAX_DEPTH) return tooDeep(position(node));
      }
      if (node instanceof List<?> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
          push(nodes, depths, list.get(i), depth);
        }
      } else if (node instanceof Record r) {
        Method[] parts = ACCESSORS.get(r.getClass());
        for (int i = parts.length - 1; i >= 0; i--) {
          try {
            push(nodes, depths, parts[i].invoke(r), depth);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return null;
  }

  private static void push(Deque<Object> nodes, Deque<Integer> depths, Object child, int depth) {
    if (child instanceof List || child instanceof Expr || child instanceof Stmt
        || child instanceof TypeExpr || child instanceof Record && !(child instanceof Position)) {
      nodes.push(child);
      depths.push(depth);
    }
  }

  private static Position position(Object node) {
    if (node instanceof Expr e) return e.pos();
    if (node instanceof Stmt s) return s.pos();
    return ((TypeExpr) node).pos();
  }
}
