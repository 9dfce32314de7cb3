/* lock_order: exported from src/test/resources/export/deadlock.pool by poolcheck export --to promela. */
/* Each model step is one d_step; verify with: spin -o1 -o2 -a FILE && gcc -DNOREDUCE -DBFS -DSAFETY -o pan pan.c && ./pan (docs/export.md). */


/* Property names. Every assertion reads assert(condition || P_name == 0): P_name is
   never 0, so the assertion is the condition, and SPIN's text of it names the property. */
mtype = { P_value_out_of_range, P_container_overflow, P_container_underflow, P_index_out_of_range, P_division_by_zero, P_arithmetic_overflow, P_deadlock };

bool a_held;
bool b_held;
byte pc_t1 = 255;
byte pc_t2 = 255;

init {
  if
  :: d_step {
    a_held = false;
    b_held = false;
    pc_t1 = 0;
    pc_t2 = 0;
  }
  fi
}

active proctype t1() {
end_t1:
  do
  :: d_step { /* t1 lock_a */
       (pc_t1 == 0) && !a_held ->
       a_held = true;
       pc_t1 = 1;
     }
  :: d_step { /* t1 lock_b */
       (pc_t1 == 1) && !b_held ->
       b_held = true;
       pc_t1 = 2;
     }
  :: d_step { /* t1 unlock */
       (pc_t1 == 2) ->
       b_held = false;
       a_held = false;
       pc_t1 = 3;
     }
  od
}

active proctype t2() {
end_t2:
  do
  :: d_step { /* t2 lock_b */
       (pc_t2 == 0) && !b_held ->
       b_held = true;
       pc_t2 = 1;
     }
  :: d_step { /* t2 lock_a */
       (pc_t2 == 1) && !a_held ->
       a_held = true;
       pc_t2 = 2;
     }
  :: d_step { /* t2 unlock */
       (pc_t2 == 2) ->
       a_held = false;
       b_held = false;
       pc_t2 = 3;
     }
  od
}

/* Deadlock: no step is enabled (timeout) in a state that is not final. */
active proctype poolcheck_deadlock() {
end_monitor:
  do
  :: atomic { timeout && !(pc_t1 == 3 && pc_t2 == 3) -> assert(false || P_deadlock == 0); }
  od
}
