package io.osvmaven.bench;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.build.OutputTimestamp;
import io.osvmaven.core.disk.DiskFormat;
import io.osvmaven.core.image.Filesystem;
import io.osvmaven.core.image.ImageBuilder;
import io.osvmaven.core.image.ImageContent;
import io.osvmaven.core.image.ImageRequest;
import io.osvmaven.core.image.ImageResult;
import io.osvmaven.core.manifest.ManifestParser;
import io.osvmaven.core.manifest.ManifestResolver;
import io.osvmaven.core.manifest.TreeComposer;
import io.osvmaven.core.rofs.RofsResult;
import io.osvmaven.core.rofs.RofsWriter;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.zfs.ZfsOptions;
import io.osvmaven.core.zfs.ZfsPoolWriter;
import io.osvmaven.core.zfs.ZfsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ROFS build of a generated tree (see {@link TreeGenerator}) in a warm JVM. The goal: at most
 * 1.3 times the time of reading every file once and writing one file sequentially
 * ({@code find tree -type f | sort | xargs cat > out}) on the same disk; osv-bench/run-rofs-bench.sh
 * measures both and prints the ratio.
 *
 * <p>Outputs go to {@code out/} next to the manifest (the same disk as the tree) and are deleted before
 * every iteration, so each run writes a new file as the baseline does. One iteration is one build, so the
 * mode is single-shot: the big tree takes seconds per build.
 *
 * <pre>java -jar osv-bench/target/osv-bench.jar RofsBuild -p manifest=WORK/big/usr.manifest</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(1)
public class RofsBuildBenchmark {

  /** A manifest written by {@link TreeGenerator}; its host paths resolve against its directory. */
  @Param("")
  String manifest;

  private Path manifestFile;
  private Path baseDir;
  private Path out;

  @Setup(Level.Trial)
  public void locate() throws IOException {
    if (manifest.isEmpty()) {
      throw new IllegalArgumentException("give the tree's manifest: -p manifest=DIR/usr.manifest "
          + "(generate it with io.osvmaven.bench.TreeGenerator)");
    }
    manifestFile = Path.of(manifest).toAbsolutePath();
    baseDir = manifestFile.getParent();
    out = baseDir.resolve("out");
  }

  @Setup(Level.Iteration)
  public void clean() throws IOException, InterruptedException {
    deleteRecursively(out);
    Files.createDirectories(out);
    // the previous gigabyte's dirty pages are written back now, not while the next build is timed
    new ProcessBuilder("sync").inheritIO().start().waitFor();
  }

  /** What the issue measures: parse and resolve the manifest, compose the tree, write the ROFS image. */
  @Benchmark
  public RofsResult rofs() throws IOException {
    TreeComposer composer = new TreeComposer(BuildListener.NONE, OutputTimestamp.DEFAULT_SECONDS);
    composer.add(new ManifestResolver(baseDir).resolve(new ManifestParser().parse(manifestFile)));
    FileTree tree = composer.compose();
    return new RofsWriter().write(tree, out.resolve("jmh.rofs"));
  }

  /** The same tree written as a ZFS pool (issue 5: at most twice the ROFS time). */
  @Benchmark
  public ZfsResult zfs() throws IOException {
    TreeComposer composer = new TreeComposer(BuildListener.NONE, OutputTimestamp.DEFAULT_SECONDS);
    composer.add(new ManifestResolver(baseDir).resolve(new ManifestParser().parse(manifestFile)));
    FileTree tree = composer.compose();
    return ZfsPoolWriter.write(tree, ZfsOptions.defaults(OutputTimestamp.DEFAULT_SECONDS), out.resolve("jmh.zfs"),
        BuildListener.NONE);
  }

  /**
   * Everything {@code osv image build} does without the JVM start: the tree, its fingerprint and
   * manifest, the ROFS written into the kernel-less raw disk, the descriptor (no digest, the default).
   */
  @Benchmark
  public ImageResult image() throws IOException {
    ImageRequest request = new ImageRequest(
        List.of(new ImageContent.Manifest(manifestFile, baseDir, Map.of())), Filesystem.of("rofs"),
        Optional.empty(), "", Map.of(DiskFormat.RAW, out.resolve("jmh.img")), out.resolve("jmh.json"),
        "jmh", out.resolve("jmh.osv"), OutputTimestamp.DEFAULT_SECONDS, 0, "osv-bench");
    return new ImageBuilder(BuildListener.NONE).build(request);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
