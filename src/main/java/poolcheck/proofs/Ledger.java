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
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.NON_NULL));

  private final Path root;
  /** {@link #entries()}, once read. */
  private List<Entry> entries;

  /** {@code root} is the project directory holding models/ and proofs/. */
  public Ledger(Path root) {
    this.root = root;
  }

  /** One shipped model at one of its configurations: a record and its traces in the ledger. */
  public record Entry(Path model, String shown, String configuration) {
    /** The model's file name without .pool: its directory under proofs/. */
    public String name() {
      return stem(model);
    }
  }

  /** Every file the ledger should contain, by path relative to proofs/, with its text. */
  public Map<String, String> expected() throws IOException, ModelException {
    Map<String, String> files = new LinkedHashMap<>();
    List<ProofRecord> records = new ArrayList<>();
    for (Entry entry : entries()) {
      Prover.Proof proof = prove(entry);
      records.add(proof.record());
      files.putAll(files(entry, proof));
    }
    Map<String, StableRecord> stable = stableRecords();
    files.put("README.md", ProofsReadme.render(records, stable, structuresNow(stable), notes()));
    return files;
  }

  /**
   * Every shipped model at each of its configurations, in ledger order. Read once per ledger
   * (each model parsed and compiled for its configurations): a ledger serves one command.
   */
  public List<Entry> entries() throws IOException, ModelException {
    if (entries == null) entries = List.copyOf(readEntries());
    return entries;
  }

  private List<Entry> readEntries() throws IOException, ModelException {
    List<Entry> out = new ArrayList<>();
    for (Path model : shippedModels()) {
      String shown = root.relativize(model).toString().replace('\\', '/');
      for (String config : Prover.configurations(model)) out.add(new Entry(model, shown, config));
    }
    return out;
  }

  /** The files one entry contributes to the ledger (its record and traces), from a fresh run. */
  public Map<String, String> expected(Entry entry) throws IOException, ModelException {
    return files(entry, prove(entry));
  }

  private Prover.Proof prove(Entry entry) throws IOException, ModelException {
    return Prover.prove(Path.of(entry.shown()).isAbsolute() ? entry.model()
        : root.resolve(entry.shown()), entry.shown(), entry.configuration());
  }

  private static Map<String, String> files(Entry entry, Prover.Proof proof) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(entry.name() + "/" + entry.configuration() + ".record.json", render(proof.record()));
    proof.traces().forEach((file, text) -> files.put(entry.name() + "/" + file, text));
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

  /**
   * proofs/README.md against what the records on disk render, and files on disk that no record
   * names. Cheap (no search): with every record held to a fresh run by {@link
   * #expected(Entry)}, this covers the rest of the ledger.
   */
  public List<String> readmeAndStaleMismatches() throws IOException, ModelException {
    Path proofs = root.resolve("proofs");
    Map<String, String> files = new LinkedHashMap<>();
    List<ProofRecord> records = new ArrayList<>();
    for (Entry entry : entries()) {
      String name = entry.name() + "/" + entry.configuration() + ".record.json";
      Path file = proofs.resolve(name);
      if (!Files.exists(file)) continue;
      ProofRecord record = read(Files.readString(file));
      records.add(record);
      files.put(name, Files.readString(file));
      for (ProofRecord.PropertyOutcome p : record.properties()) {
        if (p.traceFile() != null) files.put(entry.name() + "/" + p.traceFile(), "");
      }
    }
    List<String> out = new ArrayList<>();
    Path readme = proofs.resolve("README.md");
    Map<String, StableRecord> stable = stableRecords();
    String rendered = ProofsReadme.render(records, stable, structuresNow(stable), notes());
    if (!Files.exists(readme) || !Files.readString(readme).equals(rendered)) {
      out.add("README.md: differs from what the records render");
    }
    for (String stale : staleFiles(files)) out.add(stale + ": no longer produced");
    return out;
  }

  /** Where a row's stable-at result lives, relative to proofs/. */
  static String stableName(Entry entry) {
    return entry.name() + "/" + entry.configuration() + ".stable.json";
  }

  /** The stable-at results on disk, by row ("design/config"); rows without one are absent. */
  public Map<String, StableRecord> stableRecords() throws IOException, ModelException {
    Map<String, StableRecord> out = new LinkedHashMap<>();
    for (Entry entry : entries()) {
      Path file = root.resolve("proofs").resolve(stableName(entry));
      if (Files.exists(file)) {
        out.put(entry.name() + "/" + entry.configuration(), readStable(Files.readString(file)));
      }
    }
    return out;
  }

  /**
   * By row, the structure each stable record's row explores today at the record's size: which
   * of the records still stand for their rows. One parse per design.
   */
  Map<String, String> structuresNow(Map<String, StableRecord> stable)
      throws IOException, ModelException {
    Map<String, String> out = new LinkedHashMap<>();
    Map<Path, poolcheck.language.ParsedModel> parsed = new LinkedHashMap<>();
    for (Entry entry : entries()) {
      StableRecord s = stable.get(entry.name() + "/" + entry.configuration());
      if (s == null) continue;
      Path file = Path.of(entry.shown()).isAbsolute() ? entry.model() : root.resolve(entry.shown());
      poolcheck.language.ParsedModel p = parsed.get(file);
      if (p == null) {
        p = poolcheck.language.ModelLoader.load(file);
        parsed.put(file, p);
      }
      out.put(entry.name() + "/" + entry.configuration(),
          Stability.structureNow(p, entry.configuration(), s));
    }
    return out;
  }

  /**
   * The rows (as "design/config") whose stable file is missing or stale: what {@code prove
   * --stable --stale} runs again after an edit of the model. {@code stable} is what
   * {@link #stableRecords()} read.
   */
  public java.util.Set<String> staleStableRows(Map<String, StableRecord> stable)
      throws IOException, ModelException {
    Map<String, String> now = structuresNow(stable);
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Entry entry : entries()) {
      String row = entry.name() + "/" + entry.configuration();
      if (!StableCells.current(stable.get(row), now.get(row))) out.add(row);
    }
    return out;
  }

  /**
   * Runs one row at PAGES + 1, CONSUMERS + 1, telling {@code watch} how its searches go, and
   * writes its stable file.
   */
  public StableRecord writeStable(Entry entry, Stability.Budget budget, Stability.Watch watch)
      throws IOException, ModelException {
    StableRecord s = Stability.check(Path.of(entry.shown()).isAbsolute() ? entry.model()
        : root.resolve(entry.shown()), entry.shown(), entry.configuration(), budget, watch);
    Path target = root.resolve("proofs").resolve(stableName(entry));
    Files.createDirectories(target.getParent());
    Files.writeString(target, renderStable(s));
    return s;
  }

  /** Writes one row's record and traces from a fresh run; returns what changed. */
  public List<String> writeRow(Entry entry) throws IOException, ModelException {
    Path proofs = root.resolve("proofs");
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> f : expected(entry).entrySet()) {
      Path target = proofs.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      if (!Files.exists(target) || !Files.readString(target).equals(f.getValue())) {
        Files.writeString(target, f.getValue());
        written.add(f.getKey());
      }
    }
    return written;
  }

  /** Re-renders proofs/README.md from the records and stable files on disk. */
  public void writeReadme() throws IOException, ModelException {
    List<ProofRecord> records = new ArrayList<>();
    for (Entry entry : entries()) {
      Path file = root.resolve("proofs").resolve(entry.name() + "/" + entry.configuration()
          + ".record.json");
      if (Files.exists(file)) records.add(read(Files.readString(file)));
    }
    Map<String, StableRecord> stable = stableRecords();
    Files.writeString(root.resolve("proofs/README.md"),
        ProofsReadme.render(records, stable, structuresNow(stable), notes()));
  }

  static String renderStable(StableRecord s) {
    try {
      return JSON.writeValueAsString(s) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stable file as {@link #renderStable} wrote it. */
  static StableRecord readStable(String json) throws IOException {
    com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(json);
    com.google.common.collect.ImmutableMap.Builder<String, Integer> constants =
        com.google.common.collect.ImmutableMap.builder();
    n.get("constants").properties().forEach(e -> constants.put(e.getKey(),
        e.getValue().asInt()));
    com.fasterxml.jackson.databind.JsonNode r = n.get("safety");
    com.google.common.collect.ImmutableList.Builder<StableRecord.Outcome> outcomes =
        com.google.common.collect.ImmutableList.builder();
    for (com.fasterxml.jackson.databind.JsonNode p : n.get("properties")) {
      outcomes.add(new StableRecord.Outcome(p.get("name").asText(), p.get("kind").asText(),
          p.get("verdict").asText(),
          p.has("traceLength") ? p.get("traceLength").asInt() : null,
          p.has("checkedToDepth") ? p.get("checkedToDepth").asInt() : null));
    }
    return new StableRecord(n.get("model").asText(), n.get("file").asText(),
        n.get("digest").asText(), text(n, "structure"), n.get("configuration").asText(),
        constants.build(), n.get("workers").asInt(), n.get("seconds").asLong(),
        new StableRecord.Run(r.get("complete").asBoolean(), r.get("distinct").asLong(),
            r.get("depth").asInt(), text(r, "stoppedBy")), outcomes.build(),
        text(n, "livenessStoppedBy"));
  }

  /** A record as {@link #render} wrote it. */
  static ProofRecord read(String json) throws IOException {
    com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(json);
    com.google.common.collect.ImmutableMap.Builder<String, Integer> constants =
        com.google.common.collect.ImmutableMap.builder();
    n.get("constants").properties().forEach(e -> constants.put(e.getKey(),
        e.getValue().asInt()));
    com.fasterxml.jackson.databind.JsonNode r = n.get("reachable");
    com.google.common.collect.ImmutableList.Builder<ProofRecord.PropertyOutcome> outcomes =
        com.google.common.collect.ImmutableList.builder();
    for (com.fasterxml.jackson.databind.JsonNode p : n.get("properties")) {
      outcomes.add(new ProofRecord.PropertyOutcome(p.get("name").asText(),
          p.get("kind").asText(), p.get("verdict").asText(), p.get("distinct").asLong(),
          p.has("traceLength") ? p.get("traceLength").asInt() : null, text(p, "traceFile"),
          text(p, "stoppedBy")));
    }
    return new ProofRecord(n.get("model").asText(), n.get("file").asText(),
        n.get("digest").asText(), n.get("configuration").asText(), constants.build(),
        new ProofRecord.Reachable(r.get("verdict").asText(), r.get("distinct").asLong(),
            r.get("depth").asInt(), text(r, "stoppedBy")),
        coverage(n.get("coverage")), outcomes.build());
  }

  private static ProofRecord.Coverage coverage(com.fasterxml.jackson.databind.JsonNode c) {
    if (c == null || c.isNull()) return null;
    return new ProofRecord.Coverage(strings(c.get("unreached")), strings(c.get("vacuous")),
        strings(c.get("atomicEscapes")));
  }

  private static com.google.common.collect.ImmutableList<String> strings(
      com.fasterxml.jackson.databind.JsonNode a) {
    if (a == null || a.isNull()) return null;
    com.google.common.collect.ImmutableList.Builder<String> out =
        com.google.common.collect.ImmutableList.builder();
    a.forEach(e -> out.add(e.asText()));
    return out.build();
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
    return n.has(field) ? n.get(field).asText() : null;
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
        // a stable file belongs to its row's record: kept while the record is
        if (rel.endsWith(".stable.json")) {
          String record = rel.substring(0, rel.length() - ".stable.json".length())
              + ".record.json";
          if (files.containsKey(record)) continue;
        }
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
