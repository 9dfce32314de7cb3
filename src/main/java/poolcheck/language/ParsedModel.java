package poolcheck.language;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The first pipeline stage's product: a model's declarations, includes spliced in, and the text
 * of every file read (by the name shown in diagnostics), so a ledger can fingerprint the model.
 */
public record ParsedModel(String source, ImmutableList<Decl> decls,
    ImmutableMap<String, String> texts) {
  public ParsedModel(String source, ImmutableList<Decl> decls) {
    this(source, decls, ImmutableMap.of());
  }

  /**
   * SHA-256 over every file the model reads (its includes too), name and text, in load order:
   * what the ledger and a checkpoint record, so that a proof or a run of an edited model is not
   * taken for one of this text.
   */
  public String textDigest() {
    StringBuilder all = new StringBuilder();
    texts.forEach((name, text) -> all.append(java.nio.file.Path.of(name).getFileName())
        .append('\0').append(text).append('\0'));
    return "sha256:" + com.google.common.hash.Hashing.sha256()
        .hashString(all, java.nio.charset.StandardCharsets.UTF_8);
  }
}
