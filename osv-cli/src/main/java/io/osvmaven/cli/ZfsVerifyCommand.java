package io.osvmaven.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.osvmaven.core.BuildListener;
import io.osvmaven.core.image.ImageBuilder;
import io.osvmaven.core.image.ImageContent;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.zfs.ZfsOptions;
import io.osvmaven.core.zfs.ZfsVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@Parameters(commandDescription = "Check a ZFS pool image or the ZFS partition of a disk with zdb and grub-fstest: IMAGE")
final class ZfsVerifyCommand implements Command {

  @Parameter(description = "IMAGE", required = true)
  List<Path> images = new ArrayList<>();

  @Parameter(names = "--pool", description = "pool name")
  String pool = ZfsOptions.DEFAULT_POOL;

  @Parameter(names = "--manifest", description = "compare every file's content with this manifest's files (repeatable)")
  List<Path> manifests = new ArrayList<>();

  @Parameter(names = {"-D", "--define"}, description = "a manifest variable NAME=VALUE (repeatable)")
  List<String> defines = new ArrayList<>();

  @Parameter(names = "--base-dir", description = "directory relative host paths of the manifests resolve against")
  Path baseDir;

  @Override
  public int run(Console console) throws IOException {
    if (images.size() != 1) {
      throw new UsageException("zfs verify takes one IMAGE");
    }
    Path image = images.get(0);
    Path work = Files.createTempDirectory("osv-zfs-verify");
    try {
      FileTree expected = manifests.isEmpty() ? null : expectedTree();
      boolean failed = false;
      for (ZfsVerifier.Check c : ZfsVerifier.verifyImageOrDisk(image, pool, expected, work)) {
        console.out.println(c.tool() + ": " + c.status().name().toLowerCase(java.util.Locale.ROOT) + " - " + c.detail());
        failed |= c.status() == ZfsVerifier.Status.FAILED;
      }
      return failed ? Main.BUILD_ERROR : 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private FileTree expectedTree() throws IOException {
    Path base = baseDir != null ? baseDir.toAbsolutePath() : Path.of("").toAbsolutePath();
    List<ImageContent> contents = new ArrayList<>();
    for (Path m : manifests) {
      contents.add(new ImageContent.Manifest(m, base, ImageBuildCommand.variables(defines)));
    }
    return new ImageBuilder(BuildListener.NONE).compose(contents, 1);
  }
}
