package poolcheck.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A breadth-first explorer for the subset of TLA+ the exporter writes, standing in for TLC in the
 * tests (TLC cannot be installed where CI runs). It parses the module as TLA+ does, bulleted
 * /\ and \/ lists by their columns included, and explores Init and Next as TLC's breadth-first
 * search does: invariants on every new state, Assert failures while computing a state's
 * successors, a deadlock when a state has none. It is deliberately small and strict: anything
 * outside the subset is an error, which makes the exporter's syntax part of what is tested.
 */
final class TlaSubset {
  /** What a search found: {@code violation} null when none; depth = steps of its trace. */
  record Outcome(long distinct, String violation, int length) {}

  // ---- tokens

  private record Token(String text, int line, int column) {}

  private static final List<String> SYMBOLS = List.of("|->", "/\\", "\\/", "=>", "<=", ">=",
      "..", "@@", ":>", "<<", ">>", "==", "\\in", "\\div", "\\A", "\\E", "(", ")", "[", "]",
      "{", "}", ",", ":", "!", "'", "=", "#", "<", ">", "+", "-", "*", "%", "~");

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int col = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        i++;
        continue;
      }
      if (c == ' ') {
        i++;
        col++;
        continue;
      }
      if (text.startsWith("\\*", i)) {
        while (i < text.length() && text.charAt(i) != '\n') i++;
        continue;
      }
      if (text.startsWith("(*", i)) {
        int end = text.indexOf("*)", i);
        for (int k = i; k < end + 2; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            col = 0;
          }
          col++;
        }
        i = end + 2;
        continue;
      }
      int start = i;
      if (c == '"') {
        i = text.indexOf('"', i + 1) + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
            || text.charAt(i) == '_')) {
          i++;
        }
      } else if (text.startsWith("----", i) || text.startsWith("====", i)) {
        while (i < text.length() && text.charAt(i) == c) i++;
      } else {
        String sym = null;
        for (String s : SYMBOLS) {
          if (text.startsWith(s, i)) {
            sym = s;
            break;
          }
        }
        if (sym == null) {
          throw new IllegalArgumentException("line " + line + ": bad character " + c);
        }
        i += sym.length();
      }
      out.add(new Token(text.substring(start, i), line, col));
      col += i - start;
    }
    return out;
  }

  // ---- syntax

  private sealed interface Node {}

  private record Num(long value) implements Node {}

  private record Str(String value) implements Node {}

  private record Bool(boolean value) implements Node {}

  private record Ref(String name) implements Node {}

  private record Primed(String name) implements Node {}

  private record Bin(String op, Node left, Node right) implements Node {}

  private record Not(Node operand) implements Node {}

  private record Neg(Node operand) implements Node {}

  private record Apply(Node function, Node argument) implements Node {}

  private record Call(String operator, List<Node> args) implements Node {}

  private record Tuple(List<Node> items) implements Node {}

  private record SetOf(List<Node> items) implements Node {}

  private record Filter(String variable, Node set, Node predicate) implements Node {}

  private record MapSet(Node element, String variable, Node set) implements Node {}

  private record FunctionOf(String variable, Node set, Node body) implements Node {}

  /** [f EXCEPT ![i] = v], or ![i][j] = v (second not null) for a function of functions. */
  private record Except(Node function, Node index, Node second, Node value) implements Node {}

  private record If(Node condition, Node then, Node otherwise) implements Node {}

  private record Let(Map<String, Node> definitions, Node body) implements Node {}

  private record Quantified(boolean all, String variable, Node set, Node body) implements Node {}

  private record Junction(boolean and, List<Node> items) implements Node {}

  private record Unchanged(Node what) implements Node {}

  private static final class Parser {
    private final List<Token> tokens;
    private int at;
    private final Deque<Integer> fences = new ArrayDeque<>();

    Parser(List<Token> tokens, int from, int fence) {
      this.tokens = tokens;
      this.at = from;
      fences.push(fence);
    }

    /** The next token, or null at the end of the current expression (at or left of the fence). */
    Token peek() {
      if (at >= tokens.size()) return null;
      Token t = tokens.get(at);
      return t.column() <= fences.peek() ? null : t;
    }

    boolean sees(String text) {
      Token t = peek();
      return t != null && t.text().equals(text);
    }

    Token next() {
      Token t = peek();
      if (t == null) throw new IllegalArgumentException("unexpected end near token " + at);
      at++;
      return t;
    }

    void expect(String text) {
      Token t = next();
      if (!t.text().equals(text)) {
        throw new IllegalArgumentException("line " + t.line() + ":" + t.column() + ": expected "
            + text + ", found " + t.text());
      }
    }

    private static int precedence(String op) {
      return switch (op) {
        case "=>" -> 1;
        case "/\\", "\\/" -> 3;
        case "=", "#", "<", "<=", ">", ">=", "\\in" -> 5;
        case "@@" -> 6;
        case ":>" -> 7;
        case ".." -> 9;
        case "+", "-" -> 10;
        case "*", "\\div", "%" -> 13;
        default -> -1;
      };
    }

    Node expression(int min) {
      Node left = prefix();
      while (true) {
        Token t = peek();
        if (t == null) return left;
        if (t.text().equals("[")) {
          next();
          Node index = expression(0);
          expect("]");
          left = new Apply(left, index);
          continue;
        }
        if (t.text().equals("'") && left instanceof Ref r) {
          next();
          left = new Primed(r.name());
          continue;
        }
        int p = precedence(t.text());
        if (p < 0 || p < min) return left;
        next();
        Node right = expression(p + 1);
        left = new Bin(t.text(), left, right);
      }
    }

    private Node prefix() {
      Token t = next();
      String s = t.text();
      if (s.equals("/\\") || s.equals("\\/")) return junction(t);
      if (s.equals("~")) return new Not(expression(4));
      if (s.equals("-")) return new Neg(expression(12));
      if (s.equals("(")) {
        fences.push(0);
        Node e = expression(0);
        expect(")");
        fences.pop();
        return e;
      }
      if (s.equals("<<")) {
        fences.push(0);
        List<Node> items = new ArrayList<>();
        while (!sees(">>")) {
          items.add(expression(0));
          if (sees(",")) next();
        }
        next();
        fences.pop();
        return new Tuple(items);
      }
      if (s.equals("{")) return braces();
      if (s.equals("[")) return brackets();
      if (s.equals("IF")) {
        Node c = expression(0);
        expect("THEN");
        Node a = expression(0);
        expect("ELSE");
        return new If(c, a, expression(0));
      }
      if (s.equals("LET")) {
        Map<String, Node> defs = new LinkedHashMap<>();
        while (!sees("IN")) {
          String name = next().text();
          expect("==");
          defs.put(name, expression(0));
        }
        next();
        return new Let(defs, expression(0));
      }
      if (s.equals("\\A") || s.equals("\\E")) {
        String v = next().text();
        expect("\\in");
        Node set = expression(6);
        expect(":");
        return new Quantified(s.equals("\\A"), v, set, expression(0));
      }
      if (s.equals("UNCHANGED")) return new Unchanged(expression(16));
      if (s.equals("TRUE") || s.equals("FALSE")) return new Bool(s.equals("TRUE"));
      if (s.startsWith("\"")) return new Str(s.substring(1, s.length() - 1));
      if (Character.isDigit(s.charAt(0))) return new Num(Long.parseLong(s));
      if (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') {
        if (sees("(") && peek().column() == t.column() + s.length()) {
          next();
          fences.push(0);
          List<Node> args = new ArrayList<>();
          while (!sees(")")) {
            args.add(expression(0));
            if (sees(",")) next();
          }
          next();
          fences.pop();
          return new Call(s, args);
        }
        return new Ref(s);
      }
      throw new IllegalArgumentException("line " + t.line() + ":" + t.column() + ": unexpected "
          + s);
    }

    /** A bulleted list: every item starts with the same bullet in the same column. */
    private Node junction(Token first) {
      List<Node> items = new ArrayList<>();
      Token bullet = first;
      while (true) {
        fences.push(bullet.column());
        items.add(expression(0));
        fences.pop();
        Token t = at < tokens.size() ? tokens.get(at) : null;
        if (t == null || !t.text().equals(first.text()) || t.column() != first.column()
            || t.column() <= fences.peek()) {
          break;
        }
        bullet = tokens.get(at++);
      }
      return new Junction(first.text().equals("/\\"), items);
    }

    private Node braces() {
      fences.push(0);
      List<Node> items = new ArrayList<>();
      Node result = null;
      if (!sees("}")) {
        Node first = expression(0);
        if (sees(":")) {
          next();
          if (first instanceof Bin b && b.op().equals("\\in") && b.left() instanceof Ref r) {
            result = new Filter(r.name(), b.right(), expression(0));
          } else {
            Node binding = expression(0);
            Bin b = (Bin) binding;
            result = new MapSet(first, ((Ref) b.left()).name(), b.right());
          }
        } else {
          items.add(first);
          while (sees(",")) {
            next();
            items.add(expression(0));
          }
        }
      }
      expect("}");
      fences.pop();
      return result != null ? result : new SetOf(items);
    }

    private Node brackets() {
      fences.push(0);
      Node result;
      Node first = expression(0);
      if (sees("EXCEPT")) {
        next();
        expect("!");
        expect("[");
        Node index = expression(0);
        expect("]");
        Node second = null;
        if (sees("[")) {
          next();
          second = expression(0);
          expect("]");
        }
        expect("=");
        result = new Except(first, index, second, expression(0));
      } else {
        expect("|->");
        Bin b = (Bin) first;
        result = new FunctionOf(((Ref) b.left()).name(), b.right(), expression(0));
      }
      expect("]");
      fences.pop();
      return result;
    }
  }

  // ---- the module

  private final Map<String, Node> definitions = new LinkedHashMap<>();
  private final List<String> variables = new ArrayList<>();

  private TlaSubset(String module) {
    List<Token> ts = tokens(module);
    for (int i = 0; i < ts.size(); i++) {
      Token t = ts.get(i);
      if (t.column() != 1) continue;
      if (t.text().equals("VARIABLES")) {
        for (int k = i + 1; k < ts.size() && ts.get(k).line() == t.line(); k++) {
          if (!ts.get(k).text().equals(",")) variables.add(ts.get(k).text());
        }
      } else if (t.text().equals("Spec") || t.text().equals("Fairness")
          || t.text().startsWith("Live_")) {
        continue; // temporal formulas: the explorer reads Init and Next, TLC the configuration
      } else if (i + 1 < ts.size() && ts.get(i + 1).text().equals("==")) {
        Parser p = new Parser(ts, i + 2, 1);
        definitions.put(t.text(), p.expression(0));
        if (p.peek() != null) {
          throw new IllegalArgumentException(t.text() + ": trailing " + p.peek());
        }
      }
    }
  }

  static TlaSubset parse(String module) {
    return new TlaSubset(module);
  }

  // ---- values: Long, Boolean, String, Map (functions, sequences keyed 1..n), Set

  private static final class AssertFailed extends RuntimeException {
    AssertFailed(String message) {
      super(message, null, false, false);
    }
  }

  private record Env(Map<String, Object> bound, Map<String, Object> state) {
    Env bind(String name, Object value) {
      Map<String, Object> b = new HashMap<>(bound);
      b.put(name, value);
      return new Env(b, state);
    }
  }

  /** A LET definition, evaluated when first read. */
  private record Lazy(Node body, Env env) {}

  private Object eval(Node n, Env env) {
    if (n instanceof Num x) return x.value();
    if (n instanceof Str x) return x.value();
    if (n instanceof Bool x) return x.value();
    if (n instanceof Ref r) return ref(r.name(), env);
    if (n instanceof Not x) return !(Boolean) eval(x.operand(), env);
    if (n instanceof Neg x) return -(Long) eval(x.operand(), env);
    if (n instanceof Junction j) {
      for (Node item : j.items()) {
        boolean v = (Boolean) eval(item, env);
        if (j.and() && !v) return false;
        if (!j.and() && v) return true;
      }
      return j.and();
    }
    if (n instanceof Bin b) return binary(b, env);
    if (n instanceof Apply a) {
      Object f = eval(a.function(), env);
      Object v = ((Map<?, ?>) f).get(eval(a.argument(), env));
      if (v == null) throw new IllegalStateException("applied outside the domain: " + a);
      return v;
    }
    if (n instanceof Call c) return call(c, env);
    if (n instanceof Tuple t) {
      Map<Object, Object> seq = new LinkedHashMap<>();
      for (int i = 0; i < t.items().size(); i++) seq.put((long) i + 1, eval(t.items().get(i), env));
      return seq;
    }
    if (n instanceof SetOf s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Node item : s.items()) out.add(eval(item, env));
      return out;
    }
    if (n instanceof Filter f) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object v : (Set<?>) eval(f.set(), env)) {
        if ((Boolean) eval(f.predicate(), env.bind(f.variable(), v))) out.add(v);
      }
      return out;
    }
    if (n instanceof MapSet m) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object v : (Set<?>) eval(m.set(), env)) {
        out.add(eval(m.element(), env.bind(m.variable(), v)));
      }
      return out;
    }
    if (n instanceof FunctionOf f) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object v : (Set<?>) eval(f.set(), env)) {
        out.put(v, eval(f.body(), env.bind(f.variable(), v)));
      }
      return out;
    }
    if (n instanceof Except e) {
      Map<Object, Object> out = new LinkedHashMap<>((Map<?, ?>) eval(e.function(), env));
      Object i = eval(e.index(), env);
      if (!out.containsKey(i)) throw new IllegalStateException("EXCEPT outside the domain");
      if (e.second() == null) {
        out.put(i, eval(e.value(), env));
        return out;
      }
      Map<Object, Object> row = new LinkedHashMap<>((Map<?, ?>) out.get(i));
      Object j = eval(e.second(), env);
      if (!row.containsKey(j)) throw new IllegalStateException("EXCEPT outside the domain");
      row.put(j, eval(e.value(), env));
      out.put(i, row);
      return out;
    }
    if (n instanceof If i) {
      return (Boolean) eval(i.condition(), env) ? eval(i.then(), env) : eval(i.otherwise(), env);
    }
    if (n instanceof Let l) return eval(l.body(), let(l, env));
    if (n instanceof Quantified q) {
      for (Object v : (Set<?>) eval(q.set(), env)) {
        boolean b = (Boolean) eval(q.body(), env.bind(q.variable(), v));
        if (q.all() && !b) return false;
        if (!q.all() && b) return true;
      }
      return q.all();
    }
    throw new IllegalStateException("not an expression here: " + n);
  }

  private Env let(Let l, Env env) {
    Env e = env;
    for (Map.Entry<String, Node> d : l.definitions().entrySet()) {
      e = e.bind(d.getKey(), new Lazy(d.getValue(), e));
    }
    return e;
  }

  private Object ref(String name, Env env) {
    if (env.bound().containsKey(name)) {
      Object v = env.bound().get(name);
      return v instanceof Lazy lazy ? eval(lazy.body(), lazy.env()) : v;
    }
    if (env.state().containsKey(name)) return env.state().get(name);
    if (name.equals("BOOLEAN")) return new LinkedHashSet<>(List.of(false, true));
    Node def = definitions.get(name);
    if (def == null) throw new IllegalStateException("unknown name " + name);
    return eval(def, env);
  }

  private Object binary(Bin b, Env env) {
    switch (b.op()) {
      case "/\\" -> {
        return (Boolean) eval(b.left(), env) && (Boolean) eval(b.right(), env);
      }
      case "\\/" -> {
        return (Boolean) eval(b.left(), env) || (Boolean) eval(b.right(), env);
      }
      case "=>" -> {
        return !(Boolean) eval(b.left(), env) || (Boolean) eval(b.right(), env);
      }
      case "\\in" -> {
        // TLC tests membership of an interval by its bounds; so must we: the overflow checks
        // ask whether a value lies in -2^31 .. 2^31 - 1, which is too large to list.
        if (b.right() instanceof Bin range && range.op().equals("..")) {
          long v = (Long) eval(b.left(), env);
          return (Long) eval(range.left(), env) <= v && v <= (Long) eval(range.right(), env);
        }
      }
      default -> {
      }
    }
    Object l = eval(b.left(), env);
    Object r = eval(b.right(), env);
    return switch (b.op()) {
      case "=" -> l.equals(r);
      case "#" -> !l.equals(r);
      case "\\in" -> ((Set<?>) r).contains(l);
      case "<" -> (Long) l < (Long) r;
      case "<=" -> (Long) l <= (Long) r;
      case ">" -> (Long) l > (Long) r;
      case ">=" -> (Long) l >= (Long) r;
      case "+" -> (Long) l + (Long) r;
      case "-" -> (Long) l - (Long) r;
      case "*" -> (Long) l * (Long) r;
      case "\\div" -> Math.floorDiv((Long) l, (Long) r);
      case "%" -> Math.floorMod((Long) l, (Long) r);
      case ".." -> {
        Set<Object> out = new LinkedHashSet<>();
        for (long k = (Long) l; k <= (Long) r; k++) out.add(k);
        yield out;
      }
      case ":>" -> new LinkedHashMap<>(Map.of(l, r));
      case "@@" -> {
        Map<Object, Object> out = new LinkedHashMap<>((Map<?, ?>) r);
        out.putAll((Map<?, ?>) l);
        yield out;
      }
      default -> throw new IllegalStateException("operator " + b.op());
    };
  }

  @SuppressWarnings("unchecked")
  private Object call(Call c, Env env) {
    List<Object> a = new ArrayList<>();
    if (c.operator().equals("Assert")) {
      if (!(Boolean) eval(c.args().get(0), env)) {
        throw new AssertFailed((String) eval(c.args().get(1), env));
      }
      return true;
    }
    for (Node n : c.args()) a.add(eval(n, env));
    Map<Object, Object> s = a.get(0) instanceof Map<?, ?> m ? (Map<Object, Object>) m : null;
    return switch (c.operator()) {
      case "Len" -> (long) s.size();
      case "Head" -> {
        if (s.isEmpty()) throw new IllegalStateException("Head of <<>>");
        yield s.get(1L);
      }
      case "Tail" -> sub(s, 2, s.size());
      case "Append" -> {
        Map<Object, Object> out = new LinkedHashMap<>(s);
        out.put((long) s.size() + 1, a.get(1));
        yield out;
      }
      case "SubSeq" -> sub(s, (Long) a.get(1), (Long) a.get(2));
      case "Cardinality" -> (long) ((Set<?>) a.get(0)).size();
      default -> throw new IllegalStateException("operator " + c.operator());
    };
  }

  private static Map<Object, Object> sub(Map<Object, Object> s, long from, long to) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (long k = from; k <= to; k++) out.put(k - from + 1, s.get(k));
    return out;
  }

  // ---- actions: the successor assignments a formula allows

  private List<Map<String, Object>> act(Node n, Env env, Map<String, Object> primed,
      boolean init) {
    if (n instanceof Junction j) return junction(j.and(), j.items(), env, primed, init);
    if (n instanceof Bin b && (b.op().equals("/\\") || b.op().equals("\\/"))) {
      return junction(b.op().equals("/\\"), List.of(b.left(), b.right()), env, primed, init);
    }
    if (n instanceof If i) {
      return act((Boolean) eval(i.condition(), env) ? i.then() : i.otherwise(), env, primed,
          init);
    }
    if (n instanceof Let l) return act(l.body(), let(l, env), primed, init);
    if (n instanceof Quantified q && !q.all()) {
      // As TLC does: an existential in an action is explored value by value.
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object v : (Set<?>) eval(q.set(), env)) {
        out.addAll(act(q.body(), env.bind(q.variable(), v), primed, init));
      }
      return out;
    }
    if (n instanceof Ref r && definitions.containsKey(r.name()) && !r.name().equals("vars")
        && !env.bound().containsKey(r.name())) {
      return act(definitions.get(r.name()), env, primed, init);
    }
    if (n instanceof Unchanged u) {
      List<String> names = new ArrayList<>();
      Node what = u.what() instanceof Ref r && r.name().equals("vars")
          ? definitions.get("vars") : u.what();
      for (Node item : ((Tuple) what).items()) names.add(((Ref) item).name());
      Map<String, Object> out = new HashMap<>(primed);
      for (String v : names) {
        if (!bind(out, v, env.state().get(v))) return List.of();
      }
      return List.of(out);
    }
    if (n instanceof Bin b && b.op().equals("=")) {
      String target = b.left() instanceof Primed p ? p.name()
          : init && b.left() instanceof Ref r && variables.contains(r.name()) ? r.name() : null;
      if (target != null) {
        Map<String, Object> out = new HashMap<>(primed);
        return bind(out, target, eval(b.right(), env)) ? List.of(out) : List.of();
      }
    }
    return (Boolean) eval(n, env) ? List.of(primed) : List.of();
  }

  private static boolean bind(Map<String, Object> primed, String v, Object value) {
    Object old = primed.putIfAbsent(v, value);
    return old == null || old.equals(value);
  }

  private List<Map<String, Object>> junction(boolean and, List<Node> items, Env env,
      Map<String, Object> primed, boolean init) {
    if (!and) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Node item : items) out.addAll(act(item, env, primed, init));
      return out;
    }
    List<Map<String, Object>> current = List.of(primed);
    for (Node item : items) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> p : current) next.addAll(act(item, env, p, init));
      current = next;
      if (current.isEmpty()) break;
    }
    return current;
  }

  // ---- the state graph, for the liveness cross-check (TlaLiveness)

  /** The states Init allows. */
  List<Map<String, Object>> initialStates() {
    return act(definitions.get("Init"), new Env(Map.of(), Map.of()), Map.of(), true);
  }

  /** The successors of {@code s} by the action the module defines as {@code action}. */
  List<Map<String, Object>> successors(String action, Map<String, Object> s) {
    Node a = definitions.get(action);
    if (a == null) throw new IllegalArgumentException("the module defines no " + action);
    return act(a, new Env(Map.of(), s), Map.of(), false);
  }

  /** A state predicate written in the module's subset (a temporal formula's operand). */
  Object predicate(String text) {
    Parser p = new Parser(tokens(text), 0, 0);
    Node n = p.expression(0);
    if (p.peek() != null) throw new IllegalArgumentException(text + ": trailing " + p.peek());
    return n;
  }

  boolean holds(Object predicate, Map<String, Object> s) {
    return (Boolean) eval((Node) predicate, new Env(Map.of(), s));
  }

  // ---- the search

  /** Breadth-first from Init, checking {@code invariants} and, if asked, deadlocks. */
  Outcome explore(List<String> invariants, boolean deadlock, long limit) {
    Env empty = new Env(Map.of(), Map.of());
    List<Map<String, Object>> initial;
    try {
      initial = act(definitions.get("Init"), empty, Map.of(), true);
    } catch (AssertFailed e) {
      return new Outcome(0, e.getMessage(), 0);
    }
    Set<Map<String, Object>> seen = new HashSet<>();
    Deque<Map<String, Object>> queue = new ArrayDeque<>();
    Map<Map<String, Object>, Integer> depth = new HashMap<>();
    for (Map<String, Object> s : initial) {
      if (!seen.add(s)) continue;
      String bad = violated(invariants, s);
      if (bad != null) return new Outcome(seen.size(), bad, 0);
      queue.add(s);
      depth.put(s, 0);
    }
    // A violation found while expanding level d is d + 1 steps long; a deadlock later in the
    // same level is d steps long and wins, so the rest of the level is still looked at.
    Outcome pending = null;
    int pendingLevel = -1;
    while (!queue.isEmpty() && seen.size() < limit) {
      Map<String, Object> s = queue.poll();
      int d = depth.get(s);
      if (pending != null && d > pendingLevel) return pending;
      List<Map<String, Object>> next;
      try {
        next = act(definitions.get("Next"), new Env(Map.of(), s), Map.of(), false);
      } catch (AssertFailed e) {
        if (pending == null) {
          pending = new Outcome(seen.size(), e.getMessage(), d + 1);
          pendingLevel = d;
        }
        continue;
      }
      if (next.isEmpty() && deadlock) return new Outcome(seen.size(), "deadlock", d);
      if (pending != null) continue;
      for (Map<String, Object> t : next) {
        if (!t.keySet().equals(new HashSet<>(variables))) {
          throw new IllegalStateException("a step leaves variables unassigned: " + t.keySet());
        }
        if (!seen.add(t)) continue;
        String bad = violated(invariants, t);
        if (bad != null) {
          pending = new Outcome(seen.size(), bad, d + 1);
          pendingLevel = d;
          break;
        }
        depth.put(t, d + 1);
        queue.add(t);
      }
    }
    return pending != null ? pending : new Outcome(seen.size(), null, -1);
  }

  /** The broken invariant, or the property an Assert inside one names (TLC reports both). */
  private String violated(List<String> invariants, Map<String, Object> s) {
    for (String inv : invariants) {
      try {
        if (!(Boolean) eval(definitions.get(inv), new Env(Map.of(), s))) {
          return inv.substring("Inv_".length());
        }
      } catch (AssertFailed e) {
        return e.getMessage();
      }
    }
    return null;
  }
}
