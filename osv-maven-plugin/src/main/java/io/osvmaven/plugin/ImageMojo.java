package io.osvmaven.plugin;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.OsvException;
import io.osvmaven.core.build.OutputTimestamp;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.OsvCommandLine;
import io.osvmaven.core.image.ApplicationRuntime;
import io.osvmaven.core.image.Filesystem;
import io.osvmaven.core.image.ImageBuilder;
import io.osvmaven.core.image.ImageContent;
import io.osvmaven.core.image.ImageRequest;
import io.osvmaven.core.image.ImageResult;
import io.osvmaven.core.image.RuntimeRequest;
import io.osvmaven.core.manifest.ResolvedEntry;
import io.osvmaven.core.profile.Resolution;
import io.osvmaven.core.runtime.JavaCommandLine;
import io.osvmaven.core.zfs.ZfsOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;

/**
 * Builds the OSv image: composes the image's files from manifests, the project's artifact and runtime
 * dependencies, extra directories and {@code <files>}, writes them as a ROFS filesystem, and assembles
 * the disk: with a {@code kernel} (an OSv {@code loader.img}) a BIOS-bootable disk with the command line,
 * without one a kernel-less disk for direct kernel boot. Writes {@code target/<imageName>.img} (and
 * {@code .qcow2} if asked), a JSON descriptor {@code target/<imageName>.json}, the composed manifest
 * {@code target/osv/usr.manifest}, and attaches the image to the project. Nothing is rewritten when no
 * input changed. The filesystem is written once, straight into the raw disk (hashed while it is written
 * when {@code digest} asks for it); the descriptor's {@code filesystemImage} gives its file, offset and
 * size (a bare image in {@code target/osv} only when no raw disk is asked for).
 *
 * @since 0.1.0
 */
@Mojo(name = ImageMojo.GOAL, defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ImageMojo extends AbstractDriversMojo {

  public static final String GOAL = "image";

  /**
   * OSv manifest files with the image's files ({@code /guest/path: host/path} lines, {@code ->}
   * symlinks, {@code /**} globs, {@code /&/}, variables). Relative host paths resolve against the
   * project directory. Default: {@code src/main/osv/usr.manifest} if it exists.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.manifests")
  protected List<File> manifests;

  /**
   * Values of {@code ${NAME}} and {@code %(name)s} variables in the manifests.
   *
   * @since 0.1.0
   */
  @Parameter
  protected Map<String, String> manifestVariables;

  /**
   * Guest directory of the project's artifact; its runtime dependencies go into {@code lib/} below it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.appDirectory", defaultValue = "/app")
  protected String appDirectory;

  /**
   * Puts the project's artifact (the jar) into {@code appDirectory}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.includeArtifact", defaultValue = "true")
  protected boolean includeArtifact;

  /**
   * Puts the project's runtime dependencies into {@code appDirectory/lib}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.includeDependencies", defaultValue = "true")
  protected boolean includeDependencies;

  /**
   * Host directories copied recursively into the image. Default: {@code src/main/osv/root} into
   * {@code /}, if it exists.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<ExtraDirectory> extraDirectories;

  /**
   * Single entries: {@code <file><path>/etc/app.conf</path><source>app.conf</source></file>},
   * {@code <link>} for a symbolic link, {@code <directory>true</directory>} for an empty directory.
   * They override everything else at the same path.
   *
   * @since 0.1.0
   */
  @Parameter
  protected List<ImageFile> files;

  /**
   * The root filesystem: {@code rofs} (read-only, for any OSv kernel) or {@code zfs} (a writable ZFS pool
   * {@code osv}, pool version 23 / ZPL 4, written in Java; the kernel must be built with {@code fs=zfs}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.filesystem", defaultValue = "rofs")
  protected String filesystem;

  /**
   * Size of the ZFS pool in bytes; 0 computes it from the content with headroom (at least 64 MiB, the
   * ZFS minimum). Too small a size fails before anything is written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.filesystemSize", defaultValue = "0")
  protected long filesystemSize;

  /**
   * The OSv kernel: a {@code loader.img} file, or Maven coordinates
   * {@code groupId:artifactId:version[:type[:classifier]]} resolved from the repositories. Without a
   * kernel the disk is kernel-less (filesystem at byte 512), for direct kernel boot.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.kernel")
  protected String kernel;

  /**
   * The application command line. {@code --rootfs=<filesystem>} is put in front of it. Default: with
   * {@code runtime=java} the runtime's Java command; otherwise, when {@code mainClass} is set (or the jar's
   * manifest has a {@code Main-Class}), {@code <javaHome>/bin/java -cp <the jars in appDirectory>
   * <mainClass>}, which needs a Java runtime from the manifests (the build warns when the command is not
   * in the image).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.cmdline")
  protected String cmdline;

  /**
   * OSv loader options put before the application command line (after {@code --rootfs=}), e.g.
   * {@code --env=PORT=8080}, {@code --verbose}, {@code --ip=eth0,10.0.2.15,255.255.255.0}. Each must
   * start with {@code --}. On the command line ({@code -Dosv.loaderOptions=...}) Maven splits the value at
   * commas, so options that contain commas go into the POM.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.loaderOptions")
  protected List<String> loaderOptions;

  /**
   * The Java main class for the default command line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.mainClass")
  protected String mainClass;

  /**
   * What runs in the image: {@code none} (only what manifests and files give), {@code java} (a Java
   * runtime built with {@code jlink} from the build's JDK, at {@code javaHome}, with the project's jar in
   * {@code /app} and its runtime dependencies in {@code /app/lib}, and the command line
   * {@code <javaHome>/bin/java <jvmOptions> -cp ... <mainClass> <appArguments>}), or {@code native}
   * ({@code executables} with the closure of the shared libraries they need, except those the OSv kernel
   * provides).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.runtime", defaultValue = "none")
  protected String runtime;

  /**
   * Java modules of the runtime; empty: computed from the jars with {@code jdeps}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.javaModules")
  protected List<String> javaModules;

  /**
   * JVM options of the default Java command line, e.g. {@code -Xmx256m}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.jvmOptions")
  protected List<String> jvmOptions;

  /**
   * Arguments after the main class in the default Java command line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.appArguments")
  protected List<String> appArguments;

  /**
   * Where the Java runtime goes in the image.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.javaHome", defaultValue = "/usr/lib/jvm/java")
  protected String javaHome;

  /**
   * The JDK whose {@code jlink} and {@code jmods} build the runtime. Default: the JDK running Maven.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.jdkHome")
  protected File jdkHome;

  /**
   * Where built Java runtimes are kept, keyed by JDK, modules and options, so an unchanged runtime is
   * not linked again.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.runtimeCacheDirectory", defaultValue = "${project.build.directory}/osv/runtime-cache")
  protected File runtimeCacheDirectory;

  /**
   * Host executables for {@code runtime=native}; the first one is the default command line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.executables")
  protected List<File> executables;

  /**
   * Extra host directories to find shared libraries in (before the system's).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.librarySearchPath")
  protected List<File> librarySearchPath;

  /**
   * Set when the kernel is built with {@code conf_hide_symbols=1}: it then does not export its
   * libstdc++, so the image must carry one.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.hideSymbols", defaultValue = "false")
  protected boolean hideSymbols;

  /**
   * Disk formats to write: {@code raw} ({@code .img}) and/or {@code qcow2} ({@code .qcow2}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.formats", defaultValue = "raw")
  protected List<String> formats;

  /**
   * Record each disk's SHA-256 in the descriptor ({@code "sha256"} of each entry of {@code "disks"}).
   * The raw disk is hashed on a second thread while it is written, but hashing still costs about 0.65 s
   * of CPU per GB, so it is off unless asked for; {@code sha256sum} gives the same value.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.image.digest", defaultValue = "false")
  protected boolean digest;

  /**
   * File name of the images, without extension.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.imageName", defaultValue = "${project.build.finalName}", required = true)
  protected String imageName;

  /**
   * Minimum virtual disk size in bytes (the disk is sparse); 0 makes it just large enough.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.diskSize", defaultValue = "0")
  protected long diskSize;

  /**
   * The time every file in the image gets: an ISO-8601 date-time or seconds since the epoch. Unset:
   * {@code SOURCE_DATE_EPOCH}, else 1970-01-01T00:00:01Z.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
  protected String outputTimestamp;

  /**
   * Attaches the image(s) to the project (types {@code img} and {@code qcow2}), so they are installed
   * and deployed.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.image.attach", defaultValue = "true")
  protected boolean attach;

  /**
   * Skips this goal only.
   *
   * @since 0.1.0
   */
  @Parameter(property = "osv.image.skip", defaultValue = "false")
  protected boolean skipImage;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  protected File buildDirectory;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  protected String pluginVersion;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  private final MavenProjectHelper projectHelper;
  private final RepositorySystem repositorySystem;

  @Inject
  public ImageMojo(MavenProjectHelper projectHelper, RepositorySystem repositorySystem) {
    this.projectHelper = projectHelper;
    this.repositorySystem = repositorySystem;
  }

  @Override
  protected String goal() {
    return "osv:" + GOAL;
  }

  @Override
  protected boolean goalSkipped() {
    if (skipImage) {
      getLog().info("Skipping " + goal() + ": osv.image.skip is true");
    }
    return skipImage;
  }

  @Override
  protected void run(BuildListener listener) throws IOException {
    Resolution drivers = resolveDrivers(listener);
    Filesystem fs = element("<filesystem>", () -> Filesystem.of(filesystem));
    Set<DiskFormat> diskFormats = diskFormats();
    // an unset outputTimestamp falls back to SOURCE_DATE_EPOCH, whose errors name it themselves
    long mtime = outputTimestamp == null || outputTimestamp.strip().length() <= 1
        ? OutputTimestamp.seconds(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH"))
        : element("<outputTimestamp>", () -> OutputTimestamp.seconds(outputTimestamp, null));
    Optional<Path> kernelFile = kernel == null || kernel.isBlank()
        ? Optional.empty()
        : Optional.of(new KernelResolver(repositorySystem, session).resolve(kernel, project));

    List<ImageContent> contents = new ArrayList<>();
    List<Path> appJar = new ArrayList<>();
    List<Path> dependencyJars = new ArrayList<>();
    RuntimeRequest.Kind kind = element("<runtime>", () -> RuntimeRequest.Kind.of(runtime));
    RuntimeRequest runtimeRequest = runtimeRequest(kind);
    ApplicationRuntime.Plan plan = element("<runtime>", () -> ApplicationRuntime.plan(runtimeRequest, listener));
    if (kind == RuntimeRequest.Kind.NONE) {
      contents.add(new ImageContent.Entries(projectArtifacts(appJar, dependencyJars)));
    } else {
      contents.add(new ImageContent.Entries(plan.entries()));
      getLog().info("Runtime: " + plan.summary());
    }
    for (Path manifest : manifestFiles()) {
      contents.add(new ImageContent.Manifest(manifest, project.getBasedir().toPath(),
          manifestVariables == null ? Map.of() : manifestVariables));
    }
    for (ExtraDirectory d : extraDirectoriesOrDefault()) {
      contents.add(new ImageContent.Directory(d.path.toPath(), d.into, "<extraDirectory> " + relative(d.path.toPath())));
    }
    contents.add(new ImageContent.Entries(inlineFiles()));

    String commandLine = withLoaderOptions(cmdline != null && !cmdline.isBlank() ? cmdline.strip()
        : plan.commandLine().isPresent() ? plan.commandLine().get() : commandLine(appJar, dependencyJars));
    element(cmdline != null && !cmdline.isBlank() ? "<cmdline>" : "<mainClass>",
        () -> OsvCommandLine.withRootfs(fs.osvName(), commandLine));
    if (fs == Filesystem.ZFS) {
      element("<filesystemSize>", () -> ZfsOptions.defaults(mtime).withPoolSize(filesystemSize));
    }
    ImageRequest request = new ImageRequest(contents, fs, kernelFile, commandLine,
        ImageRequest.disksIn(buildDirectory.toPath(), imageName, diskFormats),
        buildDirectory.toPath().resolve(imageName + ".json"), imageName, outputDirectory.toPath(), mtime, diskSize,
        filesystemSize,
        "plugin " + pluginVersion + "; drivers " + drivers.arch() + " " + drivers.enabledDrivers())
        .withDigest(digest);
    ImageResult result;
    try {
      result = new ImageBuilder(listener).build(request);
    } catch (OsvException e) {
      if (kernelFile.isPresent() && e.getMessage().contains(kernelFile.get().toString())) {
        throw new PomElementException("<kernel>", e);
      }
      throw e;
    }
    summary(result, drivers, fs, kernelFile);
    if (attach) {
      for (Map.Entry<DiskFormat, Path> disk : result.disks().entrySet()) {
        projectHelper.attachArtifact(project, disk.getKey() == DiskFormat.QCOW2 ? "qcow2" : "img", null,
            disk.getValue().toFile());
      }
    }
  }

  private String withLoaderOptions(String application) {
    return element("<loaderOptions>",
        () -> OsvCommandLine.withLoaderOptions(loaderOptions == null ? List.of() : loaderOptions, application));
  }

  private RuntimeRequest runtimeRequest(RuntimeRequest.Kind kind) throws IOException {
    List<Path> deps = new ArrayList<>();
    if (kind == RuntimeRequest.Kind.JAVA) {
      for (Artifact a : project.getArtifacts()) {
        if (a.getFile() != null && a.getFile().isFile() && a.getArtifactHandler().isAddedToClasspath()) {
          deps.add(a.getFile().toPath());
        }
      }
    }
    File jar = project.getArtifact().getFile();
    return new RuntimeRequest(kind, kind == RuntimeRequest.Kind.JAVA ? mainClassOrManifest() : null,
        jar != null && jar.isFile() ? jar.toPath() : null, deps, orEmpty(javaModules), orEmpty(jvmOptions),
        orEmpty(appArguments), javaHome, jdkHome == null ? null : jdkHome.toPath(),
        runtimeCacheDirectory.toPath(), paths(executables), paths(librarySearchPath), hideSymbols);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static List<Path> paths(List<File> files) {
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  /** The configured main class, else the Main-Class of the project's jar, else null. */
  private String mainClassOrManifest() throws IOException {
    if (mainClass != null && !mainClass.isBlank()) {
      return mainClass.strip();
    }
    File jar = project.getArtifact().getFile();
    if (jar != null && jar.isFile() && jar.getName().endsWith(".jar")) {
      try (JarFile jf = new JarFile(jar)) {
        if (jf.getManifest() != null) {
          return jf.getManifest().getMainAttributes().getValue("Main-Class");
        }
      }
    }
    return null;
  }

  private Set<DiskFormat> diskFormats() {
    Set<DiskFormat> set = EnumSet.noneOf(DiskFormat.class);
    for (String f : formats == null || formats.isEmpty() ? List.of("raw") : formats) {
      switch (f.strip().toLowerCase(Locale.ROOT)) {
        case "raw", "img" -> set.add(DiskFormat.RAW);
        case "qcow2" -> set.add(DiskFormat.QCOW2);
        default -> throw new PomElementException("<formats>", "unknown disk format '" + f + "'", "use raw and/or qcow2");
      }
    }
    return set;
  }

  /** The project's jar and runtime dependencies as image entries; their host paths go to the two lists. */
  private List<ResolvedEntry> projectArtifacts(List<Path> appJar, List<Path> dependencyJars) {
    List<ResolvedEntry> entries = new ArrayList<>();
    String app = appDirectory.endsWith("/") ? appDirectory.substring(0, appDirectory.length() - 1) : appDirectory;
    File main = project.getArtifact().getFile();
    if (includeArtifact && main != null && main.isFile()) {
      String guest = app + "/" + main.getName();
      entries.add(new ResolvedEntry.HostFile(guest, main.toPath(), "project artifact " + main.getName()));
      appJar.add(main.toPath());
    }
    if (includeDependencies) {
      for (Artifact a : project.getArtifacts()) {
        if (a.getFile() != null && a.getFile().isFile() && a.getArtifactHandler().isAddedToClasspath()) {
          String guest = app + "/lib/" + a.getFile().getName();
          entries.add(new ResolvedEntry.HostFile(guest, a.getFile().toPath(), "dependency " + a.getId()));
          dependencyJars.add(a.getFile().toPath());
        }
      }
    }
    return entries;
  }

  private List<Path> manifestFiles() {
    if (manifests != null && !manifests.isEmpty()) {
      List<Path> paths = new ArrayList<>();
      for (File f : manifests) {
        if (!f.isFile()) {
          throw new PomElementException("<manifests>", "manifest " + f + " does not exist", "check the path");
        }
        paths.add(f.toPath());
      }
      return paths;
    }
    Path standard = project.getBasedir().toPath().resolve("src/main/osv/usr.manifest");
    return Files.isRegularFile(standard) ? List.of(standard) : List.of();
  }

  private List<ExtraDirectory> extraDirectoriesOrDefault() {
    if (extraDirectories != null && !extraDirectories.isEmpty()) {
      for (ExtraDirectory d : extraDirectories) {
        if (d.path == null || !d.path.isDirectory()) {
          throw new PomElementException("<extraDirectories>", "extra directory " + d.path + " does not exist",
              "give an existing <path>");
        }
      }
      return extraDirectories;
    }
    File standard = new File(project.getBasedir(), "src/main/osv/root");
    if (standard.isDirectory()) {
      ExtraDirectory d = new ExtraDirectory();
      d.path = standard;
      return List.of(d);
    }
    return List.of();
  }

  private List<ResolvedEntry> inlineFiles() {
    List<ResolvedEntry> entries = new ArrayList<>();
    if (files == null) {
      return entries;
    }
    int n = 0;
    for (ImageFile f : files) {
      n++;
      String origin = "<files> entry " + n;
      int kinds = (f.source != null ? 1 : 0) + (f.link != null ? 1 : 0) + (f.directory ? 1 : 0);
      if (f.path == null || kinds != 1) {
        throw new PomElementException("<files>", origin + " needs a <path> and exactly one of <source>, <link>, <directory>", null);
      }
      if (f.source != null) {
        if (!f.source.isFile()) {
          throw new PomElementException("<files>", origin + ": source " + f.source + " does not exist", null);
        }
        entries.add(new ResolvedEntry.HostFile(f.path, f.source.toPath(), origin));
      } else if (f.link != null) {
        entries.add(new ResolvedEntry.Link(f.path, f.link, origin));
      } else {
        entries.add(new ResolvedEntry.EmptyDirectory(f.path, origin));
      }
    }
    return entries;
  }

  private String commandLine(List<Path> appJar, List<Path> dependencyJars) throws IOException {
    String main = mainClassOrManifest();
    if (main == null || main.isBlank()) {
      getLog().warn("The image has an empty command line: OSv will print 'Nothing to run' and power off. "
          + "Set <cmdline> or <mainClass>.");
      return "";
    }
    if (appJar.isEmpty()) {
      throw new PomElementException("<mainClass>", "main class " + main + " given but the project's jar is not "
          + "in the image", "run the image goal after the jar is built (phase package), or set <cmdline>");
    }
    String app = appDirectory.endsWith("/") ? appDirectory.substring(0, appDirectory.length() - 1) : appDirectory;
    String home = javaHome.endsWith("/") ? javaHome.substring(0, javaHome.length() - 1) : javaHome;
    return element("<mainClass>", () -> JavaCommandLine.builder(main.strip(), appJar.get(0))
        .appDirectory(app).javaHome(home).dependencies(dependencyJars).build().commandLine());
  }

  private void summary(ImageResult r, Resolution drivers, Filesystem fs, Optional<Path> kernelFile) {
    Map<String, String> lines = new LinkedHashMap<>();
    if (r.disks().containsKey(DiskFormat.RAW)) {
      lines.put("image", r.disks().get(DiskFormat.RAW).toString());
    }
    if (r.disks().containsKey(DiskFormat.QCOW2)) {
      lines.put("qcow2", r.disks().get(DiskFormat.QCOW2).toString());
    }
    lines.put("files", r.files() + " entries, " + r.fileBytes() + " bytes");
    lines.put("filesystem", fs.osvName());
    lines.put("drivers", drivers.arch() + " profile " + drivers.profile() + " (" + drivers.enabledDrivers().size() + " drivers)");
    lines.put("kernel", kernelFile.map(Path::toString).orElse("none (kernel-less disk for direct kernel boot)"));
    lines.put("cmdline", r.commandLine());
    getLog().info("OSv image" + (r.upToDate() ? " (up to date)" : "") + ":");
    lines.forEach((k, v) -> getLog().info(String.format("  %-10s %s", k, v)));
  }

  private String relative(Path p) {
    Path base = project.getBasedir().toPath();
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }
}
