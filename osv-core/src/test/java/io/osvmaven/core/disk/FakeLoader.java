package io.osvmaven.core.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Builds a small stand-in for an x64 loader.img following osv-formats.md §5.1 and boot16.S: boot
 * sector with the chunk count at 0x10, the kernel disk address packet (LBA 128) at 0x12, the
 * command line packet (63 sectors from LBA 1), "VSO" at 0x1B8, 55 AA; command line at 0x200; a
 * fake 32-bit ELF ("lzloader.elf", random bytes after the ident) at 0x10000 padded to 32 KiB.
 */
public final class FakeLoader {

  private FakeLoader() {}

  public static byte[] bytes(int lzloaderSize, String cmdline, long seed) {
    int padded = (lzloaderSize + 32767) / 32768 * 32768;
    ByteBuffer b = ByteBuffer.allocate(0x10000 + padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 0xEA); // ljmp
    b.putShort(0x10, (short) (padded / 32768));
    b.put(0x12, (byte) 0x10).putShort(0x14, (short) 0x40).putShort(0x18, (short) 0x8000)
        .putLong(0x1A, 128);
    b.put(0x22, (byte) 0x10).putShort(0x24, (short) 0x3F).putShort(0x26, (short) 0x7E00)
        .putLong(0x2A, 1);
    b.put(0x1B8, (byte) 'V').put(0x1B9, (byte) 'S').put(0x1BA, (byte) 'O');
    b.put(0x1FE, (byte) 0x55).put(0x1FF, (byte) 0xAA);
    byte[] text = cmdline.getBytes(StandardCharsets.UTF_8);
    b.put(0x200, text);
    byte[] kernel = new byte[lzloaderSize];
    new Random(seed).nextBytes(kernel);
    System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0}, 0, kernel, 0, 8);
    b.put(0x10000, kernel);
    return b.array();
  }

  public static Path write(Path file, int lzloaderSize, String cmdline) throws IOException {
    return Files.write(file, bytes(lzloaderSize, cmdline, lzloaderSize));
  }

  public static Path write(Path file, int lzloaderSize) throws IOException {
    return write(file, lzloaderSize, "");
  }
}
