package poolcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A seeded generator of bad inputs for the command line: mutated shipped and corpus models,
 * truncations, random bytes, deep nesting, huge ranges, odd paths, odd flags and flag values,
 * outputs aimed at inputs, and mutated JSON and ITF traces for replay. Each case is a command
 * line plus the files it reads, written under a directory of its own.
 */
final class BadInputs {
  enum Family {
    TOKEN_DELETE, TOKEN_DUPLICATE, TOKEN_SWAP, HUGE_NUMBER, TRUNCATION, RANDOM_BYTES,
    DEEP_NESTING, LONG_FLAT, HUGE_RANGE, ODD_PATH, ODD_FLAG, OUTPUT_OVER_INPUT, REPLAY_JSON,
    REPLAY_ITF, DEF_ASSUME_LOCALS, RECORDS, TWO_DIMENSIONAL_ARRAYS, FEATURE_PRECONDITION
  }

  /**
   * One generated input. {@code content}: the files exist and are readable, only their text is
   * bad, so a rejection must be a coded diagnostic. {@code inputs}: files no run may change.
   */
  record Case(int id, Family family, String what, List<String> args, boolean content,
      List<Path> inputs, Set<String> only) {
    Case(int id, Family family, String what, List<String> args, boolean content,
        List<Path> inputs) {
      this(id, family, what, args, content, inputs, Set.of());
    }


    @Override
    public String toString() {
      return "#" + id + " " + family + " (" + what + "): poolcheck " + String.join(" ",
          args.stream().map(a -> a.length() > 120 ? a.substring(0, 120) + "..." : a).toList());
    }
  }

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern TOKEN = Pattern.compile(
      "//[^\n]*|/\\*.*?\\*/|\"[^\"\n]*\"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+"
          + "|\\.\\.|==|!=|<=|>=|&&|\\|\\||=>|~>|\\S",
      Pattern.DOTALL);
  private static final Pattern NUMBER =
      Pattern.compile("(?<![A-Za-z_0-9])[0-9]+(?![A-Za-z_0-9])");
  private static final String[] HUGE = {"2147483647", "2147483648", "4294967296", "-1",
      "-2147483648", "9223372036854775807", "9223372036854775808",
      "1000000000000000000000000000000", "0", "65536", "1000000"};

  private final boolean thorough;
  private final Random random;
  private final Path dir;
  private final List<Path> shipped;
  private final List<Path> corpus;
  private String jsonTrace;
  private String itfTrace;

  /** {@code thorough}: also the largest sizes (200,000 terms, 20,000 levels), for the slow tier. */
  BadInputs(long seed, Path dir, boolean thorough) {
    this.thorough = thorough;
    this.random = new Random(seed);
    this.dir = dir;
    this.shipped = list(ROOT.resolve("models"));
    List<Path> c = new ArrayList<>();
    for (String kind : List.of("verified", "violated", "regressions")) {
      c.addAll(list(ROOT.resolve("src/test/resources/corpus/" + kind)));
    }
    this.corpus = c;
  }

  /** The {@code id}th case: every family in turn, each with its own random choices. */
  Case next(int id) {
    Family family = Family.values()[id % Family.values().length];
    Path caseDir = dir.resolve("case" + id);
    try {
      Files.createDirectories(caseDir);
      return generate(id, family, caseDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Case generate(int id, Family family, Path d) throws IOException {
    return switch (family) {
      case TOKEN_DELETE, TOKEN_DUPLICATE, TOKEN_SWAP, HUGE_NUMBER, TRUNCATION, RANDOM_BYTES ->
          mutation(id, family, d);
      case DEEP_NESTING -> deepNesting(id, d);
      case LONG_FLAT -> longFlat(id, d);
      case HUGE_RANGE -> hugeRange(id, d);
      case ODD_PATH -> oddPath(id, d);
      case ODD_FLAG -> oddFlag(id, d);
      case OUTPUT_OVER_INPUT -> outputOverInput(id, d);
      case REPLAY_JSON, REPLAY_ITF -> replay(id, family, d);
      case DEF_ASSUME_LOCALS -> defAssumeLocals(id, d);
      case RECORDS -> records(id, d);
      case TWO_DIMENSIONAL_ARRAYS -> twoDimensionalArrays(id, d);
      case FEATURE_PRECONDITION -> featurePrecondition(id, d);
    };
  }

  // ---- mutations of the shipped and corpus models

  private Case mutation(int id, Family family, Path d) throws IOException {
    boolean fromShipped = random.nextInt(3) == 0;
    Path source = pick(fromShipped ? shipped : corpus);
    Path model = d.resolve(source.getFileName());
    List<Path> inputs = new ArrayList<>();
    Path target = model;
    Files.copy(source, model);
    inputs.add(model);
    if (fromShipped) {
      Path common = d.resolve("common/page_pool.pool");
      Files.createDirectories(common.getParent());
      Files.copy(ROOT.resolve("models/common/page_pool.pool"), common);
      inputs.add(common);
      if (random.nextBoolean()) target = common;
    }
    byte[] bytes = Files.readAllBytes(target);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String what;
    switch (family) {
      case TOKEN_DELETE, TOKEN_DUPLICATE, TOKEN_SWAP -> {
        List<int[]> tokens = tokens(text);
        if (tokens.size() < 2) family = Family.TOKEN_DELETE;
        int k = random.nextInt(family == Family.TOKEN_SWAP ? tokens.size() - 1 : tokens.size());
        int[] t = tokens.get(k);
        String tok = text.substring(t[0], t[1]);
        if (family == Family.TOKEN_DELETE) {
          text = text.substring(0, t[0]) + text.substring(t[1]);
          what = "delete '" + tok + "' at " + t[0];
        } else if (family == Family.TOKEN_DUPLICATE) {
          text = text.substring(0, t[1]) + " " + tok + text.substring(t[1]);
          what = "duplicate '" + tok + "' at " + t[0];
        } else {
          int[] u = tokens.get(Math.min(tokens.size() - 1, k + 1 + random.nextInt(3)));
          String other = text.substring(u[0], u[1]);
          text = text.substring(0, t[0]) + other + text.substring(t[1], u[0]) + tok
              + text.substring(u[1]);
          what = "swap '" + tok + "' and '" + other + "' at " + t[0];
        }
        Files.writeString(target, text);
      }
      case HUGE_NUMBER -> {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) numbers.add(new int[] {m.start(), m.end()});
        String huge = HUGE[random.nextInt(HUGE.length)];
        if (numbers.isEmpty()) {
          text = text + "\nconst HUGE_ADDED = " + huge + ";\n";
          what = "add a constant " + huge;
        } else {
          int[] n = pick(numbers);
          what = text.substring(n[0], n[1]) + " -> " + huge + " at " + n[0];
          text = text.substring(0, n[0]) + huge + text.substring(n[1]);
        }
        if (huge.equals("2147483647")) {
          // the number may be a container's capacity or an array's size
          what += " (a size may grow to 2^31)";
        } else if (List.of("65536", "1000000").contains(huge)
            && (text.contains("scalarset") || target != model)) {
          // the number may be a scalarset's size: symmetry over its permutations
          what += " (a scalarset may grow)";
        }
        Files.writeString(target, text);
      }
      case TRUNCATION -> {
        int cut = random.nextInt(bytes.length + 1);
        Files.write(target, Arrays.copyOf(bytes, cut));
        what = "truncate " + target.getFileName() + " at byte " + cut + " of " + bytes.length;
      }
      default -> {
        byte[] noise = new byte[1 + random.nextInt(64)];
        random.nextBytes(noise);
        int how = random.nextInt(3);
        byte[] out;
        if (how == 0) {
          out = noise;
          what = noise.length + " random bytes";
        } else if (how == 1) {
          int at = random.nextInt(bytes.length + 1);
          out = new byte[bytes.length + noise.length];
          System.arraycopy(bytes, 0, out, 0, at);
          System.arraycopy(noise, 0, out, at, noise.length);
          System.arraycopy(bytes, at, out, at + noise.length, bytes.length - at);
          what = noise.length + " random bytes inserted at " + at;
        } else {
          out = bytes.clone();
          int at = random.nextInt(out.length);
          out[at] = (byte) (0x80 | random.nextInt(128));
          what = "byte " + at + " set to a non-ASCII value";
        }
        Files.write(target, out);
      }
    }
    return new Case(id, family, source.getFileName() + ": " + what
        + (target != model ? " in the include" : ""),
        command(model, fromShipped, d), true, inputs);
  }

  /**
   * check (mostly), simulate or export of {@code model}, bounded so a valid model ends soon;
   * check writes its result to result.json, so that a violation can be replayed.
   */
  private List<String> command(Path model, boolean big, Path d) {
    int c = random.nextInt(10);
    if (c < 7) {
      return List.of("check", "-q", "--workers", "1", "--max-states", big ? "3000" : "20000",
          "--json", d.resolve("result.json").toString(), model.toString());
    }
    if (c < 9) {
      return List.of("simulate", "--runs", "3", "--depth", "60", "--seed",
          Integer.toString(random.nextInt(1000)), model.toString());
    }
    return List.of("export", "--to", random.nextBoolean() ? "promela" : "tla", model.toString());
  }

  // ---- generated models

  private static final String HEAD = "model generated;\nvar x : 0 .. 3 = 0;\n"
      + "var a : (0 .. 3)[0 .. 3] = 0;\n";

  private Case deepNesting(int id, Path d) throws IOException {
    int depth = pick(thorough ? List.of(1_000, 5_000, 20_000) : List.of(1_000, 3_000));
    String kind = pick(List.of("parentheses", "index", "if", "min", "quantifier", "not",
        "unary minus", "choose", "blocks"));
    // Checking nested quantifiers costs time quadratic in the depth today (5 to 12 s at 5,000).
    if (kind.equals("quantifier")) depth = 1_000;
    StringBuilder e = new StringBuilder();
    String body;
    switch (kind) {
      case "parentheses" -> body = "x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";";
      case "index" -> body = "x = " + "a[".repeat(depth) + "0" + "]".repeat(depth) + ";";
      case "min" -> body = "x = " + "min(1, ".repeat(depth) + "1" + ")".repeat(depth) + ";";
      case "not" -> body = "when (" + "!".repeat(depth) + "true) { x = 1; }";
      case "unary minus" -> body = "x = " + "-".repeat(depth) + "1;";
      case "quantifier" -> {
        for (int i = 0; i < depth; i++) e.append("exists q").append(i).append(" in 0 .. 1: ");
        body = "when (" + e + "true) { x = 1; }";
      }
      case "if" -> body = "if (x == 0) { ".repeat(depth) + "x = 1;" + " }".repeat(depth);
      case "choose" -> {
        for (int i = 0; i < depth; i++) e.append("choose c").append(i).append(" in 0 .. 1 { ");
        body = e + "x = 1;" + " }".repeat(depth);
      }
      default -> body = "{ ".repeat(depth) + "x = 1;" + " }".repeat(depth);
    }
    if (!body.startsWith("when") && !body.startsWith("{")) body = "{ " + body + " }";
    Path model = d.resolve("deep.pool");
    Files.writeString(model, HEAD + "process p {\n  s: " + body + "\n}\ninvariant ok: x <= 3;\n");
    return new Case(id, Family.DEEP_NESTING, depth + " nested " + kind,
        List.of("check", "-q", "--workers", "1", model.toString()), true, List.of(model));
  }

  /**
   * def, assume and another process's local misused: defs that double at each level (2^n
   * nodes), deep or cyclic chains, instances out of range, a local read in a step, text cut
   * after the '.', wrong arity, an assume that is not a condition. Each must be refused with a
   * code (or checked, for the few that are valid), quickly.
   */
  private Case defAssumeLocals(int id, Path d) throws IOException {
    String head = "model generated;\nvar x : 0 .. 3 = 0;\n"
        + "process reader[2] { var got : 0 .. 3 = 0; read: { got = x; } }\n";
    String kind = pick(List.of("doubling", "cycle", "deep chain", "instance", "in a step",
        "cut after dot", "arity", "assume", "count"));
    int n = pick(List.of(3, 40, 1_500));
    StringBuilder t = new StringBuilder(head);
    switch (kind) {
      case "doubling" -> {
        t.append("def d0 = x > 0;\n");
        for (int i = 1; i <= n; i++) {
          t.append("def d").append(i).append(" = d").append(i - 1).append(" && d")
              .append(i - 1).append(";\n");
        }
        t.append("invariant big: d").append(n).append(";\n");
      }
      case "cycle" -> {
        for (int i = 0; i < n; i++) {
          t.append("def c").append(i).append("(v) = c").append((i + 1) % n).append("(v);\n");
        }
        t.append("invariant i: c0(x);\n");
      }
      case "deep chain" -> {
        t.append("def d0(v) = v;\n");
        for (int i = 1; i <= n; i++) {
          t.append("def d").append(i).append("(v) = -d").append(i - 1).append("(v);\n");
        }
        t.append("invariant i: d").append(n).append("(x) <= 3;\n");
      }
      case "instance" -> t.append("invariant i: reader[")
          .append(pick(List.of("2", "-1", "2147483647", "x", "x * 1000"))).append("].got == 0;\n");
      case "in a step" -> t.append("process w { s: { x = reader[0].got; } }\n");
      case "cut after dot" -> t.append("invariant i: reader[0].");
      case "arity" -> t.append("def f(a, b) = a + b > 0;\ninvariant i: f(")
          .append(String.join(", ", java.util.Collections.nCopies(n % 7, "x"))).append(");\n");
      case "assume" -> t.append("assume ").append(pick(List.of("x + 1", "reader", "reader[0]",
          "x <= 2", ";", "count count in 0 .. 1: true"))).append(";\n");
      default -> t.append("var count : 0 .. 3 = 0;\ninvariant i: count count in 0 .. 1: ")
          .append("count == count;\n");
    }
    Path model = d.resolve("defs.pool");
    Files.writeString(model, t.toString());
    return new Case(id, Family.DEF_ASSUME_LOCALS, kind + " (" + n + ")",
        List.of("check", "-q", "--workers", "1", "--max-states", "20000", model.toString()),
        true, List.of(model));
  }

  /** Records misused, cut short or exported under a clashing name. */
  private Case records(int id, Path d) throws IOException {
    String head = "model generated;\ntype Id = 0 .. 1;\n"
        + "type Page = record { refs : 0 .. 2, mapped : bool };\n"
        + "var page : Page[Id] = {refs: 1};\nvar cur : Page;\n";
    String kind = pick(List.of("unknown field", "whole", "no index", "extra index", "local",
        "nested", "domain", "literal in a step", "empty record", "cut after dot", "cut in type",
        "out of range", "export clash", "huge array", "record index"));
    StringBuilder t = new StringBuilder(kind.equals("cut in type") ? "" : head);
    String step = switch (kind) {
      case "unknown field" -> "page[0].ref = 1;";
      case "whole" -> pick(List.of("cur = page[0];", "when (page[0] == page[1]);",
          "page[1] = cur;", "cur.refs = len(cur);"));
      case "no index" -> "page.refs = 1;";
      case "extra index" -> "cur[0].refs = 1;";
      case "literal in a step" -> "cur = {refs: 1};";
      case "out of range" -> "page[self].refs = page[self].refs + 2;";
      default -> "cur.refs = 1;";
    };
    switch (kind) {
      case "local" -> t.append("process p[2] { var mine : Page; s: { ").append(step)
          .append(" } }\n");
      case "nested" -> t.append("var deep : record { inner : Page };\n");
      case "domain" -> t.append("invariant i: exists q in Page: cur.mapped;\n");
      case "empty record" -> t.append("var none : record { };\n");
      case "cut after dot" -> t.append("invariant i: page[0].");
      case "cut in type" -> t.append("type Page = record { refs : 0 .. 2, ");
      case "export clash" -> t.append("var page_refs : bool;\n");
      case "huge array" -> t.append("var big : Page[0 .. 2147483646];\n");
      case "record index" -> t.append("var odd : bool[Page];\n");
      default -> { }
    }
    if (!kind.startsWith("cut")) {
      t.append("process p[2] { s: { ").append(step).append(" } }\n");
      t.append("invariant refs: forall i in Id: page[i].refs <= 2;\n");
    }
    return modelCase(id, Family.RECORDS, kind, d.resolve("records.pool"), t.toString(),
        kind.equals("export clash"));
  }

  /** A model written to {@code model}, checked (bounded) or exported to a random target. */
  private Case modelCase(int id, Family family, String kind, Path model, String text,
      boolean export) throws IOException {
    Files.writeString(model, text);
    List<String> args = export
        ? List.of("export", model.toString(), "--to", pick(List.of("promela", "tla")))
        : List.of("check", "-q", "--workers", "1", "--max-states", "20000", model.toString());
    return new Case(id, family, kind, args, true, List.of(model));
  }

  /**
   * Two-dimensional arrays indexed too few or too many times, with a third dimension, out of
   * range in either index, of records, cut short, too large, or exported.
   */
  private Case twoDimensionalArrays(int id, Path d) throws IOException {
    String head = "model generated;\ntype Id = scalarset(2);\ntype Cpu = 0 .. 1;\n"
        + "var held : (0 .. 2)[Id][Cpu] = 0;\n";
    String kind = pick(List.of("one index", "three indices", "no index", "third dimension",
        "first out of range", "second out of range", "value out of range", "of records",
        "record field", "cut in index", "cut in type", "huge table", "scalarset literal",
        "swapped indices", "export", "indexed one-dimensional twice"));
    StringBuilder t = new StringBuilder(kind.equals("cut in type") ? "" : head);
    String step = switch (kind) {
      case "one index" -> pick(List.of("held[p][self] = held[p];", "held[p] = 1;"));
      case "three indices" -> "held[p][self][0] = 1;";
      case "no index" -> pick(List.of("when (held == 0);", "held = 1;"));
      case "first out of range", "scalarset literal" -> "held[0][self] = 1;";
      case "second out of range" -> "held[p][self + 1] = 1;";
      case "value out of range" -> "held[p][self] = held[p][self] + 2;";
      case "swapped indices" -> "held[self][p] = 1;";
      case "indexed one-dimensional twice" -> "mapped[p][0] = true;";
      case "record field" -> "when (page[p][self].refs == 0);";
      default -> "held[p][self] = 1;";
    };
    switch (kind) {
      case "third dimension" -> t.append("var cube : bool[Id][Cpu][Cpu];\n");
      case "of records" -> t.append("type Page = record { refs : 0 .. 1 };\n"
          + "var grid : Page[Id][Cpu];\n");
      case "record field" -> t.append("type Page = record { refs : 0 .. 1 };\n"
          + "var page : Page[Id];\n");
      case "cut in index" -> t.append("invariant i: held[0][");
      case "cut in type" -> t.append("var held : bool[0 .. 1][");
      case "huge table" -> t.append("var big : bool[0 .. 65535][0 .. 65535];\n");
      case "indexed one-dimensional twice" -> t.append("var mapped : bool[Id];\n");
      default -> { }
    }
    if (!kind.startsWith("cut")) {
      t.append("process p[2] { s: atomic \"t\" { choose p in Id { ").append(step)
          .append(" } } }\n");
      t.append("invariant bounded: forall i in Id: held[i][0] + held[i][1] <= 4;\n");
    }
    return modelCase(id, Family.TWO_DIMENSIONAL_ARRAYS, kind, d.resolve("tables.pool"),
        t.toString(), kind.equals("export"));
  }

  private Case longFlat(int id, Path d) throws IOException {
    int n = pick(thorough ? List.of(10_000, 100_000, 200_000) : List.of(3_000, 30_000));
    boolean invariant = random.nextBoolean();
    String text = invariant
        ? HEAD + "process p { s: { x = 1; } }\ninvariant big: "
            + String.join(" && ", java.util.Collections.nCopies(n, "x <= 3")) + ";\n"
        : HEAD + "process p { s: { x = (" + String.join("+", java.util.Collections.nCopies(n, "1"))
            + ") - " + n + "; } }\ninvariant ok: x <= 3;\n";
    Path model = d.resolve("flat.pool");
    Files.writeString(model, text);
    return new Case(id, Family.LONG_FLAT, (invariant ? "an invariant of " + n + " conjuncts"
        : "a sum of " + n + " terms"), List.of("check", "-q", "--workers", "1", model.toString()),
        true, List.of(model));
  }

  private Case hugeRange(int id, Path d) throws IOException {
    String kind = pick(List.of("range", "array", "fifo", "scalarset", "choose", "instances",
        "const"));
    String text;
    String what;
    switch (kind) {
      case "range" -> {
        String hi = pick(List.of("2147483647", "2147483646", "1000000"));
        text = "model r;\nvar x : 0 .. " + hi + " = 0;\nprocess p { s: { x = " + hi
            + "; } }\ninvariant ok: x >= 0;\n";
        what = "a variable of 0 .. " + hi;
      }
      case "array" -> {
        String n = pick(List.of("1000000", "100000000", "2147483647"));
        text = "model r;\nvar a : bool[0 .. " + n + " - 1] = false;\nprocess p { s: { a[0] = "
            + "true; } }\ninvariant ok: !a[1];\n";
        what = "an array of " + n + " booleans";
      }
      case "fifo" -> {
        String n = pick(List.of("2147483647", "1000000"));
        text = "model r;\nvar q : fifo<0 .. 1, " + n + ">;\nprocess p { s: { push(q, 1); } }\n"
            + "invariant ok: true;\n";
        what = "a fifo of capacity " + n;
      }
      case "scalarset" -> {
        String n = pick(List.of("9", "12", "10000"));
        text = "model r;\nconst N = " + n + ";\ntype S = scalarset(N);\nvar owner : bool[S] = "
            + "false;\nprocess p { s: { choose i in S { owner[i] = true; } } }\n"
            + "invariant ok: true;\n";
        what = "a scalarset of " + n;
      }
      case "choose" -> {
        text = "model r;\nvar x : 0 .. 1 = 0;\nprocess p { s: { choose i in 0 .. 2147483646 { "
            + "x = 1; } } }\ninvariant ok: x <= 1;\n";
        what = "choose over 2^31 values";
      }
      case "instances" -> {
        String n = pick(List.of("100000", "2147483647"));
        text = "model r;\nvar x : 0 .. 1 = 0;\nprocess p[" + n + "] { s: { x = 1; } }\n"
            + "invariant ok: x <= 1;\n";
        what = n + " process instances";
      }
      default -> {
        String v = pick(List.of("65536 * 65536", "2147483647 + 1", "-2147483648 - 1",
            "2147483647 * 2147483647"));
        text = "model r;\nconst A = " + v + ";\nvar x : 0 .. 1 = 0;\nprocess p { s: { x = 1; } }"
            + "\ninvariant ok: A != 0;\n";
        what = "const A = " + v;
      }
    }
    Path model = d.resolve("range.pool");
    Files.writeString(model, text);
    // A constant that overflows has one right answer: an error when the model is loaded.
    return new Case(id, Family.HUGE_RANGE, what, List.of("check", "-q", "--workers", "1",
        "--max-states", "20000", model.toString()), true, List.of(model),
        kind.equals("const") ? Set.of("CODED") : Set.of());
  }

  /**
   * A shipped design with feature constants set by -D to a combination the shared model's
   * constant assumptions rule out: one right answer, a coded error when the model is loaded.
   */
  private Case featurePrecondition(int id, Path d) throws IOException {
    Path source = pick(shipped);
    Path model = d.resolve(source.getFileName());
    Path common = d.resolve("common/page_pool.pool");
    Files.createDirectories(common.getParent());
    Files.copy(source, model);
    Files.copy(ROOT.resolve("models/common/page_pool.pool"), common);
    String feature = String.valueOf(1 + random.nextInt(3));
    String provider = String.valueOf(1 + random.nextInt(6));
    String context = pick(List.of("0", "2", "3"));
    List<String> defines = pick(List.of(
        List.of("QUEUE_RESTART=" + feature, "RETURN_CONTEXT=" + context),
        List.of("NAPI_FREE=" + feature, "RETURN_CONTEXT=" + context),
        List.of("NAPI_FREE=" + feature, "RETURN_CONTEXT=1", "MEMORY_PROVIDER=" + provider),
        List.of("NAPI_FREE=" + feature, "RETURN_CONTEXT=1", "INFLIGHT_TRACKING=true"),
        List.of("NAPI_FREE=" + feature, "RETURN_CONTEXT=1", "QUEUE_RESTART=" + feature),
        List.of("FRAG_RX_POSTED=true", "FRAGMENTS=false"),
        List.of("UNMAP_NETMEM_DMA=true", "DMA_TRACKING=false"),
        List.of(pick(List.of("RETURN_UNMAP_RCU", "SCRUB_UNMAP_UNDER_XA_LOCK",
            "SYNC_TEST_UNDER_RCU", "SCRUB_INDEX_FROM_XA")) + "=true", "DMA_TRACKING=false"),
        List.of("MIXED_CONTEXTS=true", "CONSUMERS=1"),
        List.of("MIXED_CONTEXTS=true", "CONSUMERS=2", "RETURN_CONTEXT=" + feature),
        List.of("TASK_BH_READER=true", "RETURN_CONTEXT=" + feature),
        List.of("QUEUES=2", "MEMORY_PROVIDER=0"),
        List.of("OTHER_POOL=" + (1 + random.nextInt(2)), "MIXED_BULK=false"),
        List.of("CACHE_SIZE=1", "CACHE_REFILL=" + (2 + random.nextInt(3)))));
    List<String> args = new ArrayList<>(List.of("check", "-q", "--workers", "1",
        "--max-states", "20000"));
    for (String define : defines) {
      args.add("-D");
      args.add(define);
    }
    args.add(model.toString());
    return new Case(id, Family.FEATURE_PRECONDITION, source.getFileName() + " "
        + String.join(" ", defines), args, true, List.of(model, common), Set.of("CODED"));
  }

  // ---- paths, flags and outputs

  private Case oddPath(int id, Path d) throws IOException {
    String kind = pick(List.of("directory", "nul byte", "dev null", "nonexistent", "empty file",
        "whitespace", "comment", "model line", "newline in name", "long name", "missing parent",
        "dev zero", "named pipe", "symlink loop"));
    Path p;
    boolean content = false;
    String arg;
    switch (kind) {
      case "directory" -> arg = d.toString();
      case "nul byte" -> arg = d + "/a\0b.pool";
      case "dev null" -> arg = "/dev/null";
      case "nonexistent" -> arg = d.resolve("nowhere.pool").toString();
      case "newline in name" -> arg = d.resolve("a\nb.pool").toString();
      case "long name" -> arg = d.resolve("x".repeat(300) + ".pool").toString();
      case "missing parent" -> arg = d.resolve("no/such/dir/m.pool").toString();
      case "dev zero" -> arg = "/dev/zero";
      case "named pipe" -> {
        p = d.resolve("pipe.pool");
        try {
          new ProcessBuilder("mkfifo", p.toString()).start().waitFor(5,
              java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        arg = p.toString();
      }
      case "symlink loop" -> {
        p = d.resolve("loop.pool");
        Files.createSymbolicLink(p, p);
        arg = p.toString();
      }
      default -> {
        p = d.resolve("odd.pool");
        Files.writeString(p, switch (kind) {
          case "empty file" -> "";
          case "whitespace" -> " \n\t\n  ";
          case "comment" -> "// nothing but a comment\n";
          default -> "model lonely;\n";
        });
        content = true;
        arg = p.toString();
      }
    }
    String cmd = pick(List.of("check", "check", "simulate", "export", "replay"));
    List<String> args = switch (cmd) {
      case "simulate" -> List.of("simulate", "--runs", "2", "--depth", "10", "--seed", "1", arg);
      case "export" -> List.of("export", "--to", "promela", arg);
      case "replay" -> List.of("replay", corpus("violated/lost_update.pool"), arg);
      default -> List.of("check", "-q", "--workers", "1", arg);
    };
    // For replay, the odd path is the trace: its content is JSON's business, not a model's.
    return new Case(id, Family.ODD_PATH, kind + " as " + (cmd.equals("replay") ? "trace" : "model"),
        args, content && !cmd.equals("replay"), List.of());
  }

  private static final String[][] CHECK_FLAGS = {
      {"--max-states", "0", "-1", "9223372036854775807", "9223372036854775808", "abc", "", "1e3",
          "5"},
      {"--max-depth", "0", "-1", "2147483647", "2147483648", "x", "3"},
      {"--time-limit", "0", "-1", "9223372036854775807", "1000000001", "x", "1"},
      {"--workers", "0", "-5", "2147483647", "100000", "257", "1", "2"},
      {"--property", ",,", "", "nope", "a,,b", " ", "deadlock", "counter_bounded,,"},
      {"--config", "", "nope", "large"},
      {"-D", "=", "X", "N=", "N=abc", "N=99999999999999999999", "N=-1", "N=1e3", "=5", "N=3",
          "CPUS=0", "CPUS=2147483647"},
      {"--trace-format", ",", "", "bogus", "json,,itf", "html"},
      {"--trace-out", "DIR/sub/", "DIR/t", "/dev/null/x", "/proc/nonexistent/x"},
      {"--json", "", "/", "/dev/null", "/nonexistent/dir/x.json"},
      {"--frontier-memory", "0", "-1", "9223372036854775807", "x"},
      {"--checkpoint-interval", "NaN", "-1", "Infinity", "0", "1e300"},
      {"--progress-interval", "NaN", "-1", "Infinity", "0"},
      {"--spill-dir", "/nonexistent", "/dev/null", "DIR"},
      {"--resume", "/nonexistent", "/tmp", ""},
      {"--no-such-flag"}, {"--exact"}, {"--no-symmetry"}, {"--fewest-switches"},
      {"--all-violations"}, {"--no-deadlock"}, {"--debug"}, {"-q"},
  };
  private static final String[][] SIMULATE_FLAGS = {
      {"--runs", "0", "-1", "2147483648", "x", "2"},
      {"--depth", "-1", "2147483648", "x", "0", "20"},
      {"--seed", "x", "9223372036854775808", "-9223372036854775808", "7"},
      {"--property", ",,", "", "nope"},
      {"--json", "", "/", "/nonexistent/x.json"},
      {"-D", "=", "N=abc", "CPUS=-1"},
      {"--no-such-flag"}, {"--no-shrink"},
  };

  private Case oddFlag(int id, Path d) {
    String model = corpus(random.nextBoolean() ? "violated/lost_update.pool"
        : "verified/counter.pool");
    String cmd = pick(List.of("check", "check", "check", "simulate", "export", "replay", "none"));
    List<String> args = new ArrayList<>();
    List<String> what = new ArrayList<>();
    switch (cmd) {
      case "check", "simulate" -> {
        args.add(cmd);
        String[][] flags = cmd.equals("check") ? CHECK_FLAGS : SIMULATE_FLAGS;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          String[] f = flags[random.nextInt(flags.length)];
          args.add(f[0]);
          what.add(f[0]);
          if (f.length > 1) {
            String v = f[1 + random.nextInt(f.length - 1)].replace("DIR", d.toString());
            args.add(v);
            what.set(what.size() - 1, f[0] + " " + v);
          }
        }
        if (args.contains("--trace-format") && !args.contains("--trace-out")) {
          // never into the working tree
          args.addAll(List.of("--trace-out", d + "/"));
        }
        if (cmd.equals("simulate") && !args.contains("--runs")) {
          args.addAll(List.of("--runs", "3"));
        }
        if (cmd.equals("simulate") && !args.contains("--depth")) {
          args.addAll(List.of("--depth", "30"));
        }
        args.add(model);
      }
      case "export" -> {
        String to = pick(List.of("tla", "promela", "bogus", "", "TLA"));
        args.addAll(List.of("export", "--to", to, model));
        what.add("--to " + to);
        if (random.nextBoolean()) {
          String o = pick(List.of("", "/", "/dev/null", d.resolve("out.tla").toString(),
              "/nonexistent/x.tla", d + "/"));
          // the TLC configuration goes beside the module: not /dev/null.cfg
          if (o.equals("/dev/null")) args.set(2, "promela");
          args.addAll(List.of("-o", o));
          what.add("-o " + o);
        }
      }
      case "replay" -> {
        args.add("replay");
        int k = random.nextInt(3);
        if (k > 0) args.add(model);
        if (k > 1) args.add(pick(List.of("", "/", model)));
        what.add(k + " arguments");
      }
      default -> {
        List<String> words = List.of("", "--help", "-h", "--version", "bogus", "--debug",
            "check", "--", "-");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) args.add(pick(words));
        what.add("no subcommand");
      }
    }
    return new Case(id, Family.ODD_FLAG, cmd + " " + String.join(", ", what), args, false,
        List.of(Path.of(model)));
  }

  private Case outputOverInput(int id, Path d) throws IOException {
    // lost_update split in two so that an included file can be aimed at too
    String whole = Files.readString(Path.of(corpus("violated/lost_update.pool")));
    int cut = whole.indexOf("var counter");
    Path model = d.resolve("lost.pool");
    Path part = d.resolve("part.json");
    Files.writeString(model, whole.substring(0, cut) + "include \"part.json\";\n");
    Files.writeString(part, whole.substring(cut));
    Path rel = ROOT.relativize(model);
    String kind = pick(List.of("--json model", "--json include", "--json model relative",
        "export -o model", "export -o include", "trace-out include", "simulate --json model",
        "--json model through a symlink"));
    List<String> args = switch (kind) {
      case "--json model" -> List.of("check", "-q", "--json", model.toString(), model.toString());
      case "--json include" -> List.of("check", "-q", "--json", part.toString(), model.toString());
      case "--json model relative" -> List.of("check", "-q", "--json", rel.toString(),
          model.toString());
      case "export -o model" -> List.of("export", "--to", "promela", "-o", model.toString(),
          model.toString());
      case "export -o include" -> List.of("export", "--to", "tla", "-o", part.toString(),
          model.toString());
      case "trace-out include" -> List.of("check", "-q", "--trace-format", "json",
          "--trace-out", d.resolve("part").toString(), model.toString());
      case "simulate --json model" -> List.of("simulate", "--runs", "2", "--depth", "10",
          "--seed", "1", "--json", model.toString(), model.toString());
      default -> {
        Path link = d.resolve("link.json");
        Files.createSymbolicLink(link, model);
        yield List.of("check", "-q", "--json", link.toString(), model.toString());
      }
    };
    return new Case(id, Family.OUTPUT_OVER_INPUT, kind, args, false, List.of(model, part));
  }

  // ---- replay of mutated traces

  private Case replay(int id, Family family, Path d) throws IOException {
    String base = family == Family.REPLAY_JSON ? jsonTrace() : itfTrace();
    String kind = pick(List.of("truncate", "huge number", "wrong type", "missing field",
        "random bytes", "deep nesting", "loop", "number", "empty"));
    String text = base;
    String what = kind;
    switch (kind) {
      case "truncate" -> {
        int cut = random.nextInt(base.length() + 1);
        text = base.substring(0, cut);
        what = "truncated at " + cut;
      }
      case "huge number", "number" -> {
        List<int[]> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("-?[0-9]+").matcher(base);
        while (m.find()) numbers.add(new int[] {m.start(), m.end()});
        int[] n = pick(numbers);
        String v = kind.equals("number") ? pick(List.of("-1", "3", "1.5", "-0", "1e2", "\"1\""))
            : pick(List.of("1e30", "99999999999999999999", "-99999999999999999999", "2147483648",
                "1" + "0".repeat(2000), "1e400", "4294967296"));
        text = base.substring(0, n[0]) + v + base.substring(n[1]);
        what = kind + " " + (v.length() > 30 ? v.substring(0, 30) + "..." : v) + " at " + n[0];
      }
      case "wrong type", "missing field", "loop" -> {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(base);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = pick(containers);
        if (kind.equals("loop")) {
          ((ObjectNode) (root.has("trace") ? root.get("trace") : root)).set("loop",
              mapper.valueToTree(pick(List.of(-2, 0, 99, 2147483647, "x"))));
          what = "loop set";
        } else if (c instanceof ObjectNode o && o.size() > 0) {
          List<String> names = new ArrayList<>();
          o.fieldNames().forEachRemaining(names::add);
          String name = pick(names);
          if (kind.equals("missing field")) {
            o.remove(name);
            what = "field " + name + " removed";
          } else {
            o.set(name, otherType(mapper, o.get(name)));
            what = "field " + name + " now " + o.get(name).getNodeType();
          }
        } else if (c instanceof ArrayNode a && a.size() > 0) {
          int i = random.nextInt(a.size());
          if (kind.equals("missing field")) {
            a.remove(i);
            what = "element " + i + " removed";
          } else {
            a.set(i, otherType(mapper, a.get(i)));
            what = "element " + i + " now " + a.get(i).getNodeType();
          }
        }
        text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
      }
      case "random bytes" -> {
        byte[] noise = new byte[1 + random.nextInt(64)];
        random.nextBytes(noise);
        Path trace = d.resolve("trace.json");
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + noise.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(b, at, out, at + noise.length, b.length - at);
        Files.write(trace, out);
        return replayCase(id, family, noise.length + " random bytes at " + at, trace);
      }
      case "deep nesting" -> {
        int n = pick(List.of(1_000, 100_000));
        text = "[".repeat(n) + "]".repeat(n);
        what = n + " nested arrays";
      }
      default -> text = pick(List.of("", "null", "{}", "[]", "0", "\"x\"", "{\"trace\": 1}",
          "{\"states\": 1, \"vars\": 2}", "{\"trace\": {\"steps\": [{}]}}",
          "{\"trace\": {\"steps\": []}}", "{\"states\": [], \"vars\": []}"));
    }
    Path trace = d.resolve("trace.json");
    Files.writeString(trace, text);
    return replayCase(id, family, what, trace);
  }

  private Case replayCase(int id, Family family, String what, Path trace) {
    String model = corpus("violated/lost_update.pool");
    return new Case(id, family, what, List.of("replay", model, trace.toString()), true,
        List.of(trace));
  }

  private JsonNode otherType(ObjectMapper mapper, JsonNode was) {
    List<Object> options = new ArrayList<>(List.of("text", 7, true, List.of(1), java.util.Map.of(
        "k", 1)));
    options.add(null);
    Object v = pick(options);
    JsonNode n = mapper.valueToTree(v);
    return n.getNodeType() == was.getNodeType() ? mapper.valueToTree(List.of()) : n;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }

  private String jsonTrace() throws IOException {
    if (jsonTrace == null) writeTraces();
    return jsonTrace;
  }

  private String itfTrace() throws IOException {
    if (itfTrace == null) writeTraces();
    return itfTrace;
  }

  private void writeTraces() throws IOException {
    Path base = dir.resolve("base");
    Files.createDirectories(base);
    int status = Main.run(new String[] {"check", "-q", "--trace-format", "json,itf",
        "--trace-out", base.resolve("lost").toString(), corpus("violated/lost_update.pool")},
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    if (status != 1) throw new IllegalStateException("the base trace was not written: " + status);
    jsonTrace = Files.readString(base.resolve("lost.json"));
    itfTrace = Files.readString(base.resolve("lost.itf.json"));
  }

  // ---- helpers

  private static List<int[]> tokens(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) out.add(new int[] {m.start(), m.end()});
    if (out.isEmpty()) out.add(new int[] {0, 0});
    return out;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  static String corpus(String name) {
    return ROOT.resolve("src/test/resources/corpus/" + name).toString();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pool")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
