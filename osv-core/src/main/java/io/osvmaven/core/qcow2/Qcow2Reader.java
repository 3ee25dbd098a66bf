package io.osvmaven.core.qcow2;

import io.osvmaven.core.OsvException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the guest-visible bytes of a qcow2 image (version 2 or 3) without a backing file,
 * encryption, compression or extended L2 entries: the images OSv's build and {@link Qcow2Writer}
 * produce. Lets {@code inspect} and filesystem readers look into a {@code usr.img} directly. Keeps
 * the L1 table and one L2 table in memory.
 */
public final class Qcow2Reader implements ImageSource {

  private static final long OFFSET_MASK = 0x00FF_FFFF_FFFF_FE00L;
  private static final long COMPRESSED = 1L << 62;
  private static final long ZERO_FLAG = 1L;
  private static final long KNOWN_INCOMPATIBLE = 0x3; // dirty, corrupt: still readable as is

  private final Path file;
  private final FileChannel channel;
  private final int clusterBits;
  private final long size;
  private final long[] l1;
  private final ByteBuffer l2;
  private final boolean version3;
  private long l2Offset = -1;

  private Qcow2Reader(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    ByteBuffer h = ByteBuffer.allocate(104).order(ByteOrder.BIG_ENDIAN);
    readFully(h, 0);
    if (h.getInt(0) != Qcow2Writer.MAGIC) {
      throw unsupported("it is not a qcow2 image (no QFI\\xfb magic)");
    }
    int version = h.getInt(4);
    if (version != 2 && version != 3) {
      throw unsupported("qcow2 version " + version);
    }
    version3 = version == 3;
    if (h.getLong(8) != 0) {
      throw unsupported("it has a backing file");
    }
    clusterBits = h.getInt(20);
    if (clusterBits < 9 || clusterBits > 21) {
      throw unsupported("cluster_bits " + clusterBits);
    }
    size = h.getLong(24);
    if (h.getInt(32) != 0) {
      throw unsupported("it is encrypted");
    }
    if (version3 && (h.getLong(72) & ~KNOWN_INCOMPATIBLE) != 0) {
      throw unsupported("incompatible features 0x" + Long.toHexString(h.getLong(72)));
    }
    int l1Size = h.getInt(36);
    long l1Offset = h.getLong(40);
    long needed = (size + (1L << clusterBits) * ((1L << clusterBits) / 8) - 1)
        / ((1L << clusterBits) * ((1L << clusterBits) / 8));
    if (l1Size < 0 || l1Size < needed) {
      throw unsupported("its L1 table (" + l1Size + " entries) does not cover the disk");
    }
    ByteBuffer l1Bytes = ByteBuffer.allocate(l1Size * 8).order(ByteOrder.BIG_ENDIAN);
    readFully(l1Bytes, l1Offset);
    l1 = new long[l1Size];
    l1Bytes.rewind().asLongBuffer().get(l1);
    l2 = ByteBuffer.allocate(1 << clusterBits).order(ByteOrder.BIG_ENDIAN);
  }

  public static Qcow2Reader open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new Qcow2Reader(file, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Whether {@code file} starts with the qcow2 magic. */
  public static boolean isQcow2(Path file) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(4);
      while (b.hasRemaining() && c.read(b) >= 0) {
        // keep reading until 4 bytes or end of file
      }
      return !b.hasRemaining() && b.getInt(0) == Qcow2Writer.MAGIC;
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void read(long position, byte[] buf, int off, int len) throws IOException {
    int clusterSize = 1 << clusterBits;
    while (len > 0) {
      long inCluster = position & (clusterSize - 1);
      int n = (int) Math.min(len, clusterSize - inCluster);
      long host = hostOffset(position >>> clusterBits);
      if (host < 0) {
        Arrays.fill(buf, off, off + n, (byte) 0);
      } else {
        readFully(ByteBuffer.wrap(buf, off, n), host + inCluster);
      }
      position += n;
      off += n;
      len -= n;
    }
  }

  /** Host offset of a guest cluster, or -1 if it reads as zeros. */
  private long hostOffset(long guestCluster) throws IOException {
    int l2Bits = clusterBits - 3;
    long l1Index = guestCluster >>> l2Bits;
    if (l1Index >= l1.length) {
      return -1;
    }
    long table = l1[(int) l1Index] & OFFSET_MASK;
    if (table == 0) {
      return -1;
    }
    if (table != l2Offset) {
      l2.clear();
      readFully(l2, table);
      l2Offset = table;
    }
    long entry = l2.getLong((int) (guestCluster & ((1L << l2Bits) - 1)) * 8);
    if ((entry & COMPRESSED) != 0) {
      throw unsupported("it holds compressed clusters");
    }
    if ((version3 && (entry & ZERO_FLAG) != 0) || (entry & OFFSET_MASK) == 0) {
      return -1;
    }
    return entry & OFFSET_MASK;
  }

  private void readFully(ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        throw unsupported("it is truncated (a table or cluster at " + pos
            + " lies past the end of the file)");
      }
      pos += n;
    }
  }

  private OsvException unsupported(String why) {
    return new OsvException("cannot read qcow2 image " + file + ": " + why,
        "convert it with qemu-img convert -O raw and use the raw file");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
