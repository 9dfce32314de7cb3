---------------------------- MODULE two_phase ----------------------------
(* two_phase.pool for TLC: Lamport and Gray's TwoPhase with the managers 0 .. RMS - 1. The set
   msgs of the TLA+ example is one flag per kind of message (msgPrepared[r] for
   [type |-> "Prepared", rm |-> r]), and tmPrepared a function to BOOLEAN: the same states. *)
EXTENDS Naturals

CONSTANTS RMS

VARIABLES rmState, tmState, tmPrepared, msgPrepared, msgCommit, msgAbort

vars == <<rmState, tmState, tmPrepared, msgPrepared, msgCommit, msgAbort>>

RM == 0 .. RMS - 1

Init ==
  /\ rmState = [r \in RM |-> "working"]
  /\ tmState = "init"
  /\ tmPrepared = [r \in RM |-> FALSE]
  /\ msgPrepared = [r \in RM |-> FALSE]
  /\ msgCommit = FALSE
  /\ msgAbort = FALSE

TMRcvPrepared ==
  \E r \in RM :
    /\ tmState = "init"
    /\ msgPrepared[r]
    /\ tmPrepared' = [tmPrepared EXCEPT ![r] = TRUE]
    /\ UNCHANGED <<rmState, tmState, msgPrepared, msgCommit, msgAbort>>

TMCommit ==
  /\ tmState = "init"
  /\ (\A r \in RM : tmPrepared[r])
  /\ tmState' = "committed"
  /\ msgCommit' = TRUE
  /\ UNCHANGED <<rmState, tmPrepared, msgPrepared, msgAbort>>

TMAbort ==
  /\ tmState = "init"
  /\ tmState' = "aborted"
  /\ msgAbort' = TRUE
  /\ UNCHANGED <<rmState, tmPrepared, msgPrepared, msgCommit>>

RMPrepare ==
  \E r \in RM :
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
    /\ msgPrepared' = [msgPrepared EXCEPT ![r] = TRUE]
    /\ UNCHANGED <<tmState, tmPrepared, msgCommit, msgAbort>>

RMChooseToAbort ==
  \E r \in RM :
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgPrepared, msgCommit, msgAbort>>

RMRcvCommitMsg ==
  \E r \in RM :
    /\ msgCommit
    /\ rmState' = [rmState EXCEPT ![r] = "committed"]
    /\ UNCHANGED <<tmState, tmPrepared, msgPrepared, msgCommit, msgAbort>>

RMRcvAbortMsg ==
  \E r \in RM :
    /\ msgAbort
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgPrepared, msgCommit, msgAbort>>

Next ==
  \/ TMRcvPrepared
  \/ TMCommit
  \/ TMAbort
  \/ RMPrepare
  \/ RMChooseToAbort
  \/ RMRcvCommitMsg
  \/ RMRcvAbortMsg

Consistent ==
  ~((\E r \in RM : rmState[r] = "aborted") /\ (\E r \in RM : rmState[r] = "committed"))

Spec == Init /\ [][Next]_vars
=============================================================================
