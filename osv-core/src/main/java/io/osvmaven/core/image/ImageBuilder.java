package io.osvmaven.core.image;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.build.Fingerprint;
import io.osvmaven.core.disk.DiskAssembler;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.DiskResult;
import io.osvmaven.core.disk.DiskSpec;
import io.osvmaven.core.disk.LoaderImage;
import io.osvmaven.core.disk.OsvCommandLine;
import io.osvmaven.core.disk.PartitionSpec;
import io.osvmaven.core.io.AtomicFiles;
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
  private static final String FORMAT_VERSION = "1";

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
    outputs.add(fsImage);
    if (fingerprint.matches(record, outputs.toArray(Path[]::new))) {
      listener.info("Image up to date: " + String.join(", ", disks.values().stream().map(Path::toString).toList()));
      return new ImageResult(disks, fsImage, manifest, descriptor, files, bytes, commandLine,
          request.kernel().isPresent(), true);
    }

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
    ZfsOptions zfsOptions = request.filesystem() == Filesystem.ZFS
        ? ZfsOptions.defaults(request.mtimeSeconds()).withPoolSize(request.filesystemSize())
        : null;
    switch (request.filesystem()) {
      case ROFS -> new RofsWriter(listener).write(tree, fsImage);
      case ZFS -> ZfsPoolWriter.write(tree, zfsOptions, fsImage, listener);
    }
    // written once the filesystem is: a failed build leaves the previous manifest and image together
    AtomicFiles.writeIfChanged(manifest, manifestText.getBytes(StandardCharsets.UTF_8));
    spec = spec.withPartition(PartitionSpec.ofImage(2, fsImage));
    if (request.diskSize() > 0) {
      spec = spec.withMinimumSize(request.diskSize());
    }
    DiskAssembler assembler = new DiskAssembler(listener);
    Map<DiskFormat, DiskResult> results = new EnumMap<>(DiskFormat.class);
    for (Map.Entry<DiskFormat, Path> e : disks.entrySet()) {
      results.put(e.getKey(), assembler.assemble(spec, e.getValue(), e.getKey()));
    }
    writeDescriptor(request, descriptor, results, fsImage, files, bytes, commandLine);
    fingerprint.save(record);
    return new ImageResult(disks, fsImage, manifest, descriptor, files, bytes, commandLine,
        request.kernel().isPresent(), false);
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
        .config("tree", manifestText);
    if (request.kernel().isPresent()) {
      f.input(request.kernel().get());
    }
    for (ImageContent c : request.contents()) {
      if (c instanceof ImageContent.Manifest m) {
        f.input(m.file());
      }
    }
    List<Path> sources = new ArrayList<>();
    tree.walk(new TreeVisitor() {
      @Override
      public void visitFile(String path, RegularFile file) {
        sources.add(file.source());
      }
    });
    for (Path source : sources) {
      f.input(source);
    }
    return f;
  }

  private void writeDescriptor(ImageRequest request, Path descriptor, Map<DiskFormat, DiskResult> results,
      Path fsImage, int files, long bytes, String commandLine) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("image", request.imageName());
    root.put("filesystem", request.filesystem().osvName());
    root.put("bootable", request.kernel().isPresent());
    root.put("commandLine", commandLine);
    Optional<Path> kernel = request.kernel();
    if (kernel.isPresent()) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("file", kernel.get().getFileName().toString());
      k.put("sha256", sha256(kernel.get()));
      root.put("kernel", k);
    }
    root.put("files", files);
    root.put("fileBytes", bytes);
    Map<String, Object> fs = new LinkedHashMap<>();
    Path descriptorDir = descriptor.toAbsolutePath().getParent();
    Path fsAbs = fsImage.toAbsolutePath();
    fs.put("file", fsAbs.startsWith(descriptorDir) ? descriptorDir.relativize(fsAbs).toString() : fsAbs.getFileName().toString());
    fs.put("size", Files.size(fsImage));
    root.put("filesystemImage", fs);
    List<Object> disks = new ArrayList<>();
    for (DiskResult r : results.values()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("file", r.output().getFileName().toString());
      d.put("format", r.format().name().toLowerCase(java.util.Locale.ROOT));
      d.put("virtualSize", r.diskSize());
      d.put("fileSize", r.fileSize());
      d.put("partitionOffset", r.partitionOffset());
      d.put("sha256", sha256(r.output()));
      disks.add(d);
    }
    root.put("disks", disks);
    AtomicFiles.writeIfChanged(descriptor, JsonWriter.write(root).getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
