package poolcheck.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import poolcheck.language.ModelException;

/**
 * The proofs ledger: for every shipped model (models/*.pool) and each of its configurations, a
 * record of the last exhaustive run and the traces of its violations, plus a generated
 * proofs/README.md. {@link #expected} computes what the ledger should hold; writing it and
 * comparing it with the files on disk are the two uses.
 */
public final class Ledger {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Path root;

  /** {@code root} is the project directory holding models/ and proofs/. */
  public Ledger(Path root) {
    this.root = root;
  }

  /** Every file the ledger should contain, by path relative to proofs/, with its text. */
  public Map<String, String> expected() throws IOException, ModelException {
    Map<String, String> files = new LinkedHashMap<>();
    List<ProofRecord> records = new ArrayList<>();
    for (Path model : shippedModels()) {
      String name = stem(model);
      String shown = root.relativize(model).toString().replace('\\', '/');
      for (String config : Prover.configurations(model)) {
        Prover.Proof proof = Prover.prove(Path.of(shown).isAbsolute() ? model
            : root.resolve(shown), shown, config);
        records.add(proof.record());
        files.put(name + "/" + config + ".record.json", render(proof.record()));
        proof.traces().forEach((file, text) -> files.put(name + "/" + file, text));
      }
    }
    files.put("README.md", ProofsReadme.render(records, notes()));
    return files;
  }

  /** Writes the ledger, removing records of models or configurations that no longer exist. */
  public List<String> write() throws IOException, ModelException {
    Map<String, String> files = expected();
    Path proofs = root.resolve("proofs");
    for (String stale : staleFiles(files)) Files.delete(proofs.resolve(stale));
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = proofs.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      if (!Files.exists(target) || !Files.readString(target).equals(f.getValue())) {
        Files.writeString(target, f.getValue());
        written.add(f.getKey());
      }
    }
    return written;
  }

  /** The ledger files that differ from a fresh run, are missing, or should not be there. */
  public List<String> mismatches() throws IOException, ModelException {
    return mismatches(expected());
  }

  /** As {@link #mismatches()}, against an already computed {@link #expected()}. */
  public List<String> mismatches(Map<String, String> files) throws IOException {
    Path proofs = root.resolve("proofs");
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = proofs.resolve(f.getKey());
      if (!Files.exists(target)) {
        out.add(f.getKey() + ": missing");
      } else if (!Files.readString(target).equals(f.getValue())) {
        out.add(f.getKey() + ": differs from a fresh run"
            + coverageChange(Files.readString(target), f.getValue()));
      }
    }
    for (String stale : staleFiles(files)) out.add(stale + ": no longer produced");
    return out;
  }

  /**
   * For a record, which steps became unreached or reached since it was written: the change
   * coverage exists to catch, named so it is not lost in a diff of counts.
   */
  static String coverageChange(String recorded, String fresh) {
    List<String> before = unreached(recorded);
    List<String> after = unreached(fresh);
    if (before == null || after == null || before.equals(after)) return "";
    List<String> lost = after.stream().filter(x -> !before.contains(x)).toList();
    List<String> gained = before.stream().filter(x -> !after.contains(x)).toList();
    StringBuilder out = new StringBuilder();
    if (!lost.isEmpty()) out.append("; now unreached: ").append(String.join(", ", lost));
    if (!gained.isEmpty()) {
      out.append("; listed as unreached but now reached: ").append(String.join(", ", gained));
    }
    return out.toString();
  }

  private static List<String> unreached(String record) {
    try {
      var node = JSON.readTree(record).path("coverage").path("unreached");
      if (!node.isArray()) return null;
      List<String> out = new ArrayList<>();
      node.forEach(n -> out.add(n.asText()));
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  private List<String> staleFiles(Map<String, String> files) throws IOException {
    Path proofs = root.resolve("proofs");
    if (!Files.isDirectory(proofs)) return List.of();
    List<String> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(proofs)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = proofs.relativize(p).toString().replace('\\', '/');
        boolean generated = rel.endsWith(".json") && rel.contains("/");
        if (generated && !files.containsKey(rel)) out.add(rel);
      }
    }
    return out;
  }

  private List<Path> shippedModels() throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("models"))) {
      return s.filter(p -> p.toString().endsWith(".pool")).sorted().toList();
    }
  }

  /** Hand-written notes per design (proofs/notes/MODEL.md), pasted under the table. */
  private Map<String, String> notes() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Path dir = root.resolve("proofs/notes");
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".md")).sorted().toList()) {
        out.put(stem(p), Files.readString(p));
      }
    }
    return out;
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }

  static String render(ProofRecord record) {
    try {
      return JSON.writeValueAsString(record) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
