package io.osvmaven.core.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dynamic section as binutils' {@code readelf -d} prints it: the independent oracle for tests. */
final class Readelf {

  private static final Pattern ENTRY =
      Pattern.compile("\\((NEEDED|SONAME|RPATH|RUNPATH)\\)\\s+[^\\[]*\\[(.*)\\]\\s*$");

  record Dynamic(List<String> needed, String soname, String rpath, String runpath) {}

  private Readelf() {}

  static Dynamic dynamic(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("readelf", "-d", "-W", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("readelf failed on " + file + ": " + out);
    }
    List<String> needed = new ArrayList<>();
    String soname = null;
    String rpath = null;
    String runpath = null;
    for (String line : out.split("\n")) {
      Matcher m = ENTRY.matcher(line);
      if (m.find()) {
        switch (m.group(1)) {
          case "NEEDED" -> needed.add(m.group(2));
          case "SONAME" -> soname = m.group(2);
          case "RPATH" -> rpath = m.group(2);
          default -> runpath = m.group(2);
        }
      }
    }
    return new Dynamic(needed, soname, rpath, runpath);
  }
}
