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
}
