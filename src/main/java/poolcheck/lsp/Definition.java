package poolcheck.lsp;

import java.nio.file.Path;

/**
 * A declared name: where its name token is, what kind of thing it is, the process or inline it
 * belongs to ({@code null} at top level) and what hovering over it says.
 */
record Definition(String kind, String name, Path file, int line, int column, String scope,
    String detail) {}
