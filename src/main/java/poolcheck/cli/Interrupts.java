package poolcheck.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Turns SIGINT and SIGTERM into a request to stop the search, so that the run prints what it has
 * and exits with status 4 instead of dying mid-way. A second signal ends the process at once.
 *
 * <p>Through sun.misc.Signal (module jdk.unsupported), reached by reflection so that javac does not
 * warn about it; where it is missing, a shutdown hook still asks the search to stop, and the hook
 * waits for the result to be printed.
 */
final class Interrupts implements AutoCloseable {
  private final Runnable onSignal;
  private final Thread hook;
  private final Object[] previous = new Object[2];
  private volatile int signals;
  private volatile boolean finished;

  private Interrupts(Runnable onSignal) {
    this.onSignal = onSignal;
    this.hook = new Thread(this::lastChance);
  }

  static Interrupts install(Runnable onSignal) {
    Interrupts i = new Interrupts(onSignal);
    if (!i.installSignals()) Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  private boolean installSignals() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handler);
      InvocationHandler h = (proxy, method, args) -> {
        if (method.getName().equals("handle")) signalled();
        return null;
      };
      Object ours = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, h);
      String[] names = {"INT", "TERM"};
      for (int k = 0; k < names.length; k++) {
        Object sig = signal.getConstructor(String.class).newInstance(names[k]);
        previous[k] = handle.invoke(null, sig, ours);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  private void signalled() {
    if (++signals > 1) Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    onSignal.run();
  }

  /** Shutdown-hook fallback: stop the search and give main a moment to print the result. */
  private void lastChance() {
    onSignal.run();
    long deadline = System.currentTimeMillis() + 5000;
    while (!finished && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Called once the result is out; restores the previous signal handlers. */
  @Override
  public void close() {
    finished = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already, or the hook was never added
    }
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handler);
      String[] names = {"INT", "TERM"};
      for (int k = 0; k < names.length; k++) {
        if (previous[k] == null) continue;
        handle.invoke(null, signal.getConstructor(String.class).newInstance(names[k]),
            previous[k]);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // nothing was installed
    }
  }
}
