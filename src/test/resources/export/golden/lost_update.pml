/* lost_update: exported from src/test/resources/export/lost_update.pool by poolcheck export --to promela. */
/* Each model step is one d_step; verify with: spin -o1 -o2 -a FILE && gcc -DNOREDUCE -DBFS -DSAFETY -o pan pan.c && ./pan (docs/export.md). */

#define CPUS 2

/* Property names. Every assertion reads assert(condition || P_name == 0): P_name is
   never 0, so the assertion is the condition, and SPIN's text of it names the property. */
mtype = { P_value_out_of_range, P_container_overflow, P_container_underflow, P_index_out_of_range, P_division_by_zero, P_arithmetic_overflow, P_deadlock, P_counter_bounded, P_no_lost_update };

byte counter;
byte pc_cpu_0 = 255;
byte cpu_0_tmp;
byte pc_cpu_1 = 255;
byte cpu_1_tmp;

init {
  if
  :: d_step {
    counter = 0;
    cpu_0_tmp = 0;
    pc_cpu_0 = 0;
    cpu_1_tmp = 0;
    pc_cpu_1 = 0;
    assert((counter <= CPUS) || P_counter_bounded == 0);
    assert((!((pc_cpu_0 == 2) && (pc_cpu_1 == 2)) || (counter == CPUS)) || P_no_lost_update == 0);
  }
  fi
}

active proctype cpu_0() {
end_cpu_0:
  do
  :: d_step { /* cpu[0] load @atomic_read */
       (pc_cpu_0 == 0) ->
       assert((0 <= counter && counter <= 2) || P_value_out_of_range == 0);
       cpu_0_tmp = counter;
       pc_cpu_0 = 1;
       assert((counter <= CPUS) || P_counter_bounded == 0);
       assert((!((pc_cpu_0 == 2) && (pc_cpu_1 == 2)) || (counter == CPUS)) || P_no_lost_update == 0);
     }
  :: d_step { /* cpu[0] store @atomic_set */
       (pc_cpu_0 == 1) ->
       assert((0 <= (cpu_0_tmp + 1) && (cpu_0_tmp + 1) <= 2) || P_value_out_of_range == 0);
       counter = (cpu_0_tmp + 1);
       pc_cpu_0 = 2;
       assert((counter <= CPUS) || P_counter_bounded == 0);
       assert((!((pc_cpu_0 == 2) && (pc_cpu_1 == 2)) || (counter == CPUS)) || P_no_lost_update == 0);
     }
  od
}

active proctype cpu_1() {
end_cpu_1:
  do
  :: d_step { /* cpu[1] load @atomic_read */
       (pc_cpu_1 == 0) ->
       assert((0 <= counter && counter <= 2) || P_value_out_of_range == 0);
       cpu_1_tmp = counter;
       pc_cpu_1 = 1;
       assert((counter <= CPUS) || P_counter_bounded == 0);
       assert((!((pc_cpu_0 == 2) && (pc_cpu_1 == 2)) || (counter == CPUS)) || P_no_lost_update == 0);
     }
  :: d_step { /* cpu[1] store @atomic_set */
       (pc_cpu_1 == 1) ->
       assert((0 <= (cpu_1_tmp + 1) && (cpu_1_tmp + 1) <= 2) || P_value_out_of_range == 0);
       counter = (cpu_1_tmp + 1);
       pc_cpu_1 = 2;
       assert((counter <= CPUS) || P_counter_bounded == 0);
       assert((!((pc_cpu_0 == 2) && (pc_cpu_1 == 2)) || (counter == CPUS)) || P_no_lost_update == 0);
     }
  od
}

/* Deadlock: no step is enabled (timeout) in a state that is not final. */
active proctype poolcheck_deadlock() {
end_monitor:
  do
  :: atomic { timeout && !(pc_cpu_0 == 2 && pc_cpu_1 == 2) -> assert(false || P_deadlock == 0); }
  od
}
