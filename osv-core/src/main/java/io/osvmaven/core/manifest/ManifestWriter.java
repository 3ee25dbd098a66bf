package io.osvmaven.core.manifest;

import io.osvmaven.core.OsvException;
import io.osvmaven.core.io.AtomicFiles;
import io.osvmaven.core.tree.Directory;
import io.osvmaven.core.tree.FileTree;
import io.osvmaven.core.tree.RegularFile;
import io.osvmaven.core.tree.Symlink;
import io.osvmaven.core.tree.TreeVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a composed tree back as an OSv manifest ({@code target/osv/usr.manifest}), which OSv's own
 * tools and {@link ManifestParser} read back into the same tree: a {@code [manifest]} header, then one
 * line per file ({@code guest: /absolute/host}), symlink ({@code guest: ->target}) and empty directory,
 * sorted by guest path bytes. Non-empty directories are implied by their contents. An empty directory
 * is written with the host path {@code /}, which is a directory on every host, so the line does not
 * depend on the tool's working directory. {@code %} in host specs is doubled, as OSv %-formats them.
 */
public final class ManifestWriter {

  private ManifestWriter() {}

  /** The manifest text (UTF-8, '\n' line ends). */
  public static String render(FileTree tree) {
    StringBuilder out = new StringBuilder("[manifest]\n");
    try {
      tree.walkInNameOrder(new TreeVisitor() {
        @Override
        public void preVisitDirectory(String path, Directory dir) {
          if (!path.equals("/") && dir.size() == 0) {
            line(out, path, "/");
          }
        }

        @Override
        public void visitFile(String path, RegularFile file) {
          line(out, path, file.source().toAbsolutePath().toString());
        }

        @Override
        public void visitSymlink(String path, Symlink link) {
          line(out, path, "->" + link.target());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the manifest atomically; an unchanged file is left untouched (mtime kept).
   *
   * @return true if the file was (re)written
   */
  public static boolean write(FileTree tree, Path target) throws IOException {
    return AtomicFiles.writeIfChanged(target, render(tree).getBytes(StandardCharsets.UTF_8));
  }

  private static void line(StringBuilder out, String guest, String host) {
    check(guest, guest, "guest path");
    check(guest, host, "host path");
    if ((guest.endsWith("/**") && host.endsWith("/**"))
        || (guest.contains("/&/") && host.endsWith("/&"))) {
      throw unwritable(guest, "the line would be read as a '/**' or '/&/' pattern");
    }
    out.append(guest).append(": ").append(host.indexOf('%') < 0 ? host : host.replace("%", "%%"))
        .append('\n');
  }

  private static void check(String guest, String text, String what) {
    if (!writable(text)) {
      throw unwritable(guest, "the " + what + " '" + text
          + "' contains a line break or ': ', or starts or ends with blanks");
    }
  }

  /**
   * No line break, no ": ", no blank at either end (as {@link String#strip} sees blanks). One pass over
   * the text: every line of a big tree's manifest is checked.
   */
  private static boolean writable(String text) {
    int n = text.length();
    if (n > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1)))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == ':' && i + 1 < n && text.charAt(i + 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  private static OsvException unwritable(String guest, String why) {
    return new OsvException("cannot write " + guest + " into an OSv manifest: " + why,
        "rename the file");
  }
}
