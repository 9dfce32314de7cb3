package poolcheck.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The front end's stages on their deep-stack threads, which are reused from stage to stage. */
class DeepStackTest {
  /** Frames a 1 MiB stack cannot hold (about 100 bytes each, interpreted or compiled). */
  private static final int DEPTH = 100_000;

  private static int descend(int n) {
    return n == 0 ? 0 : 1 + descend(n - 1);
  }

  @Test
  void aStageRecursesDeeperThanADefaultThreadCould() throws Exception {
    for (int stage = 0; stage < 3; stage++) {
      assertEquals(DEPTH, DeepStack.call(() -> descend(DEPTH)));
    }
    Thread small = new Thread(null, () -> assertThrows(StackOverflowError.class,
        () -> descend(DEPTH)), "small", 1 << 20);
    small.start();
    small.join();
  }

  @Test
  void aStageRunsOnAnotherThreadAndANestedOneInPlace() throws Exception {
    Thread caller = Thread.currentThread();
    Thread[] outer = new Thread[1];
    Thread nested = DeepStack.call(() -> {
      outer[0] = Thread.currentThread();
      return DeepStack.call(Thread::currentThread);
    });
    assertNotSame(caller, outer[0]);
    assertSame(outer[0], nested);
    assertTrue(outer[0].isDaemon(), "an idle stage thread never keeps the JVM alive");
  }

  @Test
  void aStageThrowsWhatItsWorkThrew() {
    Diagnostic d = new Diagnostic(ErrorCode.NESTED_TOO_DEEPLY, null, "deep");
    ModelException model = new ModelException(d);
    assertSame(model, assertThrows(ModelException.class, () -> DeepStack.call(() -> {
      throw model;
    })));
    IOException io = new IOException("gone");
    assertSame(io, assertThrows(IOException.class, () -> DeepStack.call(() -> {
      throw io;
    })));
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    assertSame(bad, assertThrows(IllegalArgumentException.class, () -> DeepStack.call(() -> {
      throw bad;
    })));
    StackOverflowError overflow = new StackOverflowError();
    assertSame(overflow, assertThrows(StackOverflowError.class, () -> DeepStack.call(() -> {
      throw overflow;
    })));
    // and the thread that ran them still runs the next stage
    assertEquals(DEPTH, DeepStack.callPlain(() -> descend(DEPTH)));
  }

  @Test
  void anInterruptDuringAStageIsPassedOnAfterIt() throws Exception {
    Thread caller = Thread.currentThread();
    String result = DeepStack.call(() -> {
      caller.interrupt();
      return "done";
    });
    assertEquals("done", result);
    assertTrue(Thread.interrupted(), "the caller's interrupt is kept (and cleared here)");
  }
}
