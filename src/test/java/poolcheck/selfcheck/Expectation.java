package poolcheck.selfcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A corpus model's first-line header: {@code // expect: verified states=N} or {@code // expect:
 * violated property=NAME length=K}.
 */
record Expectation(boolean verified, long states, String property, int length) {
  static Expectation of(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0).strip();
    String prefix = "// expect:";
    if (!first.startsWith(prefix)) {
      throw new IllegalArgumentException(file + ":1: expected a '// expect:' header");
    }
    String[] words = first.substring(prefix.length()).strip().split("\\s+");
    Map<String, String> fields = new HashMap<>();
    for (int i = 1; i < words.length; i++) {
      String[] kv = words[i].split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException(file + ":1: bad field " + words[i]);
      fields.put(kv[0], kv[1]);
    }
    return switch (words[0]) {
      case "verified" -> new Expectation(true, Long.parseLong(fields.get("states")), null, -1);
      case "violated" -> new Expectation(false, -1, fields.get("property"),
          Integer.parseInt(fields.get("length")));
      default -> throw new IllegalArgumentException(file + ":1: expected verified or violated, "
          + "found " + words[0]);
    };
  }

  /** The header line for a result, as the corpus writes it. */
  static String header(boolean verified, long states, String property, int length) {
    return verified ? "// expect: verified states=" + states
        : "// expect: violated property=" + property + " length=" + length;
  }
}
