-------------------- MODULE lost_update --------------------
(* lost_update: exported from src/test/resources/export/lost_update.pool by poolcheck export --to tla. *)
(* Check with TLC and lost_update.cfg; docs/export.md says how its figures compare. *)
EXTENDS Integers, Sequences, FiniteSets, TLC

CPUS == 2

VARIABLES counter, pc_cpu_0, cpu_0_tmp, pc_cpu_1, cpu_1_tmp

vars == <<counter, pc_cpu_0, cpu_0_tmp, pc_cpu_1, cpu_1_tmp>>

Init ==
  /\ counter = 0
  /\ pc_cpu_0 = "load"
  /\ cpu_0_tmp = 0
  /\ pc_cpu_1 = "load"
  /\ cpu_1_tmp = 0

\* cpu[0] load @atomic_read (src/test/resources/export/lost_update.pool:12:3)
cpu_0_load ==
  /\ pc_cpu_0 = "load"
  /\ /\ Assert(counter \in (0..2), "value_out_of_range")
     /\ /\ pc_cpu_0' = "store"
        /\ cpu_0_tmp' = counter
        /\ UNCHANGED <<counter, pc_cpu_1, cpu_1_tmp>>

\* cpu[0] store @atomic_set (src/test/resources/export/lost_update.pool:13:3)
cpu_0_store ==
  /\ pc_cpu_0 = "store"
  /\ /\ Assert((cpu_0_tmp + 1) \in (0..2), "value_out_of_range")
     /\ /\ counter' = (cpu_0_tmp + 1)
        /\ pc_cpu_0' = "done"
        /\ UNCHANGED <<cpu_0_tmp, pc_cpu_1, cpu_1_tmp>>

\* cpu[1] load @atomic_read (src/test/resources/export/lost_update.pool:12:3)
cpu_1_load ==
  /\ pc_cpu_1 = "load"
  /\ /\ Assert(counter \in (0..2), "value_out_of_range")
     /\ /\ pc_cpu_1' = "store"
        /\ cpu_1_tmp' = counter
        /\ UNCHANGED <<counter, pc_cpu_0, cpu_0_tmp>>

\* cpu[1] store @atomic_set (src/test/resources/export/lost_update.pool:13:3)
cpu_1_store ==
  /\ pc_cpu_1 = "store"
  /\ /\ Assert((cpu_1_tmp + 1) \in (0..2), "value_out_of_range")
     /\ /\ counter' = (cpu_1_tmp + 1)
        /\ pc_cpu_1' = "done"
        /\ UNCHANGED <<pc_cpu_0, cpu_0_tmp, cpu_1_tmp>>

\* A final state stutters, so TLC's deadlock check reports only the model's deadlocks.
Done ==
  /\ pc_cpu_0 = "done" /\ pc_cpu_1 = "done"
  /\ UNCHANGED vars

Next ==
  \/ cpu_0_load
  \/ cpu_0_store
  \/ cpu_1_load
  \/ cpu_1_store
  \/ Done

Spec == Init /\ [][Next]_vars

Inv_counter_bounded == (counter <= CPUS)
Inv_no_lost_update == ((\A c \in (0..1) : ((c = 0 /\ pc_cpu_0 = "done") \/ (c = 1 /\ pc_cpu_1 = "done"))) => (counter = CPUS))
=====================================================
