package org.fusionjdbc.emulator.data;

import java.util.List;

/** Computes the child rows of one generated parent row (ordered by the child key). */
@FunctionalInterface
interface ChildGenerator {
  List<Object[]> rows(long seed, int parentIndex, Object[] parent);
}
