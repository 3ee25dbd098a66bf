package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The four vdev labels: each holds the pool config as a packed nvlist (112 KiB) and a ring of 128
 * uberblock slots; both are protected by an embedded SHA-256 whose verifier is the block's offset.
 */
final class Labels {

  private static final int PHYS_OFFSET = 16 << 10;
  private static final int PHYS_SIZE = 112 << 10;
  private static final int RING_OFFSET = 128 << 10;
  private static final int UBERBLOCK_SIZE = 1 << 10;
  private static final int RING_SLOTS = (128 << 10) / UBERBLOCK_SIZE;
  private static final long EMBEDDED_MAGIC = 0x0210da7ab10c7a11L;
  private static final long UBERBLOCK_MAGIC = 0x00bab10cL;
  private static final int ECK_SIZE = 40;

  private Labels() {}

  static void write(PoolImage image, VdevLayout layout, byte[] packedConfig, int version, long txg,
      long guidSum, long timestamp, BlockPointer rootBp) throws IOException {
    if (packedConfig.length > PHYS_SIZE - ECK_SIZE) {
      throw new IllegalStateException("label config too large");
    }
    int slot = (int) (txg % RING_SLOTS);
    for (int l = 0; l < 4; l++) {
      long base = layout.labelOffset(l);
      ByteBuffer phys = PoolImage.newBlock(PHYS_SIZE);
      phys.put(0, packedConfig);
      seal(phys, base + PHYS_OFFSET);
      image.writeAt(base + PHYS_OFFSET, phys);

      ByteBuffer ub = PoolImage.newBlock(UBERBLOCK_SIZE);
      ub.putLong(0, UBERBLOCK_MAGIC);
      ub.putLong(8, version);
      ub.putLong(16, txg);
      ub.putLong(24, guidSum);
      ub.putLong(32, timestamp);
      rootBp.writeTo(ub, 40);
      long ubOffset = base + RING_OFFSET + (long) slot * UBERBLOCK_SIZE;
      seal(ub, ubOffset);
      image.writeAt(ubOffset, ub);
    }
  }

  /** Fills the trailing {@code zio_eck_t}: magic, then SHA-256 over the block with the offset as verifier. */
  static void seal(ByteBuffer block, long offset) {
    int eck = block.limit() - ECK_SIZE;
    block.putLong(eck, EMBEDDED_MAGIC);
    block.putLong(eck + 8, offset);
    block.putLong(eck + 16, 0);
    block.putLong(eck + 24, 0);
    block.putLong(eck + 32, 0);
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(block.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer words = ByteBuffer.wrap(digest).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < 4; i++) {
      block.putLong(eck + 8 + 8 * i, words.getLong(8 * i));
    }
  }
}
