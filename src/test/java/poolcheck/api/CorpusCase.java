package poolcheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One model of the regression corpus with the expectations written in its header, in the style
 * of the P language's corpus: the folder says what must happen ({@code rejected/},
 * {@code verified/}, {@code violated/}), the leading comment lines say exactly what.
 * {@code // define: NAME=VALUE} is a -D override; {@code // expect: ...} an expected fact.
 */
record CorpusCase(Path file, Map<String, String> defines, List<String> expects) {
  private static final String DEFINE = "// define:";
  private static final String EXPECT = "// expect:";

  static CorpusCase read(Path file) {
    Map<String, String> defines = new LinkedHashMap<>();
    List<String> expects = new ArrayList<>();
    try {
      // Decoded leniently: a corpus file may hold bytes that are not UTF-8 after its header.
      for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()
          .toList()) {
        if (!line.startsWith("//")) break;
        if (line.startsWith(DEFINE)) {
          String[] kv = line.substring(DEFINE.length()).trim().split("=", 2);
          defines.put(kv[0], kv[1]);
        } else if (line.startsWith(EXPECT)) {
          expects.add(line.substring(EXPECT.length()).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (expects.isEmpty()) throw new IllegalStateException(file + ": no '// expect:' line");
    return new CorpusCase(file, defines, expects);
  }

  /** The cases of one corpus folder, sorted by name; subfolders hold included files only. */
  static Stream<CorpusCase> folder(String name) throws IOException {
    Path dir;
    try {
      dir = Path.of(CorpusCase.class.getResource("/corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<CorpusCase> cases = files.filter(f -> f.toString().endsWith(".pool")).sorted()
          .map(CorpusCase::read).toList();
      if (cases.isEmpty()) throw new IllegalStateException("empty corpus " + dir);
      return cases.stream();
    }
  }

  /** The value of an expectation "key value", e.g. {@code states 13}; null when absent. */
  String value(String key) {
    for (String e : expects) {
      if (e.startsWith(key + " ")) return e.substring(key.length() + 1).trim();
    }
    return null;
  }

  /** Every value of an expectation that may repeat, e.g. each {@code warning ...} line. */
  List<String> values(String key) {
    return expects.stream().filter(e -> e.startsWith(key + " "))
        .map(e -> e.substring(key.length() + 1).trim()).toList();
  }

  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
