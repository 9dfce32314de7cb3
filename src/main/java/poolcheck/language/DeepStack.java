package poolcheck.language;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a front-end stage (parse, inline, check, compile, print, export) on a thread with a known,
 * large stack. Those stages recurse over the tree; at the documented nesting limit
 * ({@link Nesting#MAX_DEPTH}) a cold JVM's interpreted frames need a few MiB, more than the
 * 1 MiB a thread gets by default, and callers (tests, the API, the CLI without the launcher's
 * -Xss8m) must not depend on their own stack size. Nested calls run in place.
 */
public final class DeepStack {
  /** Reserved, not committed: the pages are touched only as deep as the recursion goes. */
  static final long STACK_BYTES = 256L << 20;

  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private DeepStack() {}

  public interface Work<T> {
    T run() throws ModelException, IOException;
  }

  public interface ModelWork<T> {
    T run() throws ModelException;
  }

  /**
   * Deep-stack threads, kept a few seconds after their stage: the front end runs a stage per
   * model loaded, compiled or printed, and a new thread with a reserved 256 MiB stack per stage
   * cost a third of a millisecond of system time (37,000 of them in the default test suite).
   * Daemon threads, so an idle one never keeps the JVM alive.
   */
  private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
      5, TimeUnit.SECONDS, new SynchronousQueue<>(), work -> {
        Thread t = new Thread(null, () -> {
          INSIDE.set(true);
          work.run();
        }, "poolcheck-front-end", STACK_BYTES);
        t.setDaemon(true);
        return t;
      });

  /** {@code work}'s result, computed on a deep-stack thread; its exceptions rethrown here. */
  public static <T> T call(Work<T> work) throws ModelException, IOException {
    if (INSIDE.get()) return work.run();
    Future<T> result = THREADS.submit(work::run);
    boolean interrupted = false;
    Throwable e;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException ie) {
          // The stage is short and bounded; finish it and pass the interrupt on.
          interrupted = true;
        }
      }
    } catch (ExecutionException failed) {
      e = failed.getCause();
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
    if (e instanceof ModelException me) throw me;
    if (e instanceof IOException io) throw io;
    if (e instanceof RuntimeException re) throw re;
    if (e instanceof Error err) throw err;
    throw new IllegalStateException(e);
  }

  /** The same for a stage that reads no file. */
  public static <T> T callModel(ModelWork<T> work) throws ModelException {
    try {
      return call(work::run);
    } catch (IOException e) {
      throw new IllegalStateException("a stage without files threw " + e, e);
    }
  }

  /** The same for a stage that throws nothing checked. */
  public static <T> T callPlain(java.util.function.Supplier<T> work) {
    try {
      return call(work::get);
    } catch (ModelException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
