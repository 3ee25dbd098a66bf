package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The image file being written, with the allocator every block comes from.
 */
final class PoolImage {

  /** Labels L0 and L1 plus the boot region precede the allocatable area. */
  static final long ALLOC_START = 4L << 20;
  static final int SECTOR = 512;
  /** Every block is born in this txg; the uberblock is written TXG_SIZE later (spec §2). */
  static final long BIRTH_TXG = 4;

  private final FileChannel channel;
  /** Where the device starts in the file: 0 for a pool image, the partition offset in a disk. */
  private final long base;
  private final Allocator allocator;
  private long limit = Long.MAX_VALUE;

  PoolImage(FileChannel channel, long base) {
    this(channel, base, new Allocator());
  }

  private PoolImage(FileChannel channel, long base, Allocator allocator) {
    this.channel = channel;
    this.base = base;
    this.allocator = allocator;
  }

  /**
   * An image that only allocates, starting from this one's state: to learn where a sequence of blocks
   * would end up before their contents are known.
   */
  PoolImage dryRun() {
    PoolImage dry = new PoolImage(null, 0, allocator.copy());
    dry.limit = limit;
    return dry;
  }

  static ByteBuffer newBlock(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Bytes allocated so far. */
  long allocated() {
    return allocator.allocated();
  }

  Allocator allocator() {
    return allocator;
  }

  /** Allocations beyond this offset fail: the usable metaslab space of the chosen vdev size. */
  void limit(long bytes) {
    this.limit = bytes;
  }

  /** Writes one block (all of {@code data}, a multiple of 512 bytes) and returns its pointer. */
  BlockPointer write(ByteBuffer data, int type, int level, long fill) throws IOException {
    int size = data.limit();
    if (size == 0 || size % SECTOR != 0 || size > (128 << 10)) {
      throw new IllegalArgumentException("block size " + size);
    }
    long offset = allocator.allocate(size);
    if (offset + size > limit) {
      throw new PoolFullException();
    }
    if (channel == null) {
      return new BlockPointer(offset, size, type, level, BIRTH_TXG, fill, new long[4]);
    }
    long[] checksum = Fletcher4.of(data.duplicate().position(0));
    writeAt(ALLOC_START + offset, data);
    return new BlockPointer(offset, size, type, level, BIRTH_TXG, fill, checksum);
  }

  /** Raw write at an absolute device offset (labels). */
  void writeAt(long position, ByteBuffer data) throws IOException {
    ByteBuffer b = data.duplicate().position(0);
    long pos = base + position;
    while (b.hasRemaining()) {
      pos += channel.write(b, pos);
    }
  }

  /** Thrown when the blocks no longer fit into the pool size the caller chose. */
  static final class PoolFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PoolFullException() {
      super("pool full", null, false, false);
    }
  }
}
