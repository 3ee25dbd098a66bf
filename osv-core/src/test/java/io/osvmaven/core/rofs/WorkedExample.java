package io.osvmaven.core.rofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/**
 * The image of spec §3.7 (OSv gen-rofs-img.py output), built from the spec's numbers. Manifest:
 * {@code /etc/hosts: host/a.txt} ("hello\n"), {@code /data/b.bin: host/sub/b.bin} (600 bytes),
 * {@code /data/empty: host/empty}, {@code /etc/mnttab: ->/proc/mounts}, {@code /dev: host},
 * {@code /x/&/sub/b.bin: host/&}.
 */
public final class WorkedExample {

  private WorkedExample() {}

  public static final byte[] HOSTS = "hello\n".getBytes(StandardCharsets.US_ASCII);

  /** The 600 bytes of host/sub/b.bin; any content will do, this one is not periodic in 512. */
  public static byte[] binContent() {
    byte[] bytes = new byte[600];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7 + 3);
    }
    return bytes;
  }

  public static byte[] expectedImage() {
    ImageBytes img = new ImageBytes(3584);
    img.superblock(6, 1, 10, 1, 11);
    img.at(0x200).bytes(HOSTS);
    img.at(0x400).bytes(binContent());
    img.at(0x800).bytes(binContent());
    img.at(0xC00)
        .dirEntry(3, "hosts").dirEntry(4, "mnttab")
        .dirEntry(6, "b.bin").dirEntry(7, "empty")
        .dirEntry(11, "b.bin")
        .dirEntry(10, "sub")
        .dirEntry(2, "etc").dirEntry(5, "data").dirEntry(8, "dev").dirEntry(9, "x");
    assertThat(img.position()).isEqualTo(0xC00 + 140);
    img.symlink("/proc/mounts");
    assertThat(img.position()).isEqualTo(0xC9A);
    img.inode(ImageBytes.DIR, 1, 6, 4)
        .inode(ImageBytes.DIR, 2, 0, 2)
        .inode(ImageBytes.REG, 3, 1, 6)
        .inode(ImageBytes.LINK, 4, 0, 1)
        .inode(ImageBytes.DIR, 5, 2, 2)
        .inode(ImageBytes.REG, 6, 2, 600)
        .inode(ImageBytes.REG, 7, 4, 0)
        .inode(ImageBytes.DIR, 8, 4, 0)
        .inode(ImageBytes.DIR, 9, 5, 1)
        .inode(ImageBytes.DIR, 10, 4, 1)
        .inode(ImageBytes.REG, 11, 4, 600);
    assertThat(img.position()).isEqualTo(3584 - 6);
    return img.array();
  }
}
