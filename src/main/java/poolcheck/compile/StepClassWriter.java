package poolcheck.compile;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the class of a model's {@link GeneratedSteps}. Each step's linked instructions become
 * one static method {@code (Frame, int[])V}: statements run in line, an if jumps, a for loop
 * jumps back, and a node reached twice in one method (the statement after an if) is jumped to,
 * not written again. Nondeterminism calls a method per branch (either) or per value (choose)
 * with the copies of state and bound variables that {@link Instr.Either} and
 * {@link Instr.Choose} make, so each outcome runs the rest of the step as the linked
 * instructions do. {@code run} dispatches on the transition with a tableswitch.
 */
final class StepClassWriter {
  static final String SUPER = "poolcheck/compile/GeneratedSteps";
  static final String NAME = "poolcheck/compile/GeneratedStepsOfModel";
  private static final String STEP = "(L" + CodeWriter.FRAME + ";[I)V";
  private static final String INVARIANT = "(L" + CodeWriter.FRAME + ";[I)I";

  private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
    @Override
    protected String getCommonSuperClass(String a, String b) {
      // only int[] and Frame meet at a join, never two different classes
      return "java/lang/Object";
    }
  };
  final CodeWriter.Constants constants = new CodeWriter.Constants();
  private final Map<Instr, String> methods = new IdentityHashMap<>();
  private final ArrayDeque<Instr> pending = new ArrayDeque<>();

  /** The class file; {@code entries[t]} is transition t's first instruction. */
  byte[] write(Instr[] entries, Code[] invariants) {
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, SUPER, null);
    cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, "K", "[Ljava/lang/Object;", null, null)
        .visitEnd();
    constructor();
    String[] names = new String[entries.length];
    for (int t = 0; t < entries.length; t++) names[t] = entry(t, entries[t]);
    while (!pending.isEmpty()) step(pending.poll());
    dispatch("run", "(IL" + CodeWriter.FRAME + ";[I)V", names, STEP, RETURN);
    String[] inv = new String[invariants.length];
    for (int k = 0; k < invariants.length; k++) inv[k] = invariant(k, invariants[k]);
    dispatch("invariant", "(IL" + CodeWriter.FRAME + ";[I)I", inv, INVARIANT, IRETURN);
    classInit();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void constructor() {
    MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, SUPER, "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** K = the nodes the methods refer to, the class data of the hidden class. */
  private void classInit() {
    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
        "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
    mv.visitLdcInsn("_");
    mv.visitLdcInsn(org.objectweb.asm.Type.getType("[Ljava/lang/Object;"));
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)"
            + "Ljava/lang/Object;", false);
    mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
    mv.visitFieldInsn(PUTSTATIC, NAME, "K", "[Ljava/lang/Object;");
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code name(int i, Frame f, int[] s)}: a tableswitch to static method targets[i]. */
  private void dispatch(String name, String desc, String[] targets, String targetDesc,
      int returns) {
    MethodVisitor mv = cw.visitMethod(0, name, desc, null, null);
    mv.visitCode();
    Label none = new Label();
    Label[] cases = new Label[targets.length];
    for (int i = 0; i < cases.length; i++) cases[i] = new Label();
    mv.visitVarInsn(ILOAD, 1);
    if (targets.length > 0) {
      mv.visitTableSwitchInsn(0, targets.length - 1, none, cases);
      for (int i = 0; i < targets.length; i++) {
        mv.visitLabel(cases[i]);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitMethodInsn(INVOKESTATIC, NAME, targets[i], targetDesc, false);
        mv.visitInsn(returns);
      }
    } else {
      mv.visitInsn(POP);
    }
    mv.visitLabel(none);
    mv.visitTypeInsn(NEW, "java/lang/IllegalArgumentException");
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "()V",
        false);
    mv.visitInsn(ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private String invariant(int k, Code c) {
    String name = "invariant" + k;
    MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, name, INVARIANT, null, null);
    mv.visitCode();
    new CodeWriter(mv, NAME, constants).push(c);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    return name;
  }

  /** The method that runs the rest of a step from {@code node}; written once per node. */
  private String method(Instr node) {
    return methods.computeIfAbsent(node, n -> {
      pending.add(n);
      return "step" + methods.size();
    });
  }

  private void step(Instr entry) {
    MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, methods.get(entry), STEP, null,
        null);
    mv.visitCode();
    new StepMethod(new CodeWriter(mv, NAME, constants)).chain(entry);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Transition t's entry method: {@link Instr#runFrom} for {@code start}. */
  private String entry(int t, Instr start) {
    String name = "entry" + t;
    MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, name, STEP, null, null);
    mv.visitCode();
    new StepMethod(new CodeWriter(mv, NAME, constants)).from(start);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    return name;
  }

  /** One method's statements: each node written once, a second arrival jumps to it. */
  private final class StepMethod {
    private final CodeWriter c;
    private final MethodVisitor mv;
    private final Map<Instr, Label> written = new IdentityHashMap<>();

    StepMethod(CodeWriter c) {
      this.c = c;
      this.mv = c.mv;
    }

    void chain(Instr start) {
      Instr node = start;
      while (node != null) {
        Label seen = written.get(node);
        if (seen != null) {
          mv.visitJumpInsn(GOTO, seen);
          return;
        }
        Label here = new Label();
        mv.visitLabel(here);
        written.put(node, here);
        node = one(node);
      }
    }

    /** The state is the parent's, never written here: see {@link Instr#runFrom}. */
    void from(Instr start) {
      Instr node = start;
      while (node instanceof Instr.When w) {
        returnUnless(w);
        node = w.next;
      }
      if (node instanceof Instr.Either e) {
        either(e, false);
      } else if (node instanceof Instr.Choose ch) {
        choose(ch, false);
      } else {
        mv.visitVarInsn(ALOAD, CodeWriter.F);
        copyState();
        mv.visitMethodInsn(INVOKESTATIC, NAME, method(node), STEP, false);
        giveBack();
        mv.visitInsn(RETURN);
      }
    }

    /** Writes {@code node}; returns what runs next in line, or null when this path ended. */
    private Instr one(Instr node) {
      if (node instanceof Instr.Emit e) {
        if (e.pcSlot >= 0) store(e.pcSlot, () -> c.pushInt(e.label));
        mv.visitVarInsn(ALOAD, CodeWriter.F);
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        mv.visitMethodInsn(INVOKEVIRTUAL, CodeWriter.FRAME, "emit", "([I)V", false);
        mv.visitInsn(RETURN);
        return null;
      } else if (node instanceof Instr.Store st) {
        int v = c.toLocal(st.value);
        inRange(v, st.lo, st.hi, st, "outOfRange", "I", v);
        store(st.slot, () -> mv.visitVarInsn(ILOAD, v));
        return st.next;
      } else if (node instanceof Instr.StoreElement st) {
        int k = c.toLocal(st.index);
        inRange(k, st.indexLo, st.indexLo + st.size - 1, st, "indexOutOfRange", "I", k);
        int v = c.toLocal(st.value);
        inRange(v, st.lo, st.hi, st, "valueOutOfRange", "II", k, v);
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        mv.visitVarInsn(ILOAD, k);
        c.pushInt(st.base - st.indexLo);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, v);
        mv.visitInsn(IASTORE);
        return st.next;
      } else if (node instanceof Instr.Push p) {
        return push(p);
      } else if (node instanceof Instr.Pop p) {
        return pop(p);
      } else if (node instanceof Instr.If i) {
        Label otherwise = new Label();
        c.push(i.condition);
        mv.visitJumpInsn(IFEQ, otherwise);
        chain(i.then);
        mv.visitLabel(otherwise);
        return i.otherwise;
      } else if (node instanceof Instr.When w) {
        returnUnless(w);
        return w.next;
      } else if (node instanceof Instr.Assert a) {
        Label off = new Label();
        Label ok = new Label();
        c.frameField("checked", "[Z");
        c.pushInt(a.property);
        mv.visitInsn(BALOAD);
        mv.visitJumpInsn(IFEQ, off);
        c.count("evaluated", a.site);
        c.push(a.condition);
        mv.visitJumpInsn(IFNE, ok);
        c.node(a);
        mv.visitVarInsn(ALOAD, CodeWriter.F);
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        mv.visitMethodInsn(INVOKEVIRTUAL, "poolcheck/compile/Instr$Assert", "failed",
            "(L" + CodeWriter.FRAME + ";[I)" + CodeWriter.VIOLATION, false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(ok);
        c.count("held", a.site);
        mv.visitLabel(off);
        return a.next;
      } else if (node instanceof Instr.Either e) {
        either(e, true);
        return null;
      } else if (node instanceof Instr.Choose ch) {
        choose(ch, true);
        return null;
      } else if (node instanceof Instr.For f) {
        bound(f.index, () -> c.pushInt(f.lo));
        return f.body;
      } else if (node instanceof Instr.ForNext n) {
        int v = c.local();
        c.frameField("env", "[I");
        c.pushInt(n.loop.index);
        mv.visitInsn(IALOAD);
        mv.visitVarInsn(ISTORE, v);
        Label exit = new Label();
        mv.visitVarInsn(ILOAD, v);
        c.pushInt(n.loop.hi);
        mv.visitJumpInsn(IF_ICMPGE, exit);
        bound(n.loop.index, () -> {
          mv.visitVarInsn(ILOAD, v);
          mv.visitInsn(ICONST_1);
          mv.visitInsn(IADD);
        });
        chain(n.loop.body);
        mv.visitLabel(exit);
        return n.loop.next;
      } else if (node instanceof Instr.Nop) {
        return node.next;
      }
      // a node kind this writer does not know: the linked instructions run the rest
      c.node(node);
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitVarInsn(ALOAD, CodeWriter.S);
      mv.visitMethodInsn(INVOKEVIRTUAL, "poolcheck/compile/Instr", "run", STEP, false);
      mv.visitInsn(RETURN);
      return null;
    }

    private void store(int slot, Runnable value) {
      mv.visitVarInsn(ALOAD, CodeWriter.S);
      c.pushInt(slot);
      value.run();
      mv.visitInsn(IASTORE);
    }

    private void bound(int index, Runnable value) {
      c.frameField("env", "[I");
      c.pushInt(index);
      value.run();
      mv.visitInsn(IASTORE);
    }

    private void inRange(int local, int lo, int hi, Object node, String failure, String desc,
        int... args) {
      Label fail = new Label();
      Label ok = new Label();
      c.outside(local, lo, hi, fail);
      mv.visitJumpInsn(GOTO, ok);
      mv.visitLabel(fail);
      c.fail(node, failure, desc, args);
      mv.visitLabel(ok);
    }

    private Instr push(Instr.Push p) {
      int v = c.toLocal(p.value);
      c.slot(p.lenSlot);
      int len = c.local();
      mv.visitVarInsn(ISTORE, len);
      Label room = new Label();
      mv.visitVarInsn(ILOAD, len);
      c.pushInt(p.capacity);
      mv.visitJumpInsn(IF_ICMPNE, room);
      c.fail(p, "full", "I", v);
      mv.visitLabel(room);
      inRange(v, p.lo, p.hi, p, "outOfRange", "I", v);
      mv.visitVarInsn(ALOAD, CodeWriter.S);
      mv.visitVarInsn(ILOAD, len);
      c.pushInt(p.lenSlot + 1);
      mv.visitInsn(IADD);
      mv.visitVarInsn(ILOAD, v);
      mv.visitInsn(IASTORE);
      store(p.lenSlot, () -> {
        mv.visitVarInsn(ILOAD, len);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
      });
      return p.next;
    }

    private Instr pop(Instr.Pop p) {
      int first = p.lenSlot + 1;
      c.slot(p.lenSlot);
      int len = c.local();
      mv.visitVarInsn(ISTORE, len);
      Label some = new Label();
      mv.visitVarInsn(ILOAD, len);
      mv.visitJumpInsn(IFNE, some);
      c.fail(p, "empty", "");
      mv.visitLabel(some);
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      if (p.fifo) {
        c.slot(first);
        mv.visitFieldInsn(PUTFIELD, CodeWriter.FRAME, "register", "I");
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        c.pushInt(first + 1);
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        c.pushInt(first);
        mv.visitVarInsn(ILOAD, len);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
            "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
      } else {
        lastElement(p.lenSlot, len);
        mv.visitInsn(IALOAD);
        mv.visitFieldInsn(PUTFIELD, CodeWriter.FRAME, "register", "I");
      }
      lastElement(p.lenSlot, len);
      c.pushInt(p.emptyValue);
      mv.visitInsn(IASTORE);
      store(p.lenSlot, () -> {
        mv.visitVarInsn(ILOAD, len);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
      });
      return p.next;
    }

    /** s, lenSlot + len on the stack: the last element's place. */
    private void lastElement(int lenSlot, int len) {
      mv.visitVarInsn(ALOAD, CodeWriter.S);
      mv.visitVarInsn(ILOAD, len);
      c.pushInt(lenSlot);
      mv.visitInsn(IADD);
    }

    /** Copies of the bound variables and the register, as the linked Either/Choose take. */
    private int[] saveEnvironment() {
      int env = c.local();
      int register = c.local();
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitMethodInsn(INVOKEVIRTUAL, CodeWriter.FRAME, "saveEnv", "()[I", false);
      mv.visitVarInsn(ASTORE, env);
      c.frameField("register", "I");
      mv.visitVarInsn(ISTORE, register);
      return new int[] {env, register};
    }

    private void restoreEnvironment(int[] saved) {
      mv.visitVarInsn(ALOAD, saved[0]);
      mv.visitInsn(ICONST_0);
      c.frameField("env", "[I");
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ALOAD, saved[0]);
      mv.visitInsn(ARRAYLENGTH);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
          "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitVarInsn(ILOAD, saved[1]);
      mv.visitFieldInsn(PUTFIELD, CodeWriter.FRAME, "register", "I");
    }

    /** The method returns here unless {@code w}'s condition holds. */
    private void returnUnless(Instr.When w) {
      int h = guard(w);
      Label holds = new Label();
      mv.visitVarInsn(ILOAD, h);
      mv.visitJumpInsn(IFNE, holds);
      mv.visitInsn(RETURN);
      mv.visitLabel(holds);
    }

    /** Evaluates a when's condition into a local and counts it at its site; the local. */
    private int guard(Instr.When w) {
      int h = c.toLocal(w.condition);
      if (w.site >= 0) {
        c.count("evaluated", w.site);
        Label skip = new Label();
        mv.visitVarInsn(ILOAD, h);
        mv.visitJumpInsn(IFEQ, skip);
        c.count("held", w.site);
        mv.visitLabel(skip);
      }
      return h;
    }

    /**
     * Calls the method of {@code branch} on a copy of the state, as {@link Instr.When#onCopy}
     * does: a branch that starts with a guard has it evaluated on the state itself first, and
     * is neither copied nor called when the guard is false.
     */
    private void onCopy(Instr branch) {
      Label skip = new Label();
      Instr body = branch;
      if (branch instanceof Instr.When w) {
        mv.visitVarInsn(ILOAD, guard(w));
        mv.visitJumpInsn(IFEQ, skip);
        body = w.next;
      }
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      copyState();
      mv.visitMethodInsn(INVOKESTATIC, NAME, method(body), STEP, false);
      giveBack();
      mv.visitLabel(skip);
    }

    /** The copy of the state a branch runs on: {@link Frame#copyOf}. */
    private void copyState() {
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitVarInsn(ALOAD, CodeWriter.S);
      mv.visitMethodInsn(INVOKEVIRTUAL, CodeWriter.FRAME, "copyOf", "([I)[I", false);
    }

    private void dropSavedEnv() {
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitMethodInsn(INVOKEVIRTUAL, CodeWriter.FRAME, "dropSavedEnv", "()V", false);
    }

    private void giveBack() {
      mv.visitVarInsn(ALOAD, CodeWriter.F);
      mv.visitMethodInsn(INVOKEVIRTUAL, CodeWriter.FRAME, "giveBack", "()V", false);
    }

    /** {@code owned}: as {@link Instr.Either#run(Frame, int[], boolean)}. */
    private void either(Instr.Either e, boolean owned) {
      int[] saved = saveEnvironment();
      for (int b = 0; b < e.branches.length; b++) {
        if (b > 0) restoreEnvironment(saved);
        if (owned && b == e.branches.length - 1) {
          mv.visitVarInsn(ALOAD, CodeWriter.F);
          mv.visitVarInsn(ALOAD, CodeWriter.S);
          mv.visitMethodInsn(INVOKESTATIC, NAME, method(e.branches[b]), STEP, false);
        } else {
          onCopy(e.branches[b]);
        }
      }
      dropSavedEnv();
      mv.visitInsn(RETURN);
    }

    /** {@code owned}: as {@link Instr.Choose#run(Frame, int[], boolean)}. */
    private void choose(Instr.Choose ch, boolean owned) {
      int[] saved = saveEnvironment();
      int v = c.wideLocal();
      mv.visitLdcInsn((long) ch.lo);
      mv.visitVarInsn(LSTORE, v);
      Label loop = new Label();
      Label end = new Label();
      Label last = new Label();
      Label step = new Label();
      mv.visitLabel(loop);
      mv.visitVarInsn(LLOAD, v);
      mv.visitLdcInsn((long) ch.hi);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFGT, end);
      restoreEnvironment(saved);
      bound(ch.index, () -> {
        mv.visitVarInsn(LLOAD, v);
        mv.visitInsn(L2I);
      });
      if (owned) {
        mv.visitVarInsn(LLOAD, v);
        mv.visitLdcInsn((long) ch.hi);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, last);
      }
      onCopy(ch.body);
      if (owned) {
        mv.visitJumpInsn(GOTO, step);
        mv.visitLabel(last);
        mv.visitVarInsn(ALOAD, CodeWriter.F);
        mv.visitVarInsn(ALOAD, CodeWriter.S);
        mv.visitMethodInsn(INVOKESTATIC, NAME, method(ch.body), STEP, false);
      }
      mv.visitLabel(step);
      mv.visitVarInsn(LLOAD, v);
      mv.visitInsn(LCONST_1);
      mv.visitInsn(LADD);
      mv.visitVarInsn(LSTORE, v);
      mv.visitJumpInsn(GOTO, loop);
      mv.visitLabel(end);
      dropSavedEnv();
      mv.visitInsn(RETURN);
    }
  }
}
