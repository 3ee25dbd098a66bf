package io.osvmaven.core.rofs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Block 0 of a ROFS image: eight little-endian u64 fields, then zeros up to 512 bytes.
 *
 * @param firstTableBlock structure_info_first_block, the block where the directory-entry table starts
 * @param tableBlocks structure_info_blocks_count, blocks holding the three tables
 */
public record RofsSuperblock(long magic, long version, long blockSize, long firstTableBlock,
    long tableBlocks, long dirEntriesCount, long symlinksCount, long inodesCount) {

  /** A superblock as our writer produces it. */
  static RofsSuperblock of(long firstTableBlock, long tableBlocks, long dirEntries, long symlinks,
      long inodes) {
    return new RofsSuperblock(RofsFormat.MAGIC, RofsFormat.VERSION, RofsFormat.BLOCK_SIZE,
        firstTableBlock, tableBlocks, dirEntries, symlinks, inodes);
  }

  /** The full 512-byte block 0. */
  byte[] toBlock() {
    // encoded by hand: a little-endian ByteBuffer is slow to set up in a cold JVM (see ImageOutput)
    byte[] block = new byte[RofsFormat.BLOCK_SIZE];
    long[] fields = {magic, version, blockSize, firstTableBlock, tableBlocks, dirEntriesCount,
        symlinksCount, inodesCount};
    for (int f = 0; f < fields.length; f++) {
      for (int i = 0; i < 8; i++) {
        block[8 * f + i] = (byte) (fields[f] >>> (8 * i));
      }
    }
    return block;
  }

  /** Decodes the first 64 bytes of {@code bytes}, without validating anything. */
  static RofsSuperblock decode(ByteBuffer bytes) {
    ByteBuffer buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return new RofsSuperblock(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong(),
        buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
  }
}
