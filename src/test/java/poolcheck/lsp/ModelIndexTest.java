package poolcheck.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolcheck.language.Lexer;
import poolcheck.language.Parser;

class ModelIndexTest {
  /**
   * A declaration named as its own word (inline inline, liveness liveness) is found at its name,
   * not at the word that declares it; a property named self is found too.
   */
  @Test
  void aNameSpelledAsItsDeclarationWordIsFoundAtTheName() throws Exception {
    String text = """
        var x : bool;
        inline inline(back) { s: { x = true; goto back; } }
        process p { inline inline(t); t: { x = false; } }
        fairness weak: p;
        liveness liveness: eventually x;
        liveness self: always eventually x;
        """;
    List<Definition> found = ModelIndex.of(Path.of("m.pool"), Parser.parse("m.pool", text),
        new Lexer("m.pool", text).tokens());
    assertEquals(List.of("inline inline 2:8", "property liveness 5:10", "property self 6:10"),
        found.stream().filter(d -> List.of("inline", "property").contains(d.kind()))
            .map(d -> d.kind() + " " + d.name() + " " + d.line() + ":" + d.column()).toList());
  }
}
