/* counters.pool for SPIN: N independent counters modulo MAX + 1, (MAX + 1)^N states.
 * Constants by the preprocessor: spin -DN=3 -a counters.pml. One d_step per poolcheck step and
 * no init process, so SPIN stores exactly poolcheck's states. */
#ifndef N
#define N 3
#endif
#ifndef MAX
#define MAX 15
#endif

byte c[N];

active [N] proctype counter() {
  do
  :: d_step { c[_pid] = (c[_pid] + 1) % (MAX + 1) }
  od
}
