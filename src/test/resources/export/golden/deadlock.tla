-------------------- MODULE deadlock --------------------
(* lock_order: exported from src/test/resources/export/deadlock.pool by poolcheck export --to tla. *)
(* Check with TLC and deadlock.cfg; docs/export.md says how its figures compare. *)
EXTENDS Integers, Sequences, FiniteSets, TLC


VARIABLES a_held, b_held, pc_t1, pc_t2

vars == <<a_held, b_held, pc_t1, pc_t2>>

Init ==
  /\ a_held = FALSE
  /\ b_held = FALSE
  /\ pc_t1 = "lock_a"
  /\ pc_t2 = "lock_b"

\* t1 lock_a (src/test/resources/export/deadlock.pool:8:3)
t1_lock_a ==
  /\ pc_t1 = "lock_a"
  /\ ~a_held
  /\ /\ a_held' = TRUE
     /\ pc_t1' = "lock_b"
     /\ UNCHANGED <<b_held, pc_t2>>

\* t1 lock_b (src/test/resources/export/deadlock.pool:9:3)
t1_lock_b ==
  /\ pc_t1 = "lock_b"
  /\ ~b_held
  /\ /\ b_held' = TRUE
     /\ pc_t1' = "unlock"
     /\ UNCHANGED <<a_held, pc_t2>>

\* t1 unlock (src/test/resources/export/deadlock.pool:10:3)
t1_unlock ==
  /\ pc_t1 = "unlock"
  /\ /\ a_held' = FALSE
     /\ b_held' = FALSE
     /\ pc_t1' = "done"
     /\ UNCHANGED <<pc_t2>>

\* t2 lock_b (src/test/resources/export/deadlock.pool:14:3)
t2_lock_b ==
  /\ pc_t2 = "lock_b"
  /\ ~b_held
  /\ /\ b_held' = TRUE
     /\ pc_t2' = "lock_a"
     /\ UNCHANGED <<a_held, pc_t1>>

\* t2 lock_a (src/test/resources/export/deadlock.pool:15:3)
t2_lock_a ==
  /\ pc_t2 = "lock_a"
  /\ ~a_held
  /\ /\ a_held' = TRUE
     /\ pc_t2' = "unlock"
     /\ UNCHANGED <<b_held, pc_t1>>

\* t2 unlock (src/test/resources/export/deadlock.pool:16:3)
t2_unlock ==
  /\ pc_t2 = "unlock"
  /\ /\ a_held' = FALSE
     /\ b_held' = FALSE
     /\ pc_t2' = "done"
     /\ UNCHANGED <<pc_t1>>

\* A final state stutters, so TLC's deadlock check reports only the model's deadlocks.
Done ==
  /\ pc_t1 = "done" /\ pc_t2 = "done"
  /\ UNCHANGED vars

Next ==
  \/ t1_lock_a
  \/ t1_lock_b
  \/ t1_unlock
  \/ t2_lock_b
  \/ t2_lock_a
  \/ t2_unlock
  \/ Done

Spec == Init /\ [][Next]_vars

==================================================
