package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lifeline table's widths: the last lifeline inside a 1400 px window at any count. */
class HtmlLayoutTest {
  @Test
  void theLastLifelineEndsInsideA1400PixelWindowForOneToSixtyLifelines() {
    for (int n = 1; n <= 60; n++) {
      HtmlLayout l = HtmlLayout.of(n);
      assertEquals(l.numWidth() + n * l.laneWidth(), l.tableWidth(), "n=" + n);
      assertTrue(l.rightEdge() + HtmlLayout.SCROLLBAR + l.bodyMargin() <= 1400,
          "n=" + n + ": right edge " + l.rightEdge());
      assertTrue(l.laneWidth() <= HtmlLayout.MAX_LANE && l.laneWidth() > 0, "n=" + n);
    }
  }

  @Test
  void fewLifelinesGetTheWidestLanesAndManyShareTheWindow() {
    assertEquals(240, HtmlLayout.of(3).laneWidth());
    // 1400 - 2 x 24 margin - 17 scrollbar - 56 step column = 1279 px for the lanes
    assertEquals(1279 / 6, HtmlLayout.of(6).laneWidth());
    assertEquals(1279 / 12, HtmlLayout.of(12).laneWidth());
  }

  @Test
  void thePageCarriesTheWidthsItComputed() throws Exception {
    ShippedTraces.Shipped v612 = ShippedTraces.all().stream()
        .filter(s -> s.name().equals("page_pool_v6_12")).findFirst().orElseThrow();
    int lifelines = Lifelines.of(v612.result().counterexample().orElseThrow().steps().get(0)
        .state()).size();
    HtmlLayout l = HtmlLayout.of(lifelines);
    String page = HtmlTrace.render(v612.result());
    assertTrue(page.contains("table.lifelines { table-layout: fixed; width: " + l.tableWidth()
        + "px; }"), page.substring(0, 2000));
    assertTrue(page.contains("th.lifeline { width: " + l.laneWidth() + "px;"));
  }
}
