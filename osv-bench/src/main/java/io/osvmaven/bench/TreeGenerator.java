package io.osvmaven.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Generates the input trees of the ROFS build benchmark, deterministically (fixed seeds), each as
 * {@code <dir>/<name>/tree/...} plus {@code <dir>/<name>/usr.manifest} holding the single line
 * {@code /**: tree/**} (host paths resolve against the manifest's directory):
 *
 * <ul>
 *   <li>{@code big}: 5,000 files, about 1 GB: 85 files of 8 MiB, the rest 0.2–120 KB, 50 directories;
 *   <li>{@code small}: 30,000 files of 0.3–6 KB in 3,000 directories (two levels);
 *   <li>{@code single}: one file of 512 MiB (for the heap check: memory must not grow with file size).
 * </ul>
 *
 * <p>Content is pseudo-random, not zeros (so no layer can skip or compress it), and cheap: every file is
 * a window of one 4 MiB random pool, starting at a per-file offset. A tree already generated with the
 * same parameters (recorded in {@code <dir>/<name>/generated}) is left as it is.
 *
 * <p>Usage: {@code java -cp osv-bench.jar io.osvmaven.bench.TreeGenerator <dir> [big] [small] [single]}
 * (no names: all three).
 */
public final class TreeGenerator {

  private static final int POOL_BYTES = 4 << 20;
  private static final String MANIFEST = "/**: tree/**\n";

  /** What to generate; the record's text is the stamp that says a tree is complete and current. */
  record Spec(String name, long seed, int files, int directories, int largeFiles, int largeBytes,
      int minBytes, int maxBytes) {

    static Spec named(String name) {
      return switch (name) {
        case "big" -> new Spec("big", 1, 5_000, 50, 85, 8 << 20, 200, 120_000);
        case "small" -> new Spec("small", 2, 30_000, 3_000, 0, 0, 300, 6_000);
        case "single" -> new Spec("single", 3, 1, 1, 1, 512 << 20, 0, 0);
        default -> throw new IllegalArgumentException("unknown tree '" + name
            + "' (known: big, small, single)");
      };
    }
  }

  private final byte[] pool = new byte[POOL_BYTES + (1 << 20)];

  private TreeGenerator() {
    new Random(20261125L).nextBytes(pool);
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: TreeGenerator <dir> [big] [small] [single]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
        : List.of("big", "small", "single");
    TreeGenerator generator = new TreeGenerator();
    for (String name : names) {
      generator.generate(Spec.named(name), dir.resolve(name));
    }
  }

  /** Generates one tree into {@code root} unless its stamp says it is already there. */
  void generate(Spec spec, Path root) throws IOException {
    Path stamp = root.resolve("generated");
    if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(spec.toString())) {
      System.out.println(spec.name() + ": already generated in " + root);
      return;
    }
    deleteRecursively(root);
    Path tree = root.resolve("tree");
    Files.createDirectories(tree);
    SplittableRandom random = new SplittableRandom(spec.seed());
    List<Path> dirs = directories(spec, tree);
    long total = 0;
    for (int i = 0; i < spec.files(); i++) {
      int size = i < spec.largeFiles() ? spec.largeBytes()
          : spec.minBytes() + random.nextInt(spec.maxBytes() - spec.minBytes() + 1);
      // Spread the large files over the tree rather than putting them first in walk order.
      Path dirOfFile = dirs.get(spec.largeFiles() == spec.files() ? 0 : random.nextInt(dirs.size()));
      Path file = dirOfFile.resolve(String.format("f%05d.bin", i));
      write(file, size, random.nextInt(POOL_BYTES));
      total += size;
    }
    Files.writeString(root.resolve("usr.manifest"), MANIFEST, StandardCharsets.UTF_8);
    Files.writeString(stamp, spec.toString(), StandardCharsets.UTF_8);
    System.out.printf("%s: %d files, %d bytes in %d directories, in %s%n", spec.name(), spec.files(),
        total, dirs.size(), root);
  }

  /** The directories files go into: {@code dNN} (big) or {@code dNN/eNNN} (small), all created. */
  private static List<Path> directories(Spec spec, Path tree) throws IOException {
    List<Path> dirs = new ArrayList<>();
    int top = spec.directories() >= 1_000 ? spec.directories() / 100 : spec.directories();
    int perTop = spec.directories() / top;
    for (int t = 0; t < top; t++) {
      Path d = tree.resolve(String.format("d%03d", t));
      if (perTop == 1) {
        dirs.add(d);
      } else {
        for (int s = 0; s < perTop; s++) {
          dirs.add(d.resolve(String.format("e%03d", s)));
        }
      }
    }
    for (Path d : dirs) {
      Files.createDirectories(d);
    }
    return dirs;
  }

  /** Writes {@code size} bytes of the pool, wrapping around, starting at {@code offset}. */
  private void write(Path file, long size, int offset) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      int at = offset;
      while (left > 0) {
        int n = (int) Math.min(left, 1 << 20);
        out.write(pool, at, n);
        left -= n;
        at = (at + n) % POOL_BYTES;
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
