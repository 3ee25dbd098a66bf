package io.osvmaven.core.image;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.build.Fingerprint;
import io.osvmaven.core.disk.DiskAssembler;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.DiskResult;
import io.osvmaven.core.disk.DiskSpec;
import io.osvmaven.core.disk.InPlaceDisk;
import io.osvmaven.core.disk.LoaderImage;
import io.osvmaven.core.disk.OsvCommandLine;
import io.osvmaven.core.disk.PartitionSpec;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.io.Sha256;
import io.osvmaven.core.json.JsonReader;
import io.osvmaven.core.json.JsonWriter;
import io.osvmaven.core.manifest.ManifestLine;
import io.osvmaven.core.manifest.ManifestParser;
import io.osvmaven.core.manifest.ManifestResolver;
import io.osvmaven.core.manifest.ManifestWriter;
import io.osvmaven.core.manifest.TreeComposer;
import io.osvmaven.core.rofs.RofsWriter;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.TreeVisitor;
import io.osvmaven.core.zfs.ZfsOptions;
import io.osvmaven.core.zfs.ZfsPoolWriter;
import io.osvmaven.core.zfs.ZfsResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds an OSv disk image from its contents: compose the file tree, write the composed manifest, the
 * filesystem image and the disk image(s), then a JSON descriptor. All on the host, in Java; every output
 * is written to a temporary file and renamed. When the fingerprint of the configuration and of every
 * input file equals the one recorded by the last build and the outputs exist, nothing is written.
 */
public final class ImageBuilder {

  /** Bumped when the builder's output for the same inputs changes, to invalidate old fingerprints. */
  private static final String FORMAT_VERSION = "2";

  /** OSv's root filesystem partition: vblk0.1 is MBR slot 2 (osv-formats.md §5.5). */
  private static final int PARTITION_SLOT = 2;

  private final BuildListener listener;

  public ImageBuilder(BuildListener listener) {
    this.listener = listener;
  }

  public ImageResult build(ImageRequest request) throws IOException {
    FileTree tree = compose(request);
    int files = tree.countEntries();
    long bytes = tree.totalFileBytes();
    Path manifest = request.workDirectory().resolve("usr.manifest");
    Path fsImage = request.workDirectory().resolve(request.imageName() + "." + request.filesystem().osvName());
    Path descriptor = request.descriptor();
    Path record = request.workDirectory().resolve(request.imageName() + ".fingerprint");
    Map<DiskFormat, Path> disks = request.disks();
    String commandLine = OsvCommandLine.withRootfs(request.filesystem().osvName(), request.cmdline()).text();
    warnIfTheCommandIsMissing(tree, request.cmdline());

    String manifestText = ManifestWriter.render(tree);
    Fingerprint fingerprint = fingerprint(request, tree, manifestText);
    List<Path> outputs = new ArrayList<>(disks.values());
    outputs.add(descriptor);
    if (!disks.containsKey(DiskFormat.RAW)) {
      outputs.add(fsImage);
    }
    // the filesystem is inside the raw disk when there is one, else the bare image
    Path fsHolder = disks.containsKey(DiskFormat.RAW) ? disks.get(DiskFormat.RAW) : fsImage;
    Optional<FilesystemPlacement> previous = fingerprint.matches(record, outputs.toArray(Path[]::new))
        ? FilesystemPlacement.recordedIn(descriptor, fsHolder)
        : Optional.empty();
    if (previous.isPresent()) {
      listener.info("Image up to date: " + String.join(", ", disks.values().stream().map(Path::toString).toList()));
      return new ImageResult(disks, previous.get().file(), previous.get().offset(), previous.get().size(),
          manifest, descriptor, files, bytes, commandLine, request.kernel().isPresent(), true);
    }

    // not up to date: the fingerprint to record is hashed on the other core while the image is written
    fingerprint.digestInBackground();
    // everything that can be checked without writing is checked first: no partial output
    DiskSpec spec;
    if (request.kernel().isPresent()) {
      spec = DiskSpec.withLoader(LoaderImage.read(request.kernel().get()))
          .withCommandLine(OsvCommandLine.withRootfs(request.filesystem().osvName(), request.cmdline()));
    } else {
      spec = DiskSpec.kernelless();
      listener.info("No kernel given: the disk is kernel-less (the filesystem is partition 2 at byte 512), "
          + "for direct kernel boot with the command line '" + commandLine + "'. Give an OSv loader.img as "
          + "the kernel to get a BIOS-bootable disk.");
    }
    if (request.diskSize() > 0) {
      spec = spec.withMinimumSize(request.diskSize());
    }
    // from the first write until the last, the outputs may not match any recorded fingerprint
    Files.deleteIfExists(record);
    DiskAssembler assembler = new DiskAssembler(listener);
    Map<DiskFormat, DiskResult> results = new EnumMap<>(DiskFormat.class);
    FilesystemPlacement placement;
    Path raw = disks.get(DiskFormat.RAW);
    if (raw != null) {
      results.put(DiskFormat.RAW, writeInPlace(request, tree, spec, assembler, raw));
      placement = new FilesystemPlacement(raw, results.get(DiskFormat.RAW));
      // a bare image left by an earlier build would no longer match the disk
      Files.deleteIfExists(fsImage);
    } else {
      writeFilesystem(request, tree, fsImage);
      spec = spec.withPartition(PartitionSpec.ofImage(PARTITION_SLOT, fsImage));
      placement = new FilesystemPlacement(fsImage, 0, Files.size(fsImage));
    }
    // written once the filesystem is: a failed build leaves the previous manifest and image together
    AtomicFiles.writeIfChanged(manifest, manifestText.getBytes(StandardCharsets.UTF_8));
    Path qcow2 = disks.get(DiskFormat.QCOW2);
    if (qcow2 != null) {
      results.put(DiskFormat.QCOW2, raw != null
          ? assembler.convertToQcow2(results.get(DiskFormat.RAW), qcow2)
          : assembler.assemble(spec, qcow2, DiskFormat.QCOW2));
    }
    writeDescriptor(request, descriptor, results, placement, files, bytes, commandLine);
    fingerprint.save(record);
    return new ImageResult(disks, placement.file(), placement.offset(), placement.size(), manifest,
        descriptor, files, bytes, commandLine, request.kernel().isPresent(), false);
  }

  /** Where the filesystem's bytes ended up: inside the raw disk, or a bare image in the work directory. */
  private record FilesystemPlacement(Path file, long offset, long size) {
    FilesystemPlacement(Path disk, DiskResult result) {
      this(disk, result.partitionOffset(), result.partitions().get(0).size());
    }

    /**
     * Where in {@code file} a previous build put the filesystem, as its descriptor says; empty if the
     * descriptor is unreadable or does not fit the file (then rebuild).
     */
    static Optional<FilesystemPlacement> recordedIn(Path descriptor, Path file) {
      try {
        Map<?, ?> root = (Map<?, ?>) JsonReader.read(Files.readString(descriptor, StandardCharsets.UTF_8));
        Map<?, ?> fs = (Map<?, ?>) root.get("filesystemImage");
        if (!file.getFileName().toString().equals(Path.of((String) fs.get("file")).getFileName().toString())) {
          return Optional.empty();
        }
        long offset = ((Number) fs.get("offset")).longValue();
        long size = ((Number) fs.get("size")).longValue();
        return Files.isRegularFile(file) && Files.size(file) >= offset + size
            ? Optional.of(new FilesystemPlacement(file, offset, size))
            : Optional.empty();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /** The filesystem written straight into the raw disk (written once, hashed while written). */
  private DiskResult writeInPlace(ImageRequest request, FileTree tree, DiskSpec spec, DiskAssembler assembler,
      Path raw) throws IOException {
    switch (request.filesystem()) {
      case ROFS -> {
        RofsWriter.Planned rofs = new RofsWriter(listener).plan(tree);
        try (InPlaceDisk disk = assembler.openInPlace(spec, raw, request.digest())) {
          rofs.writeTo(disk.streamPartition(PARTITION_SLOT, rofs.imageBytes()));
          return disk.finish(PARTITION_SLOT, rofs.imageBytes());
        }
      }
      case ZFS -> {
        try (InPlaceDisk disk = assembler.openInPlace(spec, raw, request.digest())) {
          ZfsResult pool = ZfsPoolWriter.write(tree, zfsOptions(request), disk.channel(),
              disk.partitionOffset(), raw, listener);
          return disk.finish(PARTITION_SLOT, pool.deviceSize());
        }
      }
      default -> throw new IllegalStateException(request.filesystem().toString());
    }
  }

  /** The bare filesystem image, for a build that wants no raw disk. */
  private void writeFilesystem(ImageRequest request, FileTree tree, Path fsImage) throws IOException {
    switch (request.filesystem()) {
      case ROFS -> new RofsWriter(listener).write(tree, fsImage);
      case ZFS -> ZfsPoolWriter.write(tree, zfsOptions(request), fsImage, listener);
    }
  }

  private static ZfsOptions zfsOptions(ImageRequest request) {
    return ZfsOptions.defaults(request.mtimeSeconds()).withPoolSize(request.filesystemSize());
  }

  /**
   * Warns when the command line starts a program by absolute path that is not in the image: OSv would
   * fail at boot with "Failed to load object".
   */
  private void warnIfTheCommandIsMissing(FileTree tree, String cmdline) {
    for (String word : cmdline.strip().split("\\s+")) {
      if (word.isEmpty() || word.startsWith("-")) {
        continue; // loader options come first
      }
      if (word.startsWith("/") && tree.lookup(word) == null) {
        listener.warn("the command line starts " + word + ", which is not in the image");
      }
      return;
    }
  }

  /** The image's file tree, from every content source in order, sorted. */
  public FileTree compose(ImageRequest request) throws IOException {
    return compose(request.contents(), request.mtimeSeconds());
  }

  /** The file tree of {@code contents} (later sources override earlier ones), sorted. */
  public FileTree compose(List<ImageContent> contents, long mtimeSeconds) throws IOException {
    TreeComposer composer = new TreeComposer(listener, mtimeSeconds);
    for (ImageContent content : contents) {
      if (content instanceof ImageContent.Manifest m) {
        Path base = m.baseDirectory().toAbsolutePath();
        Path file = m.file().toAbsolutePath();
        String display = file.startsWith(base) ? base.relativize(file).toString() : m.file().toString();
        List<ManifestLine> lines = new ManifestParser(m.variables()).parse(m.file(), display);
        composer.add(new ManifestResolver(m.baseDirectory()).resolve(lines));
      } else if (content instanceof ImageContent.Directory d) {
        String guest = d.guestDirectory().endsWith("/")
            ? d.guestDirectory().substring(0, d.guestDirectory().length() - 1)
            : d.guestDirectory();
        ManifestLine walk = new ManifestLine(d.origin(), 0, guest + "/**: " + d.hostDirectory() + "/**",
            guest + "/**", d.hostDirectory() + "/**");
        composer.add(new ManifestResolver(d.hostDirectory()).resolve(List.of(walk)));
      } else if (content instanceof ImageContent.Entries e) {
        composer.add(e.entries());
      }
    }
    return composer.compose();
  }

  private static Fingerprint fingerprint(ImageRequest request, FileTree tree, String manifestText)
      throws IOException {
    Fingerprint f = new Fingerprint()
        .config("format-version", FORMAT_VERSION)
        .config("filesystem", request.filesystem())
        .config("kernel", request.kernel().map(Path::toString).orElse(""))
        .config("cmdline", request.cmdline())
        .config("disks", new TreeMap<>(request.disks()))
        .config("descriptor", request.descriptor())
        .config("image", request.imageName())
        .config("mtime", request.mtimeSeconds())
        .config("disk-size", request.diskSize())
        .config("filesystem-size", request.filesystemSize())
        .config("extra", request.extraFingerprint())
        .config("digest", request.digest())
        .config("tree", manifestText);
    if (request.kernel().isPresent()) {
      f.input(request.kernel().get());
    }
    for (ImageContent c : request.contents()) {
      if (c instanceof ImageContent.Manifest m) {
        f.input(m.file());
      }
    }
    // Each file's size and mtime as the tree was built from them, in the tree's own (sorted) order: the
    // tree text above names their host paths already. Keyed by path, 30,000 inputs cost more than the
    // rest of a cold build's check (path normalising, a sorted map, twice the bytes to hash).
    StringBuilder states = new StringBuilder();
    List<Path> unrecorded = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void visitFile(String path, RegularFile file) {
        if (file.modifiedMillis() >= 0) {
          states.append(file.size()).append('@').append(file.modifiedMillis()).append('\n');
        } else {
          states.append("?\n");
          unrecorded.add(file.source());
        }
      }
    });
    f.config("tree-files", states);
    for (Path source : unrecorded) {
      f.input(source);
    }
    return f;
  }

  private void writeDescriptor(ImageRequest request, Path descriptor, Map<DiskFormat, DiskResult> results,
      FilesystemPlacement placement, int files, long bytes, String commandLine) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("image", request.imageName());
    root.put("filesystem", request.filesystem().osvName());
    root.put("bootable", request.kernel().isPresent());
    root.put("commandLine", commandLine);
    Optional<Path> kernel = request.kernel();
    if (kernel.isPresent()) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("file", kernel.get().getFileName().toString());
      k.put("sha256", Sha256.of(kernel.get()));
      root.put("kernel", k);
    }
    root.put("files", files);
    root.put("fileBytes", bytes);
    Map<String, Object> fs = new LinkedHashMap<>();
    Path descriptorDir = descriptor.toAbsolutePath().getParent();
    Path fsAbs = placement.file().toAbsolutePath();
    fs.put("file", fsAbs.startsWith(descriptorDir) ? descriptorDir.relativize(fsAbs).toString() : fsAbs.getFileName().toString());
    fs.put("offset", placement.offset());
    fs.put("size", placement.size());
    root.put("filesystemImage", fs);
    List<Object> disks = new ArrayList<>();
    for (DiskResult r : results.values()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("file", r.output().getFileName().toString());
      d.put("format", r.format().name().toLowerCase(java.util.Locale.ROOT));
      d.put("virtualSize", r.diskSize());
      d.put("fileSize", r.fileSize());
      d.put("partitionOffset", r.partitionOffset());
      if (request.digest()) {
        // the raw disk was hashed while it was written; other containers are read back
        d.put("sha256", r.sha256().isPresent() ? r.sha256().get() : Sha256.of(r.output()));
      }
      disks.add(d);
    }
    root.put("disks", disks);
    AtomicFiles.writeIfChanged(descriptor, JsonWriter.write(root).getBytes(StandardCharsets.UTF_8));
  }
}
