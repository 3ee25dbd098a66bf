package io.osvmaven.core.rofs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds an expected ROFS image by hand, field by field, from the numbers in the spec. Deliberately
 * independent of the production code: every constant is spelled out here.
 */
public final class ImageBytes {

  public static final long DIR = 0x4000;
  public static final long REG = 0x8000;
  public static final long LINK = 0xA000;

  private final ByteBuffer buf;

  public ImageBytes(int size) {
    buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  public ImageBytes at(int offset) {
    buf.position(offset);
    return this;
  }

  public int position() {
    return buf.position();
  }

  public ImageBytes superblock(long firstBlock, long blocks, long dirEntries, long symlinks,
      long inodes) {
    buf.position(0);
    buf.put(new byte[] {(byte) 0xAD, (byte) 0xBE, (byte) 0xAD, (byte) 0xDE, 0, 0, 0, 0});
    return u64(1).u64(512).u64(firstBlock).u64(blocks).u64(dirEntries).u64(symlinks).u64(inodes);
  }

  public ImageBytes u64(long value) {
    buf.putLong(value);
    return this;
  }

  public ImageBytes u16(int value) {
    buf.putShort((short) value);
    return this;
  }

  public ImageBytes bytes(byte[] bytes) {
    buf.put(bytes);
    return this;
  }

  public ImageBytes dirEntry(long inode, String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return u64(inode).u16(bytes.length).bytes(bytes);
  }

  public ImageBytes symlink(String target) {
    byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
    return u16(bytes.length).bytes(bytes);
  }

  public ImageBytes inode(long mode, long number, long dataOffset, long count) {
    return u64(mode).u64(number).u64(dataOffset).u64(count);
  }

  public byte[] array() {
    return buf.array();
  }
}
