/* filter.pool for SPIN: Peterson's filter lock for N processes (at most 8). Constants by the
 * preprocessor: spin -DN=4 -a filter.pml. The program counter is explicit (pc[i]), one d_step
 * per poolcheck step and no init process, so SPIN stores exactly poolcheck's states. Terms for
 * processes N .. 7 are switched off by a constant false first operand. */
#ifndef N
#define N 4
#endif

#define RAISE 0
#define YIELD 1
#define WAIT 2
#define CRITICAL 3

byte level[N];
byte victim[N];     /* victim[0] is never written, as in filter.pool (indexed 1 .. N - 1) */
byte pc[N];

#define BELOW(k, i) (k >= N || k == i || level[k] < level[i])
#define OTHERS_BELOW(i) (BELOW(0, i) && BELOW(1, i) && BELOW(2, i) && BELOW(3, i) \
    && BELOW(4, i) && BELOW(5, i) && BELOW(6, i) && BELOW(7, i))
#define IN_CS(k) (k < N && pc[k] == CRITICAL)
#define INV assert(IN_CS(0) + IN_CS(1) + IN_CS(2) + IN_CS(3) + IN_CS(4) + IN_CS(5) + IN_CS(6) \
    + IN_CS(7) <= 1)

active [N] proctype p() {
  do
  :: d_step { pc[_pid] == RAISE -> level[_pid] = level[_pid] + 1; pc[_pid] = YIELD; INV }
  :: d_step { pc[_pid] == YIELD -> victim[level[_pid]] = _pid; pc[_pid] = WAIT; INV }
  :: d_step { pc[_pid] == WAIT && (OTHERS_BELOW(_pid) || victim[level[_pid]] != _pid) ->
       if
       :: level[_pid] < N - 1 -> pc[_pid] = RAISE
       :: else -> pc[_pid] = CRITICAL
       fi;
       INV }
  :: d_step { pc[_pid] == CRITICAL -> level[_pid] = 0; pc[_pid] = RAISE; INV }
  od
}
