package io.osvmaven.core.zfs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fat ZAP with 16 KiB blocks: block 0 is the header with the embedded pointer table (1024 entries,
 * {@code zt_shift} 10), blocks 1..2^p are leaves, leaf i holding the names whose hash starts with the p
 * bits of i. p is the smallest that lets every leaf fit; more than 1024 leaves (an external pointer
 * table) is not supported.
 */
final class FatZap {

  static final int BLOCK_SHIFT = 14;
  static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
  private static final long ZBT_LEAF = 1L << 63;
  private static final long ZBT_HEADER = (1L << 63) + 1;
  private static final long ZAP_MAGIC = 0x2F52AB2ABL;
  private static final int LEAF_MAGIC = 0x2AB1EAF;
  private static final int PTRTBL_SHIFT = BLOCK_SHIFT - 3 - 1;
  private static final int LEAF_HASH_SHIFT = BLOCK_SHIFT - 5;
  private static final int LEAF_HASH_ENTRIES = 1 << LEAF_HASH_SHIFT;
  private static final int CHUNK = 24;
  private static final int ARRAY_BYTES = CHUNK - 3;
  private static final int LEAF_CHUNKS = (BLOCK_SIZE - 2 * LEAF_HASH_ENTRIES) / CHUNK - 2;
  private static final int CHUNKS_START = 2 * CHUNK + 2 * LEAF_HASH_ENTRIES;
  private static final int CHAIN_END = 0xffff;
  private static final int CHUNK_FREE = 253;
  private static final int CHUNK_ENTRY = 252;
  private static final int CHUNK_ARRAY = 251;

  private record Hashed(ZapEntry entry, long hash, int cd) {}

  private final long salt;
  private final int entryCount;
  private final int prefixBits;
  private final List<List<Hashed>> leaves;

  private FatZap(long salt, int entryCount, int prefixBits, List<List<Hashed>> leaves) {
    this.salt = salt;
    this.entryCount = entryCount;
    this.prefixBits = prefixBits;
    this.leaves = leaves;
  }

  /**
   * Lays the entries out.
   *
   * @throws IllegalArgumentException if they need more than 1024 leaves
   */
  static FatZap plan(long salt, List<ZapEntry> entries) {
    List<Hashed> hashed = new ArrayList<>(entries.size());
    Map<Long, Integer> nextCd = new HashMap<>();
    for (ZapEntry e : entries) {
      long hash = ZapHash.of(salt, e.name());
      hashed.add(new Hashed(e, hash, nextCd.merge(hash, 1, Integer::sum) - 1));
    }
    hashed.sort((a, b) -> a.hash != b.hash ? Long.compareUnsigned(a.hash, b.hash) : Integer.compare(a.cd, b.cd));
    for (int bits = 0; bits <= PTRTBL_SHIFT; bits++) {
      int[] used = new int[1 << bits];
      boolean fits = true;
      for (Hashed h : hashed) {
        int leaf = bits == 0 ? 0 : (int) (h.hash >>> (64 - bits));
        used[leaf] += chunks(h.entry);
        if (used[leaf] > LEAF_CHUNKS) {
          fits = false;
          break;
        }
      }
      if (fits) {
        List<List<Hashed>> leaves = new ArrayList<>();
        for (int i = 0; i < 1 << bits; i++) {
          leaves.add(new ArrayList<>());
        }
        for (Hashed h : hashed) {
          leaves.get(bits == 0 ? 0 : (int) (h.hash >>> (64 - bits))).add(h);
        }
        return new FatZap(salt, entries.size(), bits, leaves);
      }
    }
    throw new IllegalArgumentException(entries.size() + " entries need more than "
        + (1 << PTRTBL_SHIFT) + " ZAP leaves");
  }

  private static int chunks(ZapEntry e) {
    return 1 + arrayChunks(e.name().length + 1) + arrayChunks(e.intLength() * e.values().length);
  }

  private static int arrayChunks(int bytes) {
    return (bytes + ARRAY_BYTES - 1) / ARRAY_BYTES;
  }

  /** Header plus leaves. */
  int blockCount() {
    return 1 + leaves.size();
  }

  ByteBuffer block(int index) {
    return index == 0 ? header() : leaf(index - 1);
  }

  private ByteBuffer header() {
    ByteBuffer b = PoolImage.newBlock(BLOCK_SIZE);
    b.putLong(0, ZBT_HEADER);
    b.putLong(8, ZAP_MAGIC);
    b.putLong(16, 0); // zt_blk: table embedded in this block
    b.putLong(24, 0); // zt_numblks
    b.putLong(32, PTRTBL_SHIFT);
    b.putLong(56, blockCount()); // zap_freeblk
    b.putLong(64, leaves.size());
    b.putLong(72, entryCount);
    b.putLong(80, salt);
    int tableStart = BLOCK_SIZE / 2;
    for (int i = 0; i < 1 << PTRTBL_SHIFT; i++) {
      b.putLong(tableStart + 8 * i, 1 + (i >>> (PTRTBL_SHIFT - prefixBits)));
    }
    return b;
  }

  private ByteBuffer leaf(int index) {
    ByteBuffer b = PoolImage.newBlock(BLOCK_SIZE);
    List<Hashed> entries = leaves.get(index);
    b.putLong(0, ZBT_LEAF);
    b.putLong(16, index);
    b.putInt(24, LEAF_MAGIC);
    b.putShort(30, (short) entries.size());
    b.putShort(32, (short) prefixBits);
    for (int i = 0; i < LEAF_HASH_ENTRIES; i++) {
      b.putShort(2 * CHUNK + 2 * i, (short) CHAIN_END);
    }
    int next = 0;
    for (Hashed h : entries) {
      int entryChunk = next++;
      int nameChunk = next;
      byte[] name = new byte[h.entry.name().length + 1];
      System.arraycopy(h.entry.name(), 0, name, 0, name.length - 1);
      next = writeArray(b, next, name);
      int valueChunk = next;
      next = writeArray(b, next, h.entry.valueBytes());
      int at = chunkAt(entryChunk);
      int bucket = (int) ((h.hash >>> (64 - LEAF_HASH_SHIFT - prefixBits)) & (LEAF_HASH_ENTRIES - 1));
      int bucketAt = 2 * CHUNK + 2 * bucket;
      b.put(at, (byte) CHUNK_ENTRY);
      b.put(at + 1, (byte) h.entry.intLength());
      b.putShort(at + 2, b.getShort(bucketAt));
      b.putShort(at + 4, (short) nameChunk);
      b.putShort(at + 6, (short) name.length);
      b.putShort(at + 8, (short) valueChunk);
      b.putShort(at + 10, (short) h.entry.values().length);
      b.putInt(at + 12, h.cd);
      b.putLong(at + 16, h.hash);
      b.putShort(bucketAt, (short) entryChunk);
    }
    for (int c = next; c < LEAF_CHUNKS; c++) {
      int at = chunkAt(c);
      b.put(at, (byte) CHUNK_FREE);
      b.putShort(at + 22, (short) (c + 1 < LEAF_CHUNKS ? c + 1 : CHAIN_END));
    }
    b.putShort(28, (short) (LEAF_CHUNKS - next));
    b.putShort(34, (short) (next < LEAF_CHUNKS ? next : CHAIN_END));
    return b;
  }

  private static int chunkAt(int chunk) {
    return CHUNKS_START + chunk * CHUNK;
  }

  private static int writeArray(ByteBuffer b, int firstChunk, byte[] data) {
    int n = arrayChunks(data.length);
    for (int i = 0; i < n; i++) {
      int at = chunkAt(firstChunk + i);
      b.put(at, (byte) CHUNK_ARRAY);
      int len = Math.min(ARRAY_BYTES, data.length - i * ARRAY_BYTES);
      b.put(at + 1, data, i * ARRAY_BYTES, len);
      b.putShort(at + 22, (short) (i + 1 < n ? firstChunk + i + 1 : CHAIN_END));
    }
    return firstChunk + n;
  }
}
