package io.osvmaven.core.qcow2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Converts a raw image into a qcow2 version 3 image (QEMU's docs/interop/qcow2.txt): 64 KiB clusters,
 * 16-bit refcounts, no backing file, no compression, no extensions. All-zero guest clusters are left
 * unallocated, so sparse disks stay small.
 *
 * <p>File layout, chosen so that the raw image is read once, front to back, and the output is written
 * mostly sequentially: cluster 0 is the header; then, for every 512 MiB stretch of the guest disk, its
 * data clusters followed by the L2 table mapping them; then the L1 table; then the refcount table and
 * the refcount blocks; the header is written last, once the offsets are known. Memory: one cluster
 * buffer, one L2 table and the L1 table (8 bytes per 512 MiB of disk). The bytes depend only on the
 * raw image content: no timestamps, no ids.
 */
public final class Qcow2Writer {

  static final int CLUSTER_BITS = 16;
  static final int CLUSTER_SIZE = 1 << CLUSTER_BITS;
  static final int L2_ENTRIES = CLUSTER_SIZE / Long.BYTES;
  static final int REFCOUNT_ORDER = 4;
  static final int REFCOUNTS_PER_BLOCK = CLUSTER_SIZE * 8 / (1 << REFCOUNT_ORDER);
  static final int MAGIC = 0x514649FB;
  static final int VERSION = 3;
  static final int HEADER_LENGTH = 104;
  /** Set on L1/L2 entries whose target has refcount exactly one: every cluster here. */
  static final long COPIED = 1L << 63;
  static final int SECTOR = 512;

  private static final byte[] ZERO_CLUSTER = new byte[CLUSTER_SIZE];

  private Qcow2Writer() {}

  /** Converts the raw image file {@code raw} into {@code output}, atomically. */
  public static Qcow2Result convert(Path raw, Path output) throws IOException {
    try (FileImageSource source = FileImageSource.open(raw)) {
      return write(source, output);
    }
  }

  /** Writes {@code source} as a qcow2 image to {@code output}, atomically. */
  public static Qcow2Result write(ImageSource source, Path output) throws IOException {
    try (AtomicOutputFile out = AtomicOutputFile.create(output)) {
      Qcow2Result result = write(source, out, output);
      out.commit();
      return result;
    }
  }

  private static Qcow2Result write(ImageSource source, AtomicOutputFile out, Path output)
      throws IOException {
    long rawSize = source.size();
    long virtualSize = ceilDiv(rawSize, SECTOR) * SECTOR;
    long guestClusters = ceilDiv(virtualSize, CLUSTER_SIZE);
    long l1Entries = ceilDiv(guestClusters, L2_ENTRIES);
    if (l1Entries > Integer.MAX_VALUE / Long.BYTES) {
      throw new IOException(source.name() + " is too large for a qcow2 image (" + rawSize + " bytes)");
    }
    long[] l1 = new long[(int) l1Entries];
    byte[] cluster = new byte[CLUSTER_SIZE];
    ByteBuffer l2 = ByteBuffer.allocate(CLUSTER_SIZE).order(ByteOrder.BIG_ENDIAN);
    long nextCluster = 1; // cluster 0 is the header
    long dataClusters = 0;

    for (int l1Index = 0; l1Index < l1.length; l1Index++) {
      Arrays.fill(l2.array(), (byte) 0);
      boolean mapped = false;
      for (int l2Index = 0; l2Index < L2_ENTRIES; l2Index++) {
        long guestCluster = (long) l1Index * L2_ENTRIES + l2Index;
        if (guestCluster >= guestClusters) {
          break;
        }
        readCluster(source, guestCluster * CLUSTER_SIZE, cluster);
        if (Arrays.equals(cluster, ZERO_CLUSTER)) {
          continue;
        }
        long hostOffset = nextCluster++ * CLUSTER_SIZE;
        out.write(hostOffset, cluster, 0, CLUSTER_SIZE);
        l2.putLong(l2Index * Long.BYTES, hostOffset | COPIED);
        dataClusters++;
        mapped = true;
      }
      if (mapped) {
        long l2Offset = nextCluster++ * CLUSTER_SIZE;
        out.write(l2Offset, l2.array(), 0, CLUSTER_SIZE);
        l1[l1Index] = l2Offset | COPIED;
      }
    }

    // An image of size 0 still gets an L1 cluster, so that l1_table_offset points at owned space.
    long l1Clusters = Math.max(1, ceilDiv(l1Entries * Long.BYTES, CLUSTER_SIZE));
    long l1Offset = nextCluster * CLUSTER_SIZE;
    writeTable(out, l1Offset, l1, l1Clusters);
    nextCluster += l1Clusters;

    RefcountLayout refcounts = RefcountLayout.covering(nextCluster);
    long tableOffset = nextCluster * CLUSTER_SIZE;
    long firstBlock = nextCluster + refcounts.tableClusters();
    long[] table = new long[(int) refcounts.blocks()];
    for (int i = 0; i < table.length; i++) {
      table[i] = (firstBlock + i) * CLUSTER_SIZE;
    }
    writeTable(out, tableOffset, table, refcounts.tableClusters());
    writeRefcountBlocks(out, firstBlock, refcounts);
    long fileSize = refcounts.totalClusters() * CLUSTER_SIZE;

    out.write(0, header(virtualSize, l1.length, l1Offset, tableOffset, refcounts.tableClusters()));
    out.setLength(fileSize);
    return new Qcow2Result(output, virtualSize, fileSize, dataClusters);
  }

  /** Reads one guest cluster; bytes past the end of the raw image read as zero. */
  private static void readCluster(ImageSource source, long position, byte[] cluster)
      throws IOException {
    long available = source.size() - position;
    int len = (int) Math.max(0, Math.min(CLUSTER_SIZE, available));
    if (len > 0) {
      source.read(position, cluster, 0, len);
    }
    if (len < CLUSTER_SIZE) {
      Arrays.fill(cluster, len, CLUSTER_SIZE, (byte) 0);
    }
  }

  /** Writes big-endian u64 entries padded with zeros to whole clusters. */
  private static void writeTable(AtomicOutputFile out, long offset, long[] entries, long clusters)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CLUSTER_SIZE).order(ByteOrder.BIG_ENDIAN);
    int next = 0;
    for (long c = 0; c < clusters; c++) {
      Arrays.fill(buf.array(), (byte) 0);
      for (int i = 0; i < L2_ENTRIES && next < entries.length; i++) {
        buf.putLong(i * Long.BYTES, entries[next++]);
      }
      out.write(offset + c * CLUSTER_SIZE, buf.array(), 0, CLUSTER_SIZE);
    }
  }

  /** Every cluster of the file, the refcount structures included, is referenced exactly once. */
  private static void writeRefcountBlocks(AtomicOutputFile out, long firstBlock,
      RefcountLayout layout) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(CLUSTER_SIZE).order(ByteOrder.BIG_ENDIAN);
    long remaining = layout.totalClusters();
    for (long b = 0; b < layout.blocks(); b++) {
      Arrays.fill(block.array(), (byte) 0);
      int count = (int) Math.min(REFCOUNTS_PER_BLOCK, remaining);
      for (int i = 0; i < count; i++) {
        block.putShort(i * Short.BYTES, (short) 1);
      }
      remaining -= count;
      out.write((firstBlock + b) * CLUSTER_SIZE, block.array(), 0, CLUSTER_SIZE);
    }
  }

  static ByteBuffer header(long virtualSize, int l1Size, long l1Offset, long refcountTableOffset,
      long refcountTableClusters) {
    ByteBuffer h = ByteBuffer.allocate(HEADER_LENGTH + 8).order(ByteOrder.BIG_ENDIAN);
    h.putInt(0, MAGIC);
    h.putInt(4, VERSION);
    h.putLong(8, 0); // no backing file
    h.putInt(16, 0);
    h.putInt(20, CLUSTER_BITS);
    h.putLong(24, virtualSize);
    h.putInt(32, 0); // no encryption
    h.putInt(36, l1Size);
    h.putLong(40, l1Offset);
    h.putLong(48, refcountTableOffset);
    h.putInt(56, (int) refcountTableClusters);
    h.putInt(60, 0); // no snapshots
    h.putLong(64, 0);
    h.putLong(72, 0); // incompatible features: none (in particular not dirty)
    h.putLong(80, 0); // compatible features: no lazy refcounts
    h.putLong(88, 0); // autoclear features
    h.putInt(96, REFCOUNT_ORDER);
    h.putInt(100, HEADER_LENGTH);
    // bytes 104..111: header extension type 0 = end of extensions, length 0
    return h;
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /**
   * Sizes the refcount structures, which must count themselves: enough blocks for every cluster of
   * the file (data, tables and the refcount clusters), and a table with one entry per block.
   */
  record RefcountLayout(long clustersBefore, long blocks, long tableClusters) {

    static RefcountLayout covering(long clustersBefore) {
      long blocks = 0;
      long tableClusters = 0;
      while (true) {
        long total = clustersBefore + blocks + tableClusters;
        long needBlocks = ceilDiv(total, REFCOUNTS_PER_BLOCK);
        long needTable = ceilDiv(needBlocks * Long.BYTES, CLUSTER_SIZE);
        if (needBlocks == blocks && needTable == tableClusters) {
          return new RefcountLayout(clustersBefore, blocks, tableClusters);
        }
        blocks = needBlocks;
        tableClusters = needTable;
      }
    }

    long totalClusters() {
      return clustersBefore + blocks + tableClusters;
    }
  }
}
