package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.ChannelOutput;
import io.osvmaven.core.io.TrailingDigest;
import io.osvmaven.core.qcow2.AtomicOutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A raw disk whose filesystem partition is written straight into it by the filesystem writer, so the
 * filesystem's bytes are written once, not to an image file and then copied into the disk. The disk
 * is hashed (SHA-256), when asked to, on a second thread while it is written. Like {@link DiskAssembler}, the output
 * appears only on {@link #finish}; closing before that deletes it.
 *
 * <p>Two ways to fill the partition: {@link #streamPartition} for a filesystem whose size is known
 * before its bytes (ROFS), which lets the boot area go first and the hash follow the writer; or
 * {@link #channel()} at {@link #partitionOffset()} for one written in random order (ZFS), hashed after.
 */
public final class InPlaceDisk implements AutoCloseable {

  private final DiskAssembler assembler;
  private final DiskSpec spec;
  private final Path output;
  private final AtomicOutputFile out;
  /** Null when no digest was asked for. */
  private final TrailingDigest digest;
  private DiskAssembler.Plan plan;
  private PartitionStream stream;

  InPlaceDisk(DiskAssembler assembler, DiskSpec spec, Path output, boolean hash) throws IOException {
    if (!spec.partitions().isEmpty()) {
      throw new IllegalArgumentException("the in-place partition is added by finish(), not the spec");
    }
    this.assembler = assembler;
    this.spec = spec;
    this.output = output;
    this.out = AtomicOutputFile.create(output);
    this.digest = hash ? TrailingDigest.start(out.channel()) : null;
  }

  /** Where the filesystem starts in the disk. */
  public long partitionOffset() {
    return spec.partitionOffset();
  }

  /** The disk file, for a filesystem writer that writes at {@link #partitionOffset()} onwards. */
  public FileChannel channel() {
    return out.channel();
  }

  /**
   * Plans the disk for a partition of exactly {@code size} bytes in MBR slot {@code slot}, writes
   * everything in front of it, and returns the stream the filesystem is written to, in order.
   *
   * @throws OsvException if the partition cannot be described (size, MBR limits, command line)
   */
  public OutputStream streamPartition(int slot, long size) throws IOException {
    plan = assembler.plan(spec.withPartition(PartitionSpec.empty(slot, size)), output);
    writeBootArea();
    stream = new PartitionStream(out.channel(), partitionOffset(), digest);
    return stream;
  }

  /**
   * Completes the disk around a partition of {@code size} bytes in slot {@code slot} (written through
   * {@link #streamPartition} or {@link #channel()}), pads it to its size, hashes it and makes it visible.
   */
  public DiskResult finish(int slot, long size) throws IOException {
    if (stream != null) {
      if (stream.written() != size) {
        throw new IllegalStateException(output + ": the partition stream got " + stream.written() + " of "
            + size + " bytes");
      }
    } else {
      plan = assembler.plan(spec.withPartition(PartitionSpec.empty(slot, size)), output);
      writeBootArea();
    }
    long diskSize = plan.layout().size();
    out.setLength(diskSize);
    Optional<String> sha256 = Optional.empty();
    if (digest != null) {
      digest.advance(diskSize);
      try {
        sha256 = Optional.of(digest.finish(diskSize));
      } catch (IOException e) {
        throw new IOException("cannot hash " + output + ": " + e.getMessage(), e);
      }
    }
    out.commit();
    return assembler.report(spec, plan, output, DiskFormat.RAW, diskSize, sha256);
  }

  /** The non-zero blocks of the boot area and loader; the rest of the gap stays a hole. */
  private void writeBootArea() throws IOException {
    try (DiskLayout layout = plan.layout().open()) {
      DiskAssembler.writeSegments(layout, out);
    }
    if (digest != null) {
      digest.advance(partitionOffset());
    }
  }

  @Override
  public void close() throws IOException {
    if (digest != null) {
      digest.close();
    }
    out.close();
  }

  /** Sequential writes from the partition offset; each one lets the hasher move on. */
  private static final class PartitionStream extends ChannelOutput {
    private final long start;
    /** Null when no digest was asked for. */
  private final TrailingDigest digest;

    PartitionStream(FileChannel channel, long start, TrailingDigest digest) {
      super(channel, start);
      this.start = start;
      this.digest = digest;
    }

    @Override
    protected void appended(long bytes) {
      if (digest != null) {
        digest.advance(start + written());
      }
    }
  }
}
