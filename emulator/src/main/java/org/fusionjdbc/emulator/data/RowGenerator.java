package org.fusionjdbc.emulator.data;

/** Computes row {@code index} of a resource from the seed alone; values follow the attribute order. */
@FunctionalInterface
interface RowGenerator {
  Object[] row(long seed, int index);
}
