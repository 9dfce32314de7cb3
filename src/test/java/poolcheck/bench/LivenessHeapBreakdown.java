package poolcheck.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import poolcheck.compile.CompiledModel;
import poolcheck.compile.Models;
import poolcheck.explore.liveness.LivenessChecker;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.TransitionSystem;

/**
 * Where the liveness graph's heap goes, per state: after {@code checkEach} of every leads-to
 * property of one configuration, the arrays the checker still holds (its fields, and the fields
 * of the objects they hold, found by reflection, so the same class measures any version of the
 * checker), in bytes per state and per edge; then the peak heap of the check. Arrays a check
 * allocates and drops inside a method are not fields: they show only in the peak. Not a test:
 * run it by hand (docs/performance.md, "The liveness graph's bytes").
 *
 * <p>Arguments: MODEL NAME=VALUE ... [--no-symmetry].
 */
public final class LivenessHeapBreakdown {
  private LivenessHeapBreakdown() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> constants = new LinkedHashMap<>();
    boolean symmetry = true;
    Path model = null;
    for (String a : args) {
      if (a.equals("--no-symmetry")) {
        symmetry = false;
      } else if (a.contains("=")) {
        constants.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else {
        model = Path.of(a);
      }
    }
    CompiledModel loaded = Models.load(model, constants);
    TransitionSystem m = symmetry ? loaded : loaded.withSymmetry(false);
    List<String> names = m.properties().stream()
        .filter(p -> p.kind() == Property.Kind.LIVENESS).map(Property::name).toList();
    PropertySelection live = PropertySelection.of(m, names, false);
    var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
    System.gc();
    long base = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    long cpu = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    LivenessChecker checker = new LivenessChecker(m, live);
    var lassos = checker.checkEach(live);
    double cpuSeconds = (((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        - cpu) / 1e9;
    long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - base;
    long n = checker.distinct();
    Map<String, Long> bytes = new LinkedHashMap<>();
    walk(checker, "", bytes, new IdentityHashMap<>());
    long total = 0;
    System.out.printf(Locale.ROOT, "%s %s%s: %,d states, %.1f s CPU, load average %.2f%n",
        loaded.name(), constants, symmetry ? "" : " (no symmetry)", n, cpuSeconds,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    int violated = 0;
    for (var cx : lassos) if (cx != null) violated++;
    System.out.printf(Locale.ROOT, "  %d of %d leads-to properties violated%n", violated,
        names.size());
    for (var e : bytes.entrySet()) {
      if (e.getValue() < 1024) continue;
      total += e.getValue();
      System.out.printf(Locale.ROOT, "  %-28s %,14d B  %6.2f B/state%n", e.getKey(), e.getValue(),
          (double) e.getValue() / n);
    }
    System.out.printf(Locale.ROOT, "  %-28s %,14d B  %6.2f B/state%n", "held at the end", total,
        (double) total / n);
    System.out.printf(Locale.ROOT, "  %-28s %,14d B  %6.2f B/state%n", "peak heap of the check",
        peak, (double) peak / n);
  }

  /** Adds the bytes of every array reachable from {@code o} through fields, by field path. */
  private static void walk(Object o, String path, Map<String, Long> bytes,
      IdentityHashMap<Object, Boolean> seen) throws IllegalAccessException {
    if (o == null || seen.put(o, true) != null) return;
    Class<?> c = o.getClass();
    if (c.isArray()) {
      Class<?> e = c.getComponentType();
      int length = java.lang.reflect.Array.getLength(o);
      long size = e == long.class || e == double.class ? 8L : e == int.class || e == float.class
          ? 4L : e == short.class || e == char.class ? 2L : e == byte.class || e == boolean.class
          ? 1L : 4L;
      bytes.merge(path, size * length + 16, Long::sum);
      if (!e.isPrimitive()) {
        for (int i = 0; i < length; i++) walk(java.lang.reflect.Array.get(o, i), path, bytes, seen);
      }
      return;
    }
    String name = c.getName();
    boolean ours = name.startsWith("poolcheck.explore.");
    if (!ours && !name.equals("java.util.BitSet")) return;
    List<Field> fields = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) fields.add(f);
      }
    }
    for (Field f : fields) {
      if (ours && !f.getDeclaringClass().getName().startsWith("poolcheck.explore.")) continue;
      f.setAccessible(true);
      walk(f.get(o), path.isEmpty() ? f.getName() : path + "." + f.getName(), bytes, seen);
    }
  }
}
