package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;

/** One 512-byte {@code dnode_phys_t}: object type, block geometry, block pointers and bonus buffer. */
final class Dnode {

  static final int SIZE = 512;
  static final int SHIFT = 9;
  /** Bonus space when the dnode has a single block pointer. */
  static final int MAX_BONUS = 320;
  private static final int FLAG_USED_BYTES = 1;
  private static final int FLAG_USERUSED_ACCOUNTED = 2;

  private final ByteBuffer buf = PoolImage.newBlock(SIZE);
  private final int nblkptr;
  private final int bonusLen;

  /**
   * @param bonusLen bonus bytes; the number of block pointers follows from it as in {@code
   *     dnode_allocate} (1 + spare bonus space / 128)
   */
  Dnode(int type, int bonusType, int bonusLen) {
    this.bonusLen = bonusLen;
    this.nblkptr = nblkptrFor(bonusLen);
    buf.put(0, (byte) type);
    buf.put(1, (byte) BlockTree.INDIRECT_SHIFT);
    buf.put(2, (byte) 1);
    buf.put(3, (byte) nblkptr);
    buf.put(4, (byte) bonusType);
    buf.put(7, (byte) FLAG_USED_BYTES);
    buf.putShort(8, (short) 1);
    buf.putShort(10, (short) bonusLen);
  }

  static int nblkptrFor(int bonusLen) {
    if (bonusLen > MAX_BONUS) {
      throw new IllegalArgumentException("bonus too large: " + bonusLen);
    }
    return 1 + (MAX_BONUS - bonusLen) / BlockPointer.BYTES;
  }

  int nblkptr() {
    return nblkptr;
  }

  /** Block geometry and pointers of an object whose blocks form {@code tree}. */
  Dnode blocks(int dataBlockSize, long maxBlkId, BlockTree.Finished tree) {
    return blocks(dataBlockSize, tree.nlevels(), maxBlkId, tree.used(), tree.top());
  }

  /** Block geometry and pointers of the object's data. */
  Dnode blocks(int dataBlockSize, int nlevels, long maxBlkId, long used, BlockPointer[] bps) {
    buf.putShort(8, (short) (dataBlockSize >> 9));
    buf.put(2, (byte) nlevels);
    buf.putLong(0x10, maxBlkId);
    buf.putLong(0x18, used);
    for (int i = 0; i < nblkptr; i++) {
      BlockPointer bp = i < bps.length ? bps[i] : BlockPointer.HOLE;
      bp.writeTo(buf, 0x40 + i * BlockPointer.BYTES);
    }
    return this;
  }

  /** A data-less object whose (future) blocks have this size. */
  Dnode empty(int dataBlockSize) {
    buf.putShort(8, (short) (dataBlockSize >> 9));
    return this;
  }

  Dnode bonus(byte[] bonus) {
    if (bonus.length != bonusLen) {
      throw new IllegalArgumentException("bonus length " + bonus.length + " != " + bonusLen);
    }
    buf.put(0x40 + nblkptr * BlockPointer.BYTES, bonus);
    return this;
  }

  ByteBuffer bytes() {
    return buf;
  }

  /** Marks the object as counted in the object set's user/group space accounting. */
  Dnode accounted() {
    buf.put(7, (byte) (buf.get(7) | FLAG_USERUSED_ACCOUNTED));
    return this;
  }

  /** Bytes of the object's blocks ({@code dn_used}). */
  long used() {
    return buf.getLong(0x18);
  }
}
