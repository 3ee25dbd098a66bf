package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an object's tree of indirect blocks while its level-0 blocks stream by, so that only one
 * partially filled indirect block per level is held in memory. Indirect blocks whose children are all
 * holes become holes themselves, as ZFS does.
 */
final class BlockTree {

  static final int INDIRECT_SHIFT = 14;
  static final int INDIRECT_SIZE = 1 << INDIRECT_SHIFT;
  static final int PTRS_PER_INDIRECT = INDIRECT_SIZE / BlockPointer.BYTES;

  private final PoolImage image;
  private final int type;
  private final int nlevels;
  private final int nblkptr;
  private final ByteBuffer[] pending;
  private final int[] count;
  private final long[] fill;
  private final List<BlockPointer> top = new ArrayList<>();
  private long used;

  BlockTree(PoolImage image, int type, int nlevels, int nblkptr) {
    this.image = image;
    this.type = type;
    this.nlevels = nlevels;
    this.nblkptr = nblkptr;
    this.pending = new ByteBuffer[nlevels];
    this.count = new int[nlevels];
    this.fill = new long[nlevels];
  }

  /** Levels needed for {@code blocks} level-0 blocks under {@code nblkptr} pointers in the dnode. */
  static int levelsFor(long blocks, int nblkptr) {
    int levels = 1;
    long reach = nblkptr;
    while (reach < blocks) {
      reach *= PTRS_PER_INDIRECT;
      levels++;
    }
    return levels;
  }

  /** Indirect blocks a dense tree of {@code blocks} level-0 blocks needs (no holes). */
  static long indirectBlocksFor(long blocks, int nlevels) {
    long total = 0;
    long n = blocks;
    for (int level = 1; level < nlevels; level++) {
      n = (n + PTRS_PER_INDIRECT - 1) / PTRS_PER_INDIRECT;
      total += n;
    }
    return total;
  }

  /** Adds the next level-0 block (a hole for all-zero data). */
  void add(BlockPointer bp) throws IOException {
    used += bp.size();
    push(0, bp);
  }

  private void push(int level, BlockPointer bp) throws IOException {
    if (level == nlevels - 1) {
      if (top.size() == nblkptr) {
        throw new IllegalStateException("more blocks than the tree was sized for");
      }
      top.add(bp);
      return;
    }
    int parent = level + 1;
    if (pending[parent] == null) {
      pending[parent] = PoolImage.newBlock(INDIRECT_SIZE);
    }
    bp.writeTo(pending[parent], count[parent] * BlockPointer.BYTES);
    count[parent]++;
    fill[parent] += bp.fill();
    if (count[parent] == PTRS_PER_INDIRECT) {
      flush(parent);
    }
  }

  private void flush(int level) throws IOException {
    BlockPointer bp;
    if (fill[level] == 0) {
      bp = BlockPointer.HOLE;
    } else {
      bp = image.write(pending[level], type, level, fill[level]);
      used += bp.size();
    }
    pending[level] = null;
    count[level] = 0;
    fill[level] = 0;
    push(level, bp);
  }

  /**
   * What the dnode records about a finished tree.
   *
   * @param top the dnode's block pointers (holes padded)
   * @param used bytes of all blocks written for the object ({@code dn_used})
   * @param nlevels levels of the tree
   */
  record Finished(BlockPointer[] top, long used, int nlevels) {}

  /** Writes the partial indirect blocks. */
  Finished finish() throws IOException {
    for (int level = 1; level < nlevels; level++) {
      if (count[level] > 0) {
        flush(level);
      }
    }
    BlockPointer[] result = new BlockPointer[nblkptr];
    for (int i = 0; i < nblkptr; i++) {
      result[i] = i < top.size() ? top.get(i) : BlockPointer.HOLE;
    }
    return new Finished(result, used, nlevels);
  }
}
