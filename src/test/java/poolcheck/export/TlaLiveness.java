package poolcheck.export;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What TLC's liveness check would answer for an exported module, read from the module's text
 * alone: the graph of Init and Next as {@link TlaSubset} explores it, the fairness conjuncts of
 * {@code Fairness} ({@code WF_vars(A)}, {@code SF_vars(A)}, A evaluated as an action), and each
 * {@code PROPERTY} of the configuration ({@code P ~> Q}, {@code <>Q}, {@code []<>Q}). TLA+'s
 * semantics, stuttering included: a property is violated when some fair behaviour stays for ever
 * in states where Q fails after one where P held (an initial one for {@code <>Q}). Such a
 * behaviour ends in a strongly connected set of those states (one state stuttered in counts):
 * found by strongly connected components, strong fairness by removing the states where an
 * unserved SF action is enabled (Emerson-Lei). Small graphs only.
 */
final class TlaLiveness {
  private static final Pattern FAIR = Pattern.compile("([WS])F_vars\\((\\w+)\\)");
  private static final Pattern LIVE = Pattern.compile("(?m)^(Live_\\w+) == (.*)$");

  private record Constraint(boolean strong, BitSet enabled, Map<Integer, BitSet> taken) {}

  private final TlaSubset tla;
  private final String module;
  private final List<Map<String, Object>> states = new ArrayList<>();
  private final Map<Map<String, Object>, Integer> index = new HashMap<>();
  private final List<int[]> edges = new ArrayList<>();
  private final List<Constraint> constraints = new ArrayList<>();
  private int initialCount;

  private TlaLiveness(String module) {
    this.tla = TlaSubset.parse(module);
    this.module = module;
    for (Map<String, Object> s : tla.initialStates()) intern(s);
    initialCount = states.size();
    for (int s = 0; s < states.size(); s++) {
      List<Integer> out = new ArrayList<>();
      for (Map<String, Object> t : tla.successors("Next", states.get(s))) out.add(intern(t));
      edges.add(out.stream().mapToInt(Integer::intValue).distinct().toArray());
    }
    int spec = module.indexOf("\nSpec == ");
    String specLine = module.substring(spec + 1, module.indexOf('\n', spec + 1));
    if (specLine.contains("Fairness")) {
      int from = module.indexOf("\nFairness ==\n");
      String fairness = module.substring(from, module.indexOf("\n\n", from));
      Matcher m = FAIR.matcher(fairness);
      while (m.find()) constraints.add(constraint(m.group(1).equals("S"), m.group(2)));
    }
  }

  /** The module's graph and fairness. */
  static TlaLiveness of(String module) {
    return new TlaLiveness(module);
  }

  /** Each PROPERTY of {@code config}, by property name: whether a fair behaviour violates it. */
  Map<String, Boolean> violated(String config) {
    if (!config.contains("SPECIFICATION Spec\n")) {
      throw new IllegalArgumentException("liveness needs SPECIFICATION Spec:\n" + config);
    }
    Map<String, String> formulas = new HashMap<>();
    Matcher m = LIVE.matcher(module);
    while (m.find()) formulas.put(m.group(1), m.group(2));
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String line : config.lines().toList()) {
      if (!line.startsWith("PROPERTY ")) continue;
      String name = line.substring("PROPERTY ".length());
      String formula = formulas.get(name);
      if (formula == null) throw new IllegalArgumentException("no definition of " + name);
      out.put(name.substring("Live_".length()), violates(formula));
    }
    return out;
  }

  int distinct() {
    return states.size();
  }

  private int intern(Map<String, Object> s) {
    Integer known = index.get(s);
    if (known != null) return known;
    states.add(s);
    index.put(s, states.size() - 1);
    return states.size() - 1;
  }

  /** An action's steps that change the state, and the states where it has one. */
  private Constraint constraint(boolean strong, String action) {
    BitSet enabled = new BitSet();
    Map<Integer, BitSet> taken = new HashMap<>();
    for (int s = 0; s < states.size(); s++) {
      for (Map<String, Object> t : tla.successors(action, states.get(s))) {
        Integer target = index.get(t);
        if (target == null) throw new IllegalStateException(action + " leaves Next's graph");
        if (target == s) continue;
        enabled.set(s);
        taken.computeIfAbsent(s, k -> new BitSet()).set(target);
      }
    }
    return new Constraint(strong, enabled, taken);
  }

  private boolean violates(String formula) {
    Object p;
    Object q;
    boolean fromInitial = false;
    if (formula.startsWith("[]<>")) {
      p = null;
      q = tla.predicate(formula.substring(4));
    } else if (formula.startsWith("<>")) {
      fromInitial = true;
      p = null;
      q = tla.predicate(formula.substring(2));
    } else {
      int at = formula.indexOf(" ~> ");
      if (at < 0) throw new IllegalArgumentException("not a liveness formula: " + formula);
      p = tla.predicate(formula.substring(0, at));
      q = tla.predicate(formula.substring(at + 4));
    }
    int n = states.size();
    BitSet bad = new BitSet();
    for (int s = 0; s < n; s++) if (!tla.holds(q, states.get(s))) bad.set(s);
    // R: the states where Q fails, reachable through such states from where the premise held.
    BitSet r = new BitSet();
    List<Integer> queue = new ArrayList<>();
    for (int s = bad.nextSetBit(0); s >= 0; s = bad.nextSetBit(s + 1)) {
      boolean premise = fromInitial ? s < initialCount : p == null || tla.holds(p, states.get(s));
      if (premise) {
        r.set(s);
        queue.add(s);
      }
    }
    for (int head = 0; head < queue.size(); head++) {
      for (int t : edges.get(queue.get(head))) {
        if (bad.get(t) && !r.get(t)) {
          r.set(t);
          queue.add(t);
        }
      }
    }
    return hasFairComponent(r);
  }

  private boolean hasFairComponent(BitSet allowed) {
    for (BitSet c : components(allowed)) {
      BitSet unserved = new BitSet();
      boolean weakStarved = false;
      for (int k = 0; k < constraints.size(); k++) {
        Constraint f = constraints.get(k);
        boolean taken = false;
        for (int s = c.nextSetBit(0); s >= 0 && !taken; s = c.nextSetBit(s + 1)) {
          BitSet to = f.taken().get(s);
          taken = to != null && to.intersects(c);
        }
        if (taken) continue;
        BitSet enabledHere = (BitSet) f.enabled().clone();
        enabledHere.and(c);
        if (!f.strong() && enabledHere.cardinality() == c.cardinality()) weakStarved = true;
        if (f.strong() && !enabledHere.isEmpty()) unserved.or(enabledHere);
      }
      if (weakStarved) continue;
      if (unserved.isEmpty()) return true;
      BitSet rest = (BitSet) c.clone();
      rest.andNot(unserved);
      if (!rest.isEmpty() && hasFairComponent(rest)) return true;
    }
    return false;
  }

  /** Strongly connected components of the graph on {@code allowed}, recursive Tarjan. */
  private List<BitSet> components(BitSet allowed) {
    List<BitSet> out = new ArrayList<>();
    Map<Integer, Integer> num = new HashMap<>();
    Map<Integer, Integer> low = new HashMap<>();
    List<Integer> stack = new ArrayList<>();
    BitSet onStack = new BitSet();
    for (int s = allowed.nextSetBit(0); s >= 0; s = allowed.nextSetBit(s + 1)) {
      if (!num.containsKey(s)) tarjan(s, allowed, num, low, stack, onStack, out);
    }
    return out;
  }

  private void tarjan(int s, BitSet allowed, Map<Integer, Integer> num,
      Map<Integer, Integer> low, List<Integer> stack, BitSet onStack, List<BitSet> out) {
    num.put(s, num.size());
    low.put(s, num.get(s));
    stack.add(s);
    onStack.set(s);
    for (int t : edges.get(s)) {
      if (!allowed.get(t)) continue;
      if (!num.containsKey(t)) {
        tarjan(t, allowed, num, low, stack, onStack, out);
        low.put(s, Math.min(low.get(s), low.get(t)));
      } else if (onStack.get(t)) {
        low.put(s, Math.min(low.get(s), num.get(t)));
      }
    }
    if (low.get(s).equals(num.get(s))) {
      BitSet c = new BitSet();
      int t;
      do {
        t = stack.remove(stack.size() - 1);
        onStack.clear(t);
        c.set(t);
      } while (t != s);
      out.add(c);
    }
  }
}
