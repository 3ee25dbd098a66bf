package io.osvmaven.core.disk;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.qcow2.AtomicOutputFile;
import io.osvmaven.core.qcow2.Qcow2Result;
import io.osvmaven.core.qcow2.Qcow2Writer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a bootable OSv disk the way scripts/build and imgedit.py do (osv-formats.md §5.4, §5.6):
 * the loader image (or the kernel-less MBR sector), MBR entries for the partitions, the command line
 * at byte 512, and each filesystem image at its partition's offset; zeros elsewhere. Everything is
 * checked before the output is created; the output appears atomically; file data is streamed.
 */
public final class DiskAssembler {

  private static final int BLOCK = 64 * 1024;
  private static final byte[] ZERO_BLOCK = new byte[BLOCK];

  private final BuildListener listener;

  public DiskAssembler(BuildListener listener) {
    this.listener = listener;
  }

  /**
   * Assembles {@code spec} into {@code output}.
   *
   * @throws OsvException for unusable input (missing or oddly sized images, partitions beyond the
   *     reach of an MBR entry, a command line that does not fit); no output is left behind
   */
  public DiskResult assemble(DiskSpec spec, Path output, DiskFormat format) throws IOException {
    Plan plan = plan(spec, output);
    long fileSize;
    try (DiskLayout layout = plan.layout().open()) {
      if (format == DiskFormat.QCOW2) {
        Qcow2Result q = Qcow2Writer.write(layout, output);
        fileSize = q.fileSize();
      } else {
        writeRaw(layout, output);
        fileSize = layout.size();
      }
    }
    return report(spec, plan, output, format, fileSize, Optional.empty());
  }

  /**
   * Starts a raw disk for {@code spec} (which has no partitions yet) whose filesystem the caller writes
   * into it in place; see {@link InPlaceDisk}. With {@code digest}, the disk is hashed while written.
   */
  public InPlaceDisk openInPlace(DiskSpec spec, Path output, boolean digest) throws IOException {
    return new InPlaceDisk(this, spec, output, digest);
  }

  /** The qcow2 image of a raw disk this assembler wrote: same disk, another container. */
  public DiskResult convertToQcow2(DiskResult raw, Path output) throws IOException {
    if (raw.format() != DiskFormat.RAW) {
      throw new IllegalArgumentException(raw.output() + " is not a raw disk");
    }
    Qcow2Result q = Qcow2Writer.convert(raw.output(), output);
    listener.info("wrote qcow2 disk " + output + " (" + raw.diskSize() + " bytes)");
    return new DiskResult(output, DiskFormat.QCOW2, raw.diskSize(), q.fileSize(), raw.partitionOffset(),
        raw.partitions(), raw.commandLine(), Optional.empty());
  }

  DiskResult report(DiskSpec spec, Plan plan, Path output, DiskFormat format, long fileSize,
      Optional<String> sha256) {
    for (MbrPartitionEntry e : plan.entries()) {
      listener.info(String.format("partition %d (%s): offset %d, %d bytes", e.slot(),
          e.osvDeviceName(), e.offset(), e.size()));
    }
    spec.commandLine().ifPresent(c -> listener.info("command line: " + c.text()));
    listener.info("wrote " + format.name().toLowerCase(Locale.ROOT) + " disk " + output + " ("
        + plan.layout().size() + " bytes)");
    return new DiskResult(output, format, plan.layout().size(), fileSize, spec.partitionOffset(),
        plan.entries(), spec.commandLine().map(OsvCommandLine::text), sha256);
  }

  record Plan(DiskLayout layout, List<MbrPartitionEntry> entries) {}

  /** Where a partition lies; size -1 until the disk size is known (to-end-of-disk partitions). */
  private record Extent(PartitionSpec partition, long start, long size) {}

  Plan plan(DiskSpec spec, Path output) throws IOException {
    List<DiskLayout.Segment> segments = new ArrayList<>();
    List<Extent> extents = new ArrayList<>();
    long offset = spec.partitionOffset();
    long end = offset;
    for (int i = 0; i < spec.partitions().size(); i++) {
      PartitionSpec p = spec.partitions().get(i);
      if (p.toEndOfDisk() && i != spec.partitions().size() - 1) {
        throw new OsvException("partition " + p + " runs to the end of the disk, so it must be the "
            + "last one", "move it to the end of the partition list");
      }
      long imageSize = 0;
      if (p.image().isPresent()) {
        Path image = p.image().get();
        imageSize = imageSize(image);
        if (imageSize > 0) {
          segments.add(DiskLayout.Segment.ofFile(offset, image, 0, imageSize, imageSize));
        }
        if (p.size().isEmpty() && !p.toEndOfDisk() && imageSize % MbrPartitionEntry.SECTOR != 0) {
          throw new OsvException("filesystem image " + image + " is " + imageSize + " bytes, not a "
              + "whole number of 512-byte sectors, so no MBR partition can hold exactly it",
              "pad the image to a multiple of 512 bytes or give the partition an explicit size");
        }
        if (p.size().isPresent() && imageSize > p.size().getAsLong()) {
          throw new OsvException("filesystem image " + image + " (" + imageSize + " bytes) is "
              + "larger than its partition (" + p.size().getAsLong() + " bytes)");
        }
      }
      long size = p.toEndOfDisk() ? -1 : p.size().orElse(imageSize);
      if (size > 0 && size % MbrPartitionEntry.SECTOR != 0) {
        throw new OsvException("partition " + p + " size " + size + " is not a whole number of "
            + "512-byte sectors");
      }
      extents.add(new Extent(p, offset, size));
      long used = p.toEndOfDisk() ? roundUpToSector(imageSize) : size;
      end = offset + used;
      offset = end;
    }
    long diskSize = Math.max(spec.minimumSize(), end);
    if (spec.minimumSize() > 0 && end > spec.minimumSize()) {
      listener.warn("the partitions end at byte " + end + ", beyond the requested disk size "
          + spec.minimumSize() + "; the disk is " + end + " bytes");
    }

    List<MbrPartitionEntry> entries = new ArrayList<>();
    for (Extent x : extents) {
      PartitionSpec p = x.partition();
      long start = x.start();
      long size = x.size() < 0 ? diskSize - start : x.size();
      if (start / MbrPartitionEntry.SECTOR > MbrPartitionEntry.MAX_U32
          || size / MbrPartitionEntry.SECTOR > MbrPartitionEntry.MAX_U32) {
        throw new OsvException("partition " + p + " (start " + start + ", " + size + " bytes) is "
            + "too large for an MBR partition: start and length are limited to 2^32-1 sectors of "
            + "512 bytes (2 TiB)", "use a smaller filesystem image or disk size");
      }
      entries.add(MbrPartitionEntry.forOsv(p.slot(), start, size));
    }

    byte[] boot = bootArea(spec, entries);
    segments.add(0, DiskLayout.Segment.ofBytes(0, boot));
    spec.loader().ifPresent(l -> segments.add(1, DiskLayout.Segment.ofFile(LoaderImage.KERNEL_OFFSET,
        l.file(), LoaderImage.KERNEL_OFFSET, l.size() - LoaderImage.KERNEL_OFFSET, l.size())));
    return new Plan(new DiskLayout(output.toString(), diskSize, segments), entries);
  }

  private byte[] bootArea(DiskSpec spec, List<MbrPartitionEntry> entries) {
    Optional<LoaderImage> loader = spec.loader();
    byte[] boot;
    if (loader.isPresent()) {
      boot = loader.get().bootArea();
      warnAboutStaleSlots(loader.get(), entries);
    } else {
      // OSv's scripts/disk.bin: an empty partition table and the boot signature
      boot = new byte[MbrPartitionEntry.SECTOR];
      boot[MbrPartitionTable.SIGNATURE_OFFSET] = 0x55;
      boot[MbrPartitionTable.SIGNATURE_OFFSET + 1] = (byte) 0xAA;
    }
    for (MbrPartitionEntry e : entries) {
      e.writeTo(boot);
    }
    if (spec.commandLine().isPresent()) {
      byte[] text = spec.commandLine().get().utf8();
      int capacity = Math.min(LoaderImage.BIOS_COMMAND_LINE_BYTES,
          LoaderImage.KERNEL_OFFSET - LoaderImage.COMMAND_LINE_OFFSET);
      if (text.length + 1 > capacity) {
        throw new OsvException("the command line is " + text.length + " bytes; with its NUL it "
            + "must fit the " + capacity + "-byte area the boot sector loads");
      }
      // imgedit setargs: the string and one NUL; later bytes keep their old content
      System.arraycopy(text, 0, boot, LoaderImage.COMMAND_LINE_OFFSET, text.length);
      boot[LoaderImage.COMMAND_LINE_OFFSET + text.length] = 0;
    }
    return boot;
  }

  private void warnAboutStaleSlots(LoaderImage loader, List<MbrPartitionEntry> entries) {
    for (MbrPartitionEntry old : loader.partitionTable().entries()) {
      boolean rewritten = entries.stream().anyMatch(e -> e.slot() == old.slot());
      if (!old.isEmpty() && !rewritten) {
        listener.warn(loader.file() + " already has an entry in MBR slot " + old.slot()
            + "; it is kept as it is, as imgedit.py would");
      }
    }
  }

  private static long imageSize(Path image) throws IOException {
    if (!Files.isRegularFile(image)) {
      throw new OsvException("filesystem image " + image + " does not exist or is not a file");
    }
    return Files.size(image);
  }

  private static long roundUpToSector(long n) {
    return (n + MbrPartitionEntry.SECTOR - 1) / MbrPartitionEntry.SECTOR * MbrPartitionEntry.SECTOR;
  }

  /** Writes the non-zero 64 KiB blocks of every segment; the gaps stay holes in the file. */
  private static void writeRaw(DiskLayout layout, Path output) throws IOException {
    try (AtomicOutputFile out = AtomicOutputFile.create(output)) {
      writeSegments(layout, out);
      out.setLength(layout.size());
      out.commit();
    }
  }

  /** Writes the non-zero 64 KiB blocks of every segment of an opened layout; gaps stay holes. */
  static void writeSegments(DiskLayout layout, AtomicOutputFile out) throws IOException {
    byte[] block = new byte[BLOCK];
    for (DiskLayout.Segment s : layout.segments()) {
      for (long pos = s.offset(); pos < s.end(); pos += BLOCK) {
        int len = (int) Math.min(BLOCK, s.end() - pos);
        layout.read(pos, block, 0, len);
        if (!Arrays.equals(block, 0, len, ZERO_BLOCK, 0, len)) {
          out.write(pos, block, 0, len);
        }
      }
    }
  }
}
