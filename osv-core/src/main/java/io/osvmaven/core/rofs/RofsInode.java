package io.osvmaven.core.rofs;

/**
 * One inode record as stored in an image.
 *
 * @param number the 1-based position in the inode table (the stored inode_no may differ in a broken
 *     image; {@link RofsReader#verify()} reports that)
 * @param mode the stored mode: only the type bits
 * @param dataOffset file: first data block; directory: index of the first entry; symlink: index of the
 *     target in the symlink table
 * @param count file: size in bytes; directory: number of entries; symlink: 1
 */
public record RofsInode(long number, long mode, long dataOffset, long count) {

  public enum Type { DIRECTORY, REGULAR, SYMLINK, UNKNOWN }

  public Type type() {
    if (mode == RofsFormat.MODE_DIRECTORY) {
      return Type.DIRECTORY;
    } else if (mode == RofsFormat.MODE_REGULAR) {
      return Type.REGULAR;
    } else if (mode == RofsFormat.MODE_SYMLINK) {
      return Type.SYMLINK;
    }
    return Type.UNKNOWN;
  }

  /** Blocks of file data (0 for anything but a non-empty file). */
  public long dataBlocks() {
    return type() == Type.REGULAR ? RofsFormat.blocksFor(count) : 0;
  }
}
