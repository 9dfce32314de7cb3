package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** The first pipeline stage's product: a model's declarations, includes spliced in. */
public record ParsedModel(String source, ImmutableList<Decl> decls) {}
