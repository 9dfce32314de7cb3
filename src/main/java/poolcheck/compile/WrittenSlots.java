package poolcheck.compile;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The step contract's write set: every state slot that one step's linked instructions may
 * write, found by walking them (every branch, every loop body). An element written at an index
 * known only when the step runs counts as the whole array (a constant one, such as self, as
 * its element); a push or pop as the whole container.
 * So a successor differs from its parent in these slots at most, and the search compares and
 * repacks only them instead of every slot of the state.
 */
final class WrittenSlots {
  private WrittenSlots() {}

  /** The slots {@code entry} may write, ascending; null if any. */
  static int[] of(Instr entry) {
    BitSet slots = new BitSet();
    Set<Instr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Instr> todo = new ArrayDeque<>();
    todo.push(entry);
    while (!todo.isEmpty()) {
      Instr i = todo.pop();
      if (!seen.add(i)) continue;
      push(todo, i.next);
      if (i instanceof Instr.Emit e) {
        if (e.pcSlot >= 0) slots.set(e.pcSlot);
      } else if (i instanceof Instr.Store st) {
        slots.set(st.slot);
      } else if (i instanceof Instr.StoreElement st) {
        long at = st.index instanceof Code.Const k ? (long) k.value - st.indexLo : -1;
        if (at >= 0 && at < st.size) {
          slots.set(st.base + (int) at); // a constant index, such as self
        } else {
          slots.set(st.base, st.base + st.size);
        }
      } else if (i instanceof Instr.Push p) {
        slots.set(p.lenSlot, p.lenSlot + 1 + p.capacity);
      } else if (i instanceof Instr.Pop p) {
        slots.set(p.lenSlot, p.lenSlot + 1 + p.capacity);
      } else if (i instanceof Instr.If c) {
        push(todo, c.then);
        push(todo, c.otherwise);
      } else if (i instanceof Instr.Either e) {
        for (Instr b : e.branches) {
          push(todo, b);
        }
      } else if (i instanceof Instr.Choose c) {
        push(todo, c.body);
      } else if (i instanceof Instr.For f) {
        push(todo, f.body);
      } else if (i instanceof Instr.ForNext n) {
        push(todo, n.loop.body);
      } else if (!(i instanceof Instr.When || i instanceof Instr.Assert
          || i instanceof Instr.Nop)) {
        return null; // an instruction this walk does not know: it may write anything
      }
    }
    return slots.stream().toArray();
  }

  private static void push(ArrayDeque<Instr> todo, Instr i) {
    if (i != null) todo.push(i);
  }
}
