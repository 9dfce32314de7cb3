package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MermaidTraceTest {
  @Test
  void escapesWhatMermaidWouldReadAsSyntaxOrHtml() {
    assertEquals("ring = lifo#lt;RING, CACHE#gt;<br/>a#59; b #35;1",
        MermaidTrace.text("ring = lifo<RING, CACHE>\na; b #1"));
  }
}
