/* two_phase.pool for SPIN: TwoPhase with RMS resource managers (at most 12) and a transaction
 * manager. Constants by the preprocessor: spin -DRMS=3 -a two_phase.pml. One d_step per way
 * through a poolcheck step and no init process, so SPIN stores exactly poolcheck's states.
 * Terms for managers RMS .. 11 are switched off by a constant false first operand. */
#ifndef RMS
#define RMS 3
#endif

#define WORKING 0
#define PREPARED 1
#define COMMITTED 2
#define ABORTED 3
#define TM_INIT 0
#define TM_COMMITTED 1
#define TM_ABORTED 2

byte rmState[RMS];
byte tmState;
bool tmPrepared[RMS];
bool msgPrepared[RMS];
bool msgCommit;
bool msgAbort;

#define PREP(r) (r >= RMS || tmPrepared[r])
#define ALL_PREPARED (PREP(0) && PREP(1) && PREP(2) && PREP(3) && PREP(4) && PREP(5) \
    && PREP(6) && PREP(7) && PREP(8) && PREP(9) && PREP(10) && PREP(11))
#define HAS(r, s) (r < RMS && rmState[r] == s)
#define ANY(s) (HAS(0, s) || HAS(1, s) || HAS(2, s) || HAS(3, s) || HAS(4, s) || HAS(5, s) \
    || HAS(6, s) || HAS(7, s) || HAS(8, s) || HAS(9, s) || HAS(10, s) || HAS(11, s))
#define INV assert(!(ANY(ABORTED) && ANY(COMMITTED)))

/* the managers first, so that their _pid is their index */
active [RMS] proctype rm() {
  do
  :: d_step { rmState[_pid] == WORKING -> rmState[_pid] = PREPARED; msgPrepared[_pid] = true; INV }
  :: d_step { rmState[_pid] == WORKING -> rmState[_pid] = ABORTED; INV }
  :: d_step { msgCommit -> rmState[_pid] = COMMITTED; INV }
  :: d_step { msgAbort -> rmState[_pid] = ABORTED; INV }
  od
}

#define RCV(r) :: d_step { r < RMS && tmState == TM_INIT && msgPrepared[r] -> tmPrepared[r] = true; INV }

active proctype tm() {
  do
  RCV(0) RCV(1) RCV(2) RCV(3) RCV(4) RCV(5) RCV(6) RCV(7) RCV(8) RCV(9) RCV(10) RCV(11)
  :: d_step { tmState == TM_INIT && ALL_PREPARED -> tmState = TM_COMMITTED; msgCommit = true; INV }
  :: d_step { tmState == TM_INIT -> tmState = TM_ABORTED; msgAbort = true; INV }
  od
}
