package io.osvmaven.core.rofs;

/**
 * Constants of OSv's read-only filesystem (fs/rofs/rofs.hh). Everything is little-endian and counted
 * in 512-byte blocks relative to the start of the partition.
 */
public final class RofsFormat {

  private RofsFormat() {}

  public static final long MAGIC = 0xDEADBEADL;
  public static final long VERSION = 1;

  /** The kernel hard-codes this (BSIZE, {@code << 9}); the superblock field is informational. */
  public static final int BLOCK_SIZE = 512;

  public static final int SUPERBLOCK_BYTES = 64;
  public static final int INODE_BYTES = 32;

  /** A directory entry is a u64 inode number and a u16 name length before the name bytes. */
  public static final int DIR_ENTRY_HEADER_BYTES = 10;

  /** A symlink record is a u16 length before the target bytes. */
  public static final int SYMLINK_HEADER_BYTES = 2;

  /** Names and link targets carry a u16 byte length. */
  public static final int MAX_NAME_BYTES = 0xFFFF;

  public static final long MODE_DIRECTORY = 0x4000;
  public static final long MODE_REGULAR = 0x8000;
  public static final long MODE_SYMLINK = 0xA000;

  /**
   * The MBR partition entry that locates the image counts sectors in a u32, so an image larger than
   * this many blocks cannot be addressed as a partition.
   */
  public static final long MAX_IMAGE_BLOCKS = 0xFFFF_FFFFL;

  /** Blocks needed for {@code bytes} bytes, the last one zero-padded. */
  public static long blocksFor(long bytes) {
    return (bytes + BLOCK_SIZE - 1) / BLOCK_SIZE;
  }
}
