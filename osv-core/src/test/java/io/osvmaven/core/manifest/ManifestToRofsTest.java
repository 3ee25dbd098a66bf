package io.osvmaven.core.manifest;

import static io.osvmaven.core.manifest.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.osvmaven.core.BuildListener;
import io.osvmaven.core.rofs.RofsEntry;
import io.osvmaven.core.rofs.RofsReader;
import io.osvmaven.core.rofs.RofsWriter;
import io.osvmaven.core.rofs.WorkedExample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest of spec §3.7 end to end: parse, resolve, compose, write ROFS. */
class ManifestToRofsTest {

  @TempDir
  Path base;

  private TreeComposer composeWorkedExample() throws IOException {
    file(base, "host/a.txt", "hello\n");
    Files.write(Fixtures.dir(base, "host/sub").resolve("b.bin"), WorkedExample.binContent());
    file(base, "host/empty", "");
    Path manifest = file(base, "usr.manifest", String.join("\n",
        "[manifest]",
        "/etc/hosts: host/a.txt",
        "/data/b.bin: host/sub/b.bin",
        "/data/empty: host/empty",
        "/etc/mnttab: ->/proc/mounts",
        "/dev: host",
        "/x/&/sub/b.bin: host/&",
        ""));
    List<ManifestLine> lines = new ManifestParser().parse(manifest);
    return new TreeComposer(BuildListener.NONE, 0).add(new ManifestResolver(base).resolve(lines));
  }

  @Test
  void manifestOrderGivesTheImageOfOsvGenRofsImg() throws IOException {
    ByteArrayOutputStream image = new ByteArrayOutputStream();

    new RofsWriter().write(composeWorkedExample().composeInManifestOrder(), image);

    assertThat(image.toByteArray()).isEqualTo(WorkedExample.expectedImage());
  }

  @Test
  void sortedCompositionReadsBackInNameOrder() throws IOException {
    Path image = base.resolve("rofs.img");
    new RofsWriter().write(composeWorkedExample().compose(), image);

    try (RofsReader reader = RofsReader.open(image)) {
      assertThat(reader.list()).extracting(RofsEntry::path).containsExactly("/", "/data",
          "/data/b.bin", "/data/empty", "/dev", "/etc", "/etc/hosts", "/etc/mnttab", "/x", "/x/sub",
          "/x/sub/b.bin");
      try (InputStream in = reader.openFile("/x/sub/b.bin")) {
        assertThat(in.readAllBytes()).isEqualTo(WorkedExample.binContent());
      }
      assertThat(reader.verify()).isEmpty();
    }
  }
}
