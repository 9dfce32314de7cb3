---------------------------- MODULE filter ----------------------------
(* filter.pool for TLC: Peterson's filter lock for the processes 0 .. N - 1. pc[i] is the label
   of filter.pool process p[i] about to run. *)
EXTENDS Naturals

CONSTANTS N

VARIABLES level, victim, pc

vars == <<level, victim, pc>>

Proc == 0 .. N - 1

Init ==
  /\ level = [i \in Proc |-> 0]
  /\ victim = [l \in 1 .. N - 1 |-> 0]
  /\ pc = [i \in Proc |-> "raise"]

Next ==
  \E i \in Proc :
    \/ /\ pc[i] = "raise"
       /\ level' = [level EXCEPT ![i] = level[i] + 1]
       /\ pc' = [pc EXCEPT ![i] = "yield"]
       /\ UNCHANGED <<victim>>
    \/ /\ pc[i] = "yield"
       /\ victim' = [victim EXCEPT ![level[i]] = i]
       /\ pc' = [pc EXCEPT ![i] = "wait"]
       /\ UNCHANGED <<level>>
    \/ /\ pc[i] = "wait"
       /\ ((\A k \in Proc : k = i \/ level[k] < level[i]) \/ victim[level[i]] # i)
       /\ pc' = [pc EXCEPT ![i] = IF level[i] < N - 1 THEN "raise" ELSE "critical"]
       /\ UNCHANGED <<level, victim>>
    \/ /\ pc[i] = "critical"
       /\ level' = [level EXCEPT ![i] = 0]
       /\ pc' = [pc EXCEPT ![i] = "raise"]
       /\ UNCHANGED <<victim>>

MutualExclusion == \A i \in Proc : \A j \in Proc : (pc[i] = "critical" /\ pc[j] = "critical") => i = j

Spec == Init /\ [][Next]_vars
=============================================================================
