package io.osvmaven.core.zfs;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.tree.Attributes;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.Node;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes a file tree as a single-vdev ZFS pool image (pool v23, ZPL v4) that OSv mounts as its root
 * filesystem: the tree lives in the pool's root dataset. The image is byte-identical for identical
 * inputs: GUIDs and hash salts are derived from the options and the tree's structure, all blocks are
 * born in txg 4 and every time comes from the options or the tree.
 */
public final class ZfsPoolWriter {

  /** Every block of the pool is born in txg 4; the uberblock is TXG_SIZE (4) txgs later (spec §1.4). */
  static final long UBERBLOCK_TXG = PoolImage.BIRTH_TXG + 4;
  private static final long MOS_RESERVE = 2L << 20;
  private static final long MIN_HEADROOM = 16L << 20;
  private static final long SLOP_MIN = 32L << 20;
  private static final long MIB = 1L << 20;
  private static final long GUID_PURPOSE = 0x6f1d;

  private ZfsPoolWriter() {}

  /**
   * Writes the pool image to {@code target} atomically (temporary file, then rename).
   *
   * @throws OsvException if the pool size is too small, a name or symlink is too long for ZFS, or a
   *     source file cannot be read or changed size
   */
  public static ZfsResult write(FileTree tree, ZfsOptions options, Path target, BuildListener listener)
      throws IOException {
    Path tmp = AtomicFiles.createTempSibling(target);
    try {
      ZfsResult result;
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.truncate(0);
        result = write(tree, options, channel, 0, target, listener);
      }
      AtomicFiles.move(tmp, target);
      return result;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Writes the pool into {@code channel} with the device starting at byte {@code offset} (a partition
   * of a disk being written); the channel grows to at least the end of the device.
   *
   * @param target the file named in messages and in the result
   * @throws OsvException as {@link #write(FileTree, ZfsOptions, Path, BuildListener)}
   */
  public static ZfsResult write(FileTree tree, ZfsOptions options, FileChannel channel, long offset,
      Path target, BuildListener listener) throws IOException {
    if (!ZfsOptions.DEFAULT_POOL.equals(options.poolName())) {
      listener.warn("ZFS pool is named '" + options.poolName() + "': OSv mounts only a pool named '"
          + ZfsOptions.DEFAULT_POOL + "'");
    }
    long seed = seed(tree, options);
    ZplWriter.Plan plan = ZplWriter.plan(tree, seed);
    VdevLayout given = null;
    if (options.poolSize() != 0) {
      given = VdevLayout.forDevice(options.poolSize());
      long needed = plan.bytes() + MOS_RESERVE;
      if (needed > given.usable()) {
        throw tooSmall(options.poolSize(), needed);
      }
    }
    ZfsResult result = writePool(channel, offset, tree, plan, options, given, seed, target, listener);
    listener.info(String.format("ZFS pool '%s': %d objects, %d of %d bytes allocated, written to %s",
        options.poolName(), result.objects(), result.allocatedBytes(), result.deviceSize(), target));
    return result;
  }

  private static ZfsResult writePool(FileChannel channel, long offset, FileTree tree, ZplWriter.Plan plan,
      ZfsOptions options, VdevLayout given, long seed, Path target, BuildListener listener)
      throws IOException {
    PoolImage image = new PoolImage(channel, offset);
    if (given != null) {
      image.limit(given.usable());
    }
    BlockPointer zplObjset;
    try {
      zplObjset = new ZplWriter(image, seed, options.timestampSeconds(), options.zplVersion())
          .write(tree, plan);
    } catch (PoolImage.PoolFullException e) {
      throw tooSmall(options.poolSize(), plan.bytes() + MOS_RESERVE);
    }
    long zplBytes = image.allocated();
    VdevLayout layout = given != null ? given
        : VdevLayout.forDevice(computedSize(image.allocator().end()));
    image.limit(layout.usable());
    long poolGuid = Seeds.derive(seed, GUID_PURPOSE, layout.deviceSize());
    long vdevGuid = Seeds.derive(seed, GUID_PURPOSE + 1, layout.deviceSize());
    PoolConfig config = new PoolConfig(options.poolName(), options.spaVersion(), poolGuid, vdevGuid,
        options.vdevPath(), layout);
    BlockPointer mos;
    try {
      mos = new MosWriter(image, config, seed, options.timestampSeconds()).write(zplObjset, zplBytes);
    } catch (PoolImage.PoolFullException e) {
      throw tooSmall(options.poolSize(), image.allocator().end() + MOS_RESERVE);
    }
    Labels.write(image, layout, config.labelConfig().pack(), options.spaVersion(), UBERBLOCK_TXG,
        config.guidSum(), options.timestampSeconds(), mos);
    long free = layout.usable() - image.allocated();
    long slop = Math.max(SLOP_MIN, layout.usable() / 64);
    if (given != null && free < slop + MIN_HEADROOM) {
      listener.warn(String.format("ZFS pool of %d bytes has %d bytes free, and ZFS keeps %d of them back:"
          + " the guest can write little or nothing to it; leave the pool size unset to get headroom",
          layout.deviceSize(), free, slop));
    }
    if (channel.size() < offset + layout.deviceSize()) {
      image.writeAt(layout.deviceSize() - 1, ByteBuffer.allocate(1));
    }
    return new ZfsResult(target, layout.deviceSize(), image.allocated(), plan.maxObject(), poolGuid);
  }

  /**
   * Device size for a pool whose root dataset ends at {@code zplBytes}: ZFS keeps max(1/64, 32 MiB) of
   * a pool back from datasets, and on top of that the guest gets 25% (at least 16 MiB) to write to.
   */
  static long computedSize(long zplBytes) {
    long needed = zplBytes + MOS_RESERVE;
    long reserve = Math.max(SLOP_MIN, needed / 63);
    long size = Math.max(VdevLayout.MIN_DEVICE, PoolImage.ALLOC_START + VdevLayout.END_LABELS + needed
        + reserve + Math.max(MIN_HEADROOM, needed / 4));
    size = (size + MIB - 1) / MIB * MIB;
    while (VdevLayout.forDevice(size).usable() < needed) {
      size += Math.max(MIB, size / 16);
    }
    return size;
  }

  private static OsvException tooSmall(long poolSize, long needed) {
    long suggest = computedSize(needed - MOS_RESERVE);
    return new OsvException("ZFS pool size " + poolSize + " bytes is too small for the tree: it needs "
        + "about " + needed + " bytes of allocatable space (plus 4.5 MiB of labels)",
        "set the pool size to at least " + suggest + " bytes, or 0 to compute it");
  }

  /** Hash of everything that determines the image except file contents (read only once, later). */
  static long seed(FileTree tree, ZfsOptions options) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder head = new StringBuilder().append(options.poolName()).append('\0')
        .append(options.timestampSeconds()).append('\0').append(options.spaVersion()).append('\0')
        .append(options.zplVersion()).append('\0').append(options.vdevPath()).append('\0');
    md.update(head.toString().getBytes(StandardCharsets.UTF_8));
    tree.walk(new TreeVisitor() {
      @Override
      public void preVisitDirectory(String path, Directory dir) {
        add('d', path, dir, "");
      }

      @Override
      public void postVisitDirectory(String path, Directory dir) {
        md.update((byte) 'u');
      }

      @Override
      public void visitFile(String path, RegularFile file) {
        add('f', path, file, Long.toString(file.size()));
      }

      @Override
      public void visitSymlink(String path, Symlink link) {
        add('l', path, link, link.target());
      }

      private void add(char kind, String path, Node node, String extra) {
        Attributes a = node.attributes();
        String line = kind + path + '\0' + a.mode() + ' ' + a.uid() + ' ' + a.gid() + ' '
            + a.mtimeSeconds() + '\0' + extra + '\n';
        md.update(line.getBytes(StandardCharsets.UTF_8));
      }
    });
    return ByteBuffer.wrap(md.digest()).getLong();
  }
}
