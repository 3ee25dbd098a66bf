package io.osvmaven.core.zfs;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out space from the start of the allocatable area, in order. A block never crosses a 128 KiB
 * boundary, because metaslabs are at least that large and ZFS cannot claim a block that spans two of
 * them; the few bytes skipped stay free. The allocated extents are kept (merged) for the space maps.
 */
final class Allocator {

  /** The smallest metaslab size; every metaslab boundary is a multiple of it. */
  static final long WINDOW = 1L << 17;

  private long next;
  private final List<long[]> extents;

  Allocator() {
    this(0, new ArrayList<>());
  }

  private Allocator(long next, List<long[]> extents) {
    this.next = next;
    this.extents = extents;
  }

  /** A snapshot to try out a sequence of allocations on. */
  Allocator copy() {
    List<long[]> list = new ArrayList<>(extents.size() + 16);
    for (long[] e : extents) {
      list.add(e.clone());
    }
    return new Allocator(next, list);
  }

  long allocate(long size) {
    if (size <= 0 || size > WINDOW) {
      throw new IllegalArgumentException("block size " + size);
    }
    if (next % WINDOW + size > WINDOW) {
      next = (next + WINDOW - 1) / WINDOW * WINDOW;
    }
    long offset = next;
    next += size;
    long[] last = extents.isEmpty() ? null : extents.get(extents.size() - 1);
    if (last != null && last[1] == offset) {
      last[1] = next;
    } else {
      extents.add(new long[] {offset, next});
    }
    return offset;
  }

  /** Whether both made exactly the same allocations. */
  boolean sameAs(Allocator other) {
    if (next != other.next || extents.size() != other.extents.size()) {
      return false;
    }
    for (int i = 0; i < extents.size(); i++) {
      if (extents.get(i)[0] != other.extents.get(i)[0] || extents.get(i)[1] != other.extents.get(i)[1]) {
        return false;
      }
    }
    return true;
  }

  /** End of the last allocation. */
  long end() {
    return next;
  }

  /** Bytes allocated (the end minus the skipped gaps). */
  long allocated() {
    long total = 0;
    for (long[] e : extents) {
      total += e[1] - e[0];
    }
    return total;
  }

  /** The allocated extents {start, end} overlapping [from, to), clipped to it. */
  List<long[]> extentsIn(long from, long to) {
    List<long[]> result = new ArrayList<>();
    int lo = 0;
    int hi = extents.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (extents.get(mid)[1] <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < extents.size() && extents.get(i)[0] < to; i++) {
      long[] e = extents.get(i);
      result.add(new long[] {Math.max(from, e[0]), Math.min(to, e[1])});
    }
    return result;
  }
}
