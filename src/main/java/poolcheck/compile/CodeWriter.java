package poolcheck.compile;

import static org.objectweb.asm.Opcodes.*;

import java.util.IdentityHashMap;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes one generated method's expressions: each {@link Code} node becomes the bytecode that
 * leaves its value on the operand stack, operands held in int locals, evaluated in the order
 * {@link Code#eval} evaluates them. A failure builds its {@link Violation} through the node
 * itself (a constant of the class), so the message is the linked instruction's.
 */
final class CodeWriter {
  static final String FRAME = "poolcheck/compile/Frame";
  static final String VIOLATION = "Lpoolcheck/compile/Violation;";
  /** The method's arguments: (Frame f, int[] s). */
  static final int F = 0;
  static final int S = 1;

  final MethodVisitor mv;
  private final String owner;
  private final Constants constants;
  private int nextLocal = 2;

  /** The nodes a generated class refers to, handed to it as its class data. */
  static final class Constants {
    final List<Object> values = new java.util.ArrayList<>();
    private final IdentityHashMap<Object, Integer> index = new IdentityHashMap<>();

    int of(Object node) {
      return index.computeIfAbsent(node, n -> {
        values.add(n);
        return values.size() - 1;
      });
    }
  }

  CodeWriter(MethodVisitor mv, String owner, Constants constants) {
    this.mv = mv;
    this.owner = owner;
    this.constants = constants;
  }

  int local() {
    return nextLocal++;
  }

  int wideLocal() {
    int l = nextLocal;
    nextLocal += 2;
    return l;
  }

  void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  /** The node itself, cast to its class: the receiver of its failure method. */
  void node(Object n) {
    mv.visitFieldInsn(GETSTATIC, owner, "K", "[Ljava/lang/Object;");
    pushInt(constants.of(n));
    mv.visitInsn(AALOAD);
    mv.visitTypeInsn(CHECKCAST, org.objectweb.asm.Type.getInternalName(n.getClass()));
  }

  void frameField(String name, String desc) {
    mv.visitVarInsn(ALOAD, F);
    mv.visitFieldInsn(GETFIELD, FRAME, name, desc);
  }

  /** f.{evaluated,held}[site]++ */
  void count(String counter, int site) {
    frameField(counter, "[J");
    pushInt(site);
    mv.visitInsn(DUP2);
    mv.visitInsn(LALOAD);
    mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    mv.visitInsn(LASTORE);
  }

  /** s[slot], slot on the stack already pushed by the caller when {@code slot} is null. */
  void slot(int slot) {
    mv.visitVarInsn(ALOAD, S);
    pushInt(slot);
    mv.visitInsn(IALOAD);
  }

  /** Evaluates {@code c} into a new int local. */
  int toLocal(Code c) {
    push(c);
    int l = local();
    mv.visitVarInsn(ISTORE, l);
    return l;
  }

  /** Jumps to {@code fail} unless lo <= local <= hi. */
  void outside(int local, int lo, int hi, Label fail) {
    if (lo != Integer.MIN_VALUE) {
      mv.visitVarInsn(ILOAD, local);
      pushInt(lo);
      mv.visitJumpInsn(IF_ICMPLT, fail);
    }
    if (hi != Integer.MAX_VALUE) {
      mv.visitVarInsn(ILOAD, local);
      pushInt(hi);
      mv.visitJumpInsn(IF_ICMPGT, fail);
    }
  }

  /** Throws the violation that {@code node.method(args..., s)} builds; args are int locals. */
  void fail(Object node, String method, String argsDesc, int... intLocals) {
    node(node);
    for (int l : intLocals) mv.visitVarInsn(ILOAD, l);
    mv.visitVarInsn(ALOAD, S);
    mv.visitMethodInsn(INVOKEVIRTUAL, org.objectweb.asm.Type.getInternalName(node.getClass()),
        method, "(" + argsDesc + "[I)" + VIOLATION, false);
    mv.visitInsn(ATHROW);
  }

  void push(Code c) {
    if (c instanceof Code.Const k) {
      pushInt(k.value);
    } else if (c instanceof Code.Slot sl) {
      slot(sl.slot);
    } else if (c instanceof Code.Bound b) {
      frameField("env", "[I");
      pushInt(b.index);
      mv.visitInsn(IALOAD);
    } else if (c instanceof Code.Register) {
      frameField("register", "I");
    } else if (c instanceof Code.ArrayRead r) {
      int v = toLocal(r.index);
      Label fail = new Label();
      Label end = new Label();
      outside(v, r.indexLo, r.indexLo + r.size - 1, fail);
      mv.visitVarInsn(ALOAD, S);
      mv.visitVarInsn(ILOAD, v);
      pushInt(r.base - r.indexLo);
      mv.visitInsn(IADD);
      mv.visitInsn(IALOAD);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(fail);
      fail(r, "outOfRange", "I", v);
      mv.visitLabel(end);
    } else if (c instanceof Code.Cell cell) {
      int i = toLocal(cell.first);
      Label firstFails = new Label();
      Label secondFails = new Label();
      Label end = new Label();
      outside(i, cell.firstLo, cell.firstLo + cell.rows - 1, firstFails);
      int j = toLocal(cell.second);
      outside(j, cell.secondLo, cell.secondLo + cell.columns - 1, secondFails);
      mv.visitVarInsn(ILOAD, i);
      pushInt(cell.firstLo);
      mv.visitInsn(ISUB);
      pushInt(cell.columns);
      mv.visitInsn(IMUL);
      mv.visitVarInsn(ILOAD, j);
      pushInt(cell.secondLo);
      mv.visitInsn(ISUB);
      mv.visitInsn(IADD);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(firstFails);
      fail(cell, "firstOutOfRange", "I", i);
      mv.visitLabel(secondFails);
      fail(cell, "secondOutOfRange", "I", j);
      mv.visitLabel(end);
    } else if (c instanceof Code.ElementRead r) {
      int i = toLocal(r.index);
      Label fail = new Label();
      Label end = new Label();
      mv.visitVarInsn(ILOAD, i);
      mv.visitJumpInsn(IFLT, fail);
      mv.visitVarInsn(ILOAD, i);
      slot(r.lenSlot);
      mv.visitJumpInsn(IF_ICMPGE, fail);
      mv.visitVarInsn(ALOAD, S);
      mv.visitVarInsn(ILOAD, i);
      pushInt(r.lenSlot + 1);
      mv.visitInsn(IADD);
      mv.visitInsn(IALOAD);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(fail);
      fail(r, "outOfRange", "I", i);
      mv.visitLabel(end);
    } else if (c instanceof Code.Head h) {
      Label fail = new Label();
      Label end = new Label();
      slot(h.lenSlot);
      int len = local();
      mv.visitVarInsn(ISTORE, len);
      mv.visitVarInsn(ILOAD, len);
      mv.visitJumpInsn(IFEQ, fail);
      if (h.fifo) {
        slot(h.lenSlot + 1);
      } else {
        mv.visitVarInsn(ALOAD, S);
        mv.visitVarInsn(ILOAD, len);
        pushInt(h.lenSlot);
        mv.visitInsn(IADD);
        mv.visitInsn(IALOAD);
      }
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(fail);
      fail(h, "empty", "");
      mv.visitLabel(end);
    } else if (c instanceof Code.Contains k) {
      contains(k);
    } else if (c instanceof Code.LocalRead r) {
      int i = toLocal(r.instance);
      Label fail = new Label();
      Label end = new Label();
      outside(i, 0, r.instances - 1, fail);
      mv.visitVarInsn(ALOAD, S);
      mv.visitVarInsn(ILOAD, i);
      if (r.stride != 1) {
        pushInt(r.stride);
        mv.visitInsn(IMUL);
      }
      pushInt(r.base);
      mv.visitInsn(IADD);
      mv.visitInsn(IALOAD);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(fail);
      fail(r, "outOfRange", "I", i);
      mv.visitLabel(end);
    } else if (c instanceof Code.Not n) {
      push(n.a);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(IXOR);
    } else if (c instanceof Code.Negate n) {
      int x = toLocal(n.a);
      Label fail = new Label();
      Label end = new Label();
      mv.visitVarInsn(ILOAD, x);
      pushInt(Integer.MIN_VALUE);
      mv.visitJumpInsn(IF_ICMPEQ, fail);
      mv.visitVarInsn(ILOAD, x);
      mv.visitInsn(INEG);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(fail);
      fail(n, "overflow", "I", x);
      mv.visitLabel(end);
    } else if (c instanceof Code.And a) {
      Label zero = new Label();
      Label end = new Label();
      push(a.a);
      mv.visitJumpInsn(IFEQ, zero);
      push(a.b);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(zero);
      mv.visitInsn(ICONST_0);
      mv.visitLabel(end);
    } else if (c instanceof Code.Or o) {
      Label second = new Label();
      Label end = new Label();
      push(o.a);
      mv.visitJumpInsn(IFEQ, second);
      mv.visitInsn(ICONST_1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(second);
      push(o.b);
      mv.visitLabel(end);
    } else if (c instanceof Code.Implies i) {
      implies(i);
    } else if (c instanceof Code.Arith a) {
      arith(a);
    } else if (c instanceof Code.Quantifier q) {
      quantifier(q);
    } else {
      // a node kind this writer does not know: the linked node evaluates itself
      node(c);
      mv.visitVarInsn(ALOAD, F);
      mv.visitVarInsn(ALOAD, S);
      mv.visitMethodInsn(INVOKEVIRTUAL, "poolcheck/compile/Code", "eval", "(L" + FRAME
          + ";[I)I", false);
    }
  }

  /** Turns the two ints on the stack into 1 when {@code jump} holds, else 0. */
  private void compare(int jump) {
    Label yes = new Label();
    Label end = new Label();
    mv.visitJumpInsn(jump, yes);
    mv.visitInsn(ICONST_0);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(yes);
    mv.visitInsn(ICONST_1);
    mv.visitLabel(end);
  }

  private void contains(Code.Contains k) {
    int v = toLocal(k.value);
    slot(k.lenSlot);
    int len = local();
    mv.visitVarInsn(ISTORE, len);
    int i = local();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, i);
    Label loop = new Label();
    Label found = new Label();
    Label none = new Label();
    Label end = new Label();
    mv.visitLabel(loop);
    mv.visitVarInsn(ILOAD, i);
    mv.visitVarInsn(ILOAD, len);
    mv.visitJumpInsn(IF_ICMPGE, none);
    mv.visitVarInsn(ALOAD, S);
    mv.visitVarInsn(ILOAD, i);
    pushInt(k.lenSlot + 1);
    mv.visitInsn(IADD);
    mv.visitInsn(IALOAD);
    mv.visitVarInsn(ILOAD, v);
    mv.visitJumpInsn(IF_ICMPEQ, found);
    mv.visitIincInsn(i, 1);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(found);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(none);
    mv.visitInsn(ICONST_0);
    mv.visitLabel(end);
  }

  private void implies(Code.Implies i) {
    int p = toLocal(i.a);
    if (i.site >= 0) {
      count("evaluated", i.site);
      Label skip = new Label();
      mv.visitVarInsn(ILOAD, p);
      mv.visitJumpInsn(IFEQ, skip);
      count("held", i.site);
      mv.visitLabel(skip);
    }
    Label conclusion = new Label();
    Label end = new Label();
    mv.visitVarInsn(ILOAD, p);
    mv.visitJumpInsn(IFNE, conclusion);
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(conclusion);
    push(i.b);
    mv.visitLabel(end);
  }

  private void arith(Code.Arith a) {
    int x = toLocal(a.a);
    int y = toLocal(a.b);
    switch (a.op) {
      case Code.Arith.ADD, Code.Arith.SUB, Code.Arith.MUL -> {
        mv.visitVarInsn(ILOAD, x);
        mv.visitInsn(I2L);
        mv.visitVarInsn(ILOAD, y);
        mv.visitInsn(I2L);
        mv.visitInsn(a.op == Code.Arith.ADD ? LADD : a.op == Code.Arith.SUB ? LSUB : LMUL);
        fit(a, x, y);
      }
      case Code.Arith.DIV -> {
        nonZero(a, x, y);
        mv.visitVarInsn(ILOAD, x);
        mv.visitInsn(I2L);
        mv.visitVarInsn(ILOAD, y);
        mv.visitInsn(I2L);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "floorDiv", "(JJ)J", false);
        fit(a, x, y);
      }
      case Code.Arith.MOD -> {
        nonZero(a, x, y);
        mv.visitVarInsn(ILOAD, x);
        mv.visitVarInsn(ILOAD, y);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "floorMod", "(II)I", false);
      }
      case Code.Arith.MIN, Code.Arith.MAX -> {
        mv.visitVarInsn(ILOAD, x);
        mv.visitVarInsn(ILOAD, y);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", a.op == Code.Arith.MIN ? "min" : "max",
            "(II)I", false);
      }
      default -> {
        mv.visitVarInsn(ILOAD, x);
        mv.visitVarInsn(ILOAD, y);
        compare(switch (a.op) {
          case Code.Arith.EQ -> IF_ICMPEQ;
          case Code.Arith.NE -> IF_ICMPNE;
          case Code.Arith.LT -> IF_ICMPLT;
          case Code.Arith.LE -> IF_ICMPLE;
          case Code.Arith.GT -> IF_ICMPGT;
          case Code.Arith.GE -> IF_ICMPGE;
          default -> throw new IllegalStateException("no operator " + a.op);
        });
      }
    }
  }

  private void nonZero(Code.Arith a, int x, int y) {
    Label ok = new Label();
    mv.visitVarInsn(ILOAD, y);
    mv.visitJumpInsn(IFNE, ok);
    fail(a, "divisionByZero", "I", x);
    mv.visitLabel(ok);
  }

  /** The long on the stack as an int, or the overflow violation when it does not fit. */
  private void fit(Code.Arith a, int x, int y) {
    int r = wideLocal();
    mv.visitVarInsn(LSTORE, r);
    Label fail = new Label();
    Label end = new Label();
    mv.visitVarInsn(LLOAD, r);
    mv.visitVarInsn(LLOAD, r);
    mv.visitInsn(L2I);
    mv.visitInsn(I2L);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFNE, fail);
    mv.visitVarInsn(LLOAD, r);
    mv.visitInsn(L2I);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(fail);
    node(a);
    mv.visitVarInsn(LLOAD, r);
    mv.visitVarInsn(ILOAD, x);
    mv.visitVarInsn(ILOAD, y);
    mv.visitVarInsn(ALOAD, S);
    mv.visitMethodInsn(INVOKEVIRTUAL, "poolcheck/compile/Code$Arith", "overflow",
        "(JII[I)" + VIOLATION, false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(end);
  }

  private void quantifier(Code.Quantifier q) {
    int count = local();
    int result = local();
    int v = wideLocal();
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, count);
    mv.visitLdcInsn((long) q.lo);
    mv.visitVarInsn(LSTORE, v);
    Label loop = new Label();
    Label done = new Label();
    Label end = new Label();
    mv.visitLabel(loop);
    mv.visitVarInsn(LLOAD, v);
    mv.visitLdcInsn((long) q.hi);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFGT, done);
    frameField("env", "[I");
    pushInt(q.index);
    mv.visitVarInsn(LLOAD, v);
    mv.visitInsn(L2I);
    mv.visitInsn(IASTORE);
    int b = toLocal(q.body);
    if (q.kind != Code.Quantifier.COUNT) {
      Label go = new Label();
      mv.visitVarInsn(ILOAD, b);
      mv.visitJumpInsn(q.kind == Code.Quantifier.FORALL ? IFNE : IFEQ, go);
      mv.visitInsn(q.kind == Code.Quantifier.FORALL ? ICONST_0 : ICONST_1);
      mv.visitVarInsn(ISTORE, result);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(go);
    }
    mv.visitVarInsn(ILOAD, count);
    mv.visitVarInsn(ILOAD, b);
    mv.visitInsn(IADD);
    mv.visitVarInsn(ISTORE, count);
    mv.visitVarInsn(LLOAD, v);
    mv.visitInsn(LCONST_1);
    mv.visitInsn(LADD);
    mv.visitVarInsn(LSTORE, v);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(done);
    if (q.kind == Code.Quantifier.COUNT) {
      mv.visitVarInsn(ILOAD, count);
    } else {
      mv.visitInsn(q.kind == Code.Quantifier.FORALL ? ICONST_1 : ICONST_0);
    }
    mv.visitVarInsn(ISTORE, result);
    mv.visitLabel(end);
    mv.visitVarInsn(ILOAD, result);
  }
}
