package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;

/**
 * The ZPL v4 bonus buffer of a file, directory or symlink ({@code znode_phys_t}, 264 bytes) with the
 * trivial six-entry FUID ACL that ZFS derives from the mode ({@code zfs_acl_chmod}).
 */
final class Znode {

  static final int SIZE = 264;
  static final int S_IFDIR = 0040000;
  static final int S_IFREG = 0100000;
  static final int S_IFLNK = 0120000;

  private static final long FLAG_ACL_TRIVIAL = 0x4;
  private static final long FLAG_ACL_AUTO_INHERIT = 0x40;
  private static final long FLAG_NO_EXECS_DENIED = 0x100;
  private static final long FLAG_ARCHIVE = 0x800000000L;
  private static final long FLAG_AV_MODIFIED = 0x40000000000L;

  private static final int ACE_READ_DATA = 0x1;
  private static final int ACE_WRITE_DATA = 0x2;
  private static final int ACE_APPEND_DATA = 0x4;
  private static final int ACE_EXECUTE = 0x20;
  private static final int OWNER_ALLOW = 0x40000 | 0x80000 | 0x100 | 0x10;
  private static final int EVERYONE_DENY = 0x40000 | 0x80000 | 0x100 | 0x10;
  private static final int EVERYONE_ALLOW = 0x20000 | 0x80 | 0x8 | 0x100000;
  private static final int WHO_OWNER = 0x1000;
  private static final int WHO_GROUP = 0x2000 | 0x40;
  private static final int WHO_EVERYONE = 0x4000;
  private static final int ALLOW = 0;
  private static final int DENY = 1;

  private Znode() {}

  /**
   * @param mode file type and permission bits
   * @param size bytes for files and symlinks; entries + 2 for directories
   * @param links 1, or subdirectories + 2 for directories
   * @param mtime modification (and access) time in seconds
   * @param ctime change and creation time in seconds
   * @param inlineTail bytes stored after the znode (a short symlink target), or empty
   */
  static byte[] build(int mode, long size, long parent, long links, int uid, int gid, long mtime,
      long ctime, byte[] inlineTail) {
    ByteBuffer b = PoolImage.newBlock(SIZE + inlineTail.length);
    b.putLong(0, mtime);
    b.putLong(16, mtime);
    b.putLong(32, ctime);
    b.putLong(48, ctime);
    b.putLong(64, PoolImage.BIRTH_TXG);
    b.putLong(72, mode);
    b.putLong(80, size);
    b.putLong(88, parent);
    b.putLong(96, links);
    long flags = FLAG_ACL_TRIVIAL | FLAG_ACL_AUTO_INHERIT | FLAG_ARCHIVE | FLAG_AV_MODIFIED;
    if ((mode & 0111) == 0111) {
      flags |= FLAG_NO_EXECS_DENIED;
    }
    b.putLong(120, flags);
    b.putLong(128, uid);
    b.putLong(136, gid);
    writeTrivialAcl(b, 176, mode);
    b.put(SIZE, inlineTail);
    return b.array();
  }

  private static void writeTrivialAcl(ByteBuffer b, int at, int mode) {
    b.putLong(at, 0); // not external
    b.putInt(at + 8, 6 * 8);
    b.putShort(at + 12, (short) 1); // ZFS_ACL_VERSION_FUID
    b.putShort(at + 14, (short) 6);
    int ace = at + 16;
    ace = pair(b, ace, WHO_OWNER, 0, OWNER_ALLOW, (mode >> 6) & 7);
    ace = pair(b, ace, WHO_GROUP, 0, 0, (mode >> 3) & 7);
    pair(b, ace, WHO_EVERYONE, EVERYONE_DENY, EVERYONE_ALLOW, mode & 7);
  }

  /** A deny ACE for the rwx bits the class lacks, then an allow ACE for those it has. */
  private static int pair(ByteBuffer b, int at, int who, int denyBase, int allowBase, int rwx) {
    int granted = 0;
    int all = ACE_READ_DATA | ACE_WRITE_DATA | ACE_APPEND_DATA | ACE_EXECUTE;
    if ((rwx & 4) != 0) {
      granted |= ACE_READ_DATA;
    }
    if ((rwx & 2) != 0) {
      granted |= ACE_WRITE_DATA | ACE_APPEND_DATA;
    }
    if ((rwx & 1) != 0) {
      granted |= ACE_EXECUTE;
    }
    ace(b, at, DENY, who, denyBase | (all & ~granted));
    ace(b, at + 8, ALLOW, who, allowBase | granted);
    return at + 16;
  }

  private static void ace(ByteBuffer b, int at, int type, int who, int mask) {
    b.putShort(at, (short) type);
    b.putShort(at + 2, (short) who);
    b.putInt(at + 4, mask);
  }
}
