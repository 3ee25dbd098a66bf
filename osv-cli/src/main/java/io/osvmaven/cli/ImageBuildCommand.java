package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.build.OutputTimestamp;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.disk.OsvCommandLine;
import io.osvmaven.core.image.Filesystem;
import io.osvmaven.core.image.ImageBuilder;
import io.osvmaven.core.image.ImageContent;
import io.osvmaven.core.image.ImageRequest;
import io.osvmaven.core.image.ImageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Parameters(commandDescription = "Build an OSv disk image from manifests (host paths resolve against the working directory)")
final class ImageBuildCommand implements Command {

  @Parameter(names = "--fs", description = "root filesystem: rofs or zfs")
  String fs = "rofs";

  @Parameter(names = "--manifest", description = "an OSv manifest (repeatable; later ones override earlier ones)", required = true)
  List<Path> manifests = new ArrayList<>();

  @Parameter(names = {"-D", "--define"}, description = "a manifest variable NAME=VALUE for ${NAME} and %(NAME)s (repeatable)")
  List<String> defines = new ArrayList<>();

  @Parameter(names = "--kernel", description = "OSv loader.img; without it the disk is kernel-less (direct kernel boot)")
  Path kernel;

  @Parameter(names = "--cmdline", description = "the application command line (--rootfs=<fs> is put in front)")
  String cmdline = "";

  @Parameter(names = "--loader-option", description = "an OSv loader option before the command line, e.g. --env=PORT=8080 (repeatable)")
  List<String> loaderOptions = new ArrayList<>();

  @Parameter(names = "--format", description = "raw or qcow2")
  String format = "raw";

  @Parameter(names = "--output", description = "the disk image to write", required = true)
  Path output;

  @Parameter(names = "--timestamp", description = "time of every file: ISO-8601 or epoch seconds (default: SOURCE_DATE_EPOCH, else 1970-01-01T00:00:01Z)")
  String timestamp;

  @Parameter(names = "--fs-size", description = "ZFS pool size in bytes (default: computed with headroom)")
  long fsSize;

  @Parameter(names = "--disk-size", description = "minimum virtual disk size in bytes")
  long diskSize;

  @Parameter(names = "--base-dir", description = "directory relative host paths resolve against (default: the working directory, as in OSv)")
  Path baseDir;

  @Parameter(names = "--digest", description = "record the disk's SHA-256 in the descriptor (about 0.65 s of CPU per GB, on a second thread)")
  boolean digest;

  @Parameter(names = "--work-dir", description = "intermediate files (default: <output>.osv next to the output)")
  Path workDir;

  /** {@code NAME=VALUE} definitions as a map, in order. */
  static Map<String, String> variables(List<String> defines) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String d : defines) {
      int eq = d.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--define takes NAME=VALUE, got '" + d + "'");
      }
      variables.put(d.substring(0, eq), d.substring(eq + 1));
    }
    return variables;
  }

  @Override
  public int run(Console console) throws IOException {
    DiskFormat diskFormat = switch (format.toLowerCase(Locale.ROOT)) {
      case "raw" -> DiskFormat.RAW;
      case "qcow2" -> DiskFormat.QCOW2;
      default -> throw new UsageException("--format must be raw or qcow2, got '" + format + "'");
    };
    Path cwd = baseDir != null ? baseDir.toAbsolutePath() : Path.of("").toAbsolutePath();
    Path out = output.toAbsolutePath();
    String name = out.getFileName().toString().replaceFirst("\\.(img|raw|qcow2)$", "");
    Path work = workDir != null ? workDir : out.resolveSibling(name + ".osv");
    Map<String, String> variables = variables(defines);
    List<ImageContent> contents = new ArrayList<>();
    for (Path m : manifests) {
      contents.add(new ImageContent.Manifest(m, cwd, variables));
    }
    String commandLine = OsvCommandLine.withLoaderOptions(loaderOptions, cmdline);
    ImageRequest request = new ImageRequest(contents, Filesystem.of(fs), Optional.ofNullable(kernel), commandLine,
        Map.of(diskFormat, out), out.resolveSibling(name + ".json"), name, work,
        OutputTimestamp.seconds(timestamp, System.getenv("SOURCE_DATE_EPOCH")), diskSize, fsSize, "osv-cli")
        .withDigest(digest);
    ImageResult r = new ImageBuilder(console).build(request);
    console.out.println((r.upToDate() ? "up to date: " : "wrote: ") + out);
    console.out.println("  files: " + r.files() + " entries, " + r.fileBytes() + " bytes");
    console.out.println("  cmdline: " + r.commandLine());
    console.out.println("  descriptor: " + r.descriptor());
    return 0;
  }
}
