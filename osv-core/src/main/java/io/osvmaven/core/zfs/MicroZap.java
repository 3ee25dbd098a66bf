package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A microzap block: a 64-byte header and 64-byte entries (value, collision differentiator, name). */
final class MicroZap {

  static final int ENTRY_LEN = 64;
  static final int NAME_LEN = ENTRY_LEN - 8 - 4 - 2;
  static final int MAX_BLOCK = 128 << 10;
  private static final long ZBT_MICRO = (1L << 63) + 3;

  private MicroZap() {}

  /** Whether these entries fit a microzap of at most 128 KiB. */
  static boolean fits(List<ZapEntry> entries) {
    if (entries.size() > MAX_BLOCK / ENTRY_LEN - 1) {
      return false;
    }
    for (ZapEntry e : entries) {
      if (!e.fitsMicro()) {
        return false;
      }
    }
    return true;
  }

  /** The smallest power-of-two block from 512 bytes that holds the entries, as ZFS grows microzaps. */
  static int blockSize(int entries) {
    int size = 512;
    while (size / ENTRY_LEN - 1 < entries) {
      size <<= 1;
    }
    return size;
  }

  static ByteBuffer build(long salt, List<ZapEntry> entries) {
    ByteBuffer b = PoolImage.newBlock(blockSize(entries.size()));
    b.putLong(0, ZBT_MICRO);
    b.putLong(8, salt);
    Map<Long, Integer> nextCd = new HashMap<>();
    int at = ENTRY_LEN;
    for (ZapEntry e : entries) {
      long hash = ZapHash.of(salt, e.name());
      int cd = nextCd.merge(hash, 1, Integer::sum) - 1;
      b.putLong(at, e.values()[0]);
      b.putInt(at + 8, cd);
      b.put(at + 14, e.name());
      at += ENTRY_LEN;
    }
    return b;
  }
}
