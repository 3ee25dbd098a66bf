package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Collects an object set's dnodes in object-number order into 16 KiB dnode blocks, writes each block
 * as soon as it is full, and finally writes the {@code objset_phys_t} (2 KiB, pool version >= 15).
 */
final class ObjectSetWriter {

  static final int DNODE_BLOCK_SHIFT = 14;
  static final int DNODE_BLOCK_SIZE = 1 << DNODE_BLOCK_SHIFT;
  static final int DNODES_PER_BLOCK = DNODE_BLOCK_SIZE / Dnode.SIZE;
  static final int OBJSET_SIZE = 2048;
  static final int OST_META = 1;
  static final int OST_ZFS = 2;
  private static final long OBJSET_FLAG_USERACCOUNTING_COMPLETE = 1;
  /** objset_phys_t: meta-dnode, ZIL header, type, flags, padding up to 1 KiB, then the two dnodes. */
  private static final int USERUSED_OFFSET = 1024;

  private final PoolImage image;
  private final BlockTree meta;
  private final long blocks;
  private ByteBuffer current = PoolImage.newBlock(DNODE_BLOCK_SIZE);
  private long currentIndex;
  private int currentFill;
  private long nextObject = 1;
  private long objects;

  /**
   * @param maxObject the highest object number that will be added
   * @param fullDepth give the meta-dnode the levels to address every possible object, as ZFS does for
   *     datasets so that it never has to grow later; the MOS stays minimal
   */
  ObjectSetWriter(PoolImage image, long maxObject, boolean fullDepth) {
    this.image = image;
    this.blocks = maxObject / DNODES_PER_BLOCK + 1;
    this.meta = new BlockTree(image, DmuType.DNODE, levels(blocks, fullDepth), 3);
  }

  static int levels(long blocks, boolean fullDepth) {
    if (!fullDepth) {
      return BlockTree.levelsFor(blocks, 3);
    }
    // DN_MAX_OBJECT = 2^48 objects of 2^9 bytes need 3 pointers * 128^(n-1) * 32 >= 2^48
    return BlockTree.levelsFor((1L << 48) / DNODES_PER_BLOCK, 3);
  }

  /** Bytes the meta-dnode's blocks (dnode blocks and indirects) take for this many objects. */
  static long metaBytes(long maxObject, boolean fullDepth) {
    long blocks = maxObject / DNODES_PER_BLOCK + 1;
    return blocks * DNODE_BLOCK_SIZE
        + BlockTree.indirectBlocksFor(blocks, levels(blocks, fullDepth)) * BlockTree.INDIRECT_SIZE;
  }

  void add(long object, Dnode dnode) throws IOException {
    if (object != nextObject) {
      throw new IllegalStateException("object " + object + " added out of order, expected " + nextObject);
    }
    nextObject++;
    long index = object / DNODES_PER_BLOCK;
    while (index > currentIndex) {
      flushCurrent();
    }
    current.put((int) (object % DNODES_PER_BLOCK) * Dnode.SIZE, dnode.bytes().array());
    currentFill++;
    objects++;
  }

  private void flushCurrent() throws IOException {
    meta.add(currentFill == 0 ? BlockPointer.HOLE : image.write(current, DmuType.DNODE, 0, currentFill));
    current = PoolImage.newBlock(DNODE_BLOCK_SIZE);
    currentFill = 0;
    currentIndex++;
  }

  /** Writes the remaining dnode blocks and the objset block; returns the pointer to the objset. */
  BlockPointer finish(int objsetType) throws IOException {
    return finish(objsetType, null, null);
  }

  /**
   * @param userUsed the user-space accounting object (object -1), or null
   * @param groupUsed the group-space accounting object (object -2), or null
   */
  BlockPointer finish(int objsetType, Dnode userUsed, Dnode groupUsed) throws IOException {
    while (currentIndex < blocks) {
      flushCurrent();
    }
    BlockTree.Finished finished = meta.finish();
    BlockPointer[] top = finished.top();
    Dnode metaDnode = new Dnode(DmuType.DNODE, DmuType.NONE, 0).blocks(DNODE_BLOCK_SIZE, blocks - 1, finished);
    ByteBuffer objset = PoolImage.newBlock(OBJSET_SIZE);
    objset.put(0, metaDnode.bytes().array());
    objset.putLong(704, objsetType);
    if (userUsed != null) {
      objset.putLong(712, OBJSET_FLAG_USERACCOUNTING_COMPLETE);
      objset.put(USERUSED_OFFSET, userUsed.bytes().array());
      objset.put(USERUSED_OFFSET + Dnode.SIZE, groupUsed.bytes().array());
    }
    long fill = 0;
    for (BlockPointer bp : top) {
      fill += bp.fill();
    }
    return image.write(objset, DmuType.OBJSET, 0, fill);
  }

  long objects() {
    return objects;
  }
}
