package poolcheck.trace;

/**
 * The widths of the HTML trace's lifeline table, from the number of lifelines, so that the last
 * lifeline stays inside a {@value #WINDOW} px window: lanes share what the window leaves after
 * the body's margins, a scrollbar and the step column, up to {@value #MAX_LANE} px each (wider
 * lanes only spread a few instances apart). Labels wrap inside a lane rather than widen it.
 */
record HtmlLayout(int lifelines, int bodyMargin, int numWidth, int laneWidth) {
  static final int WINDOW = 1400;
  static final int BODY_MARGIN = 24;
  static final int SCROLLBAR = 17;
  static final int NUM_WIDTH = 56;
  static final int MAX_LANE = 240;

  static HtmlLayout of(int lifelines) {
    int room = WINDOW - 2 * BODY_MARGIN - SCROLLBAR - NUM_WIDTH;
    int lane = lifelines == 0 ? MAX_LANE : Math.min(MAX_LANE, room / lifelines);
    return new HtmlLayout(lifelines, BODY_MARGIN, NUM_WIDTH, lane);
  }

  /** The table's width: the step column and every lane (a fixed table layout honours it). */
  int tableWidth() {
    return numWidth + lifelines * laneWidth;
  }

  /** The right edge of the last lifeline, measured from the window's left edge. */
  int rightEdge() {
    return bodyMargin + tableWidth();
  }
}
