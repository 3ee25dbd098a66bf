package io.osvmaven.core.disk;

import io.osvmaven.core.OsvException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OSv kernel command line (osv-formats.md §5.7): leading loader options ({@code --rootfs=rofs},
 * {@code --verbose}, ...) followed by the application commands. Validated on creation: at most
 * {@value #MAX_BYTES} UTF-8 bytes, so that with its NUL it stays within the kernel's 1024-byte
 * {@code max_cmdline}; no NUL (it would end the string early) and no control characters other than
 * tab and newline (which OSv treats as spaces; a stray carriage return would end up inside an
 * argument).
 */
public final class OsvCommandLine {

  /** The kernel keeps at most 1024 bytes including the terminating NUL. */
  public static final int MAX_BYTES = 1023;

  /** scripts/build re-splits the command line on the shell's default IFS. */
  private static final Pattern SHELL_WORD_SEPARATORS = Pattern.compile("[ \t\n]+");

  private final String text;
  private final byte[] utf8;

  private OsvCommandLine(String text, byte[] utf8) {
    this.text = text;
    this.utf8 = utf8;
  }

  /**
   * The command line exactly as given.
   *
   * @throws OsvException if it is too long or holds forbidden characters
   */
  public static OsvCommandLine of(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new OsvException("the OSv command line has a NUL character at position " + i
            + "; the kernel would ignore everything after it", "remove the NUL character");
      }
      if (Character.isISOControl(c) && c != '\t' && c != '\n') {
        throw new OsvException(String.format("the OSv command line has the control character "
            + "U+%04X at position %d", (int) c, i), "remove it (a carriage return usually comes "
            + "from a file saved with Windows line endings)");
      }
      if (Character.isSurrogate(c) && !validSurrogatePair(text, i)) {
        throw new OsvException("the OSv command line has an unpaired UTF-16 surrogate at position "
            + i + "; it cannot be encoded as UTF-8");
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > MAX_BYTES) {
      throw new OsvException("the OSv command line is " + utf8.length + " bytes of UTF-8; the "
          + "kernel accepts at most " + MAX_BYTES + " (1024 with the terminating NUL)",
          "shorten it, for example by moving settings into files of the image or into /init");
    }
    return new OsvCommandLine(text, utf8);
  }

  private static boolean validSurrogatePair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /**
   * {@code application} with OSv loader options in front (e.g. {@code --env=PORT=8080}, {@code --verbose}):
   * each must start with {@code --} and contain no blanks, since OSv splits loader options on blanks.
   */
  public static String withLoaderOptions(List<String> options, String application) {
    for (String option : options) {
      if (!option.startsWith("--") || option.chars().anyMatch(Character::isWhitespace)) {
        throw new OsvException("loader option '" + option + "' must start with -- and contain no blanks",
            "e.g. --env=PORT=8080");
      }
    }
    return (String.join(" ", options) + " " + application).strip();
  }

  /**
   * The command line OSv's scripts/build stores in the image (§1.1 step 18): {@code --rootfs=<fs>}
   * followed by the modules' command line, split into words on spaces, tabs and newlines and
   * re-joined with single spaces (its unquoted {@code $(cat cmdline)}; shell glob expansion is not
   * reproduced).
   *
   * @param fsType one of zfs, rofs, ext, ramfs, virtiofs, rofs_with_zfs, rofs_with_ext
   * @param applicationCommandLine the command line of the image's modules (may be empty)
   * @throws OsvException for an unknown filesystem type, a command line that already selects a root
   *     filesystem, or the checks of {@link #of(String)}
   */
  public static OsvCommandLine withRootfs(String fsType, String applicationCommandLine) {
    if (!RootfsTypes.ALL.contains(fsType)) {
      throw new OsvException("unknown root filesystem type '" + fsType + "'",
          "use one of " + String.join(", ", RootfsTypes.ALL));
    }
    String joined = SHELL_WORD_SEPARATORS.splitAsStream("--rootfs=" + fsType + " "
        + applicationCommandLine).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    OsvCommandLine cmdline = of(joined);
    if (cmdline.loaderOptions().stream().filter(o -> o.startsWith("--rootfs=")).count() > 1) {
      throw new OsvException("the command line '" + applicationCommandLine + "' already selects a "
          + "root filesystem with --rootfs=; the image's filesystem adds --rootfs=" + fsType,
          "remove --rootfs= from the command line");
    }
    return cmdline;
  }

  /** The text of the command line. */
  public String text() {
    return text;
  }

  /** Its UTF-8 bytes, without the NUL terminator. */
  public byte[] utf8() {
    return utf8.clone();
  }

  /** Its length in UTF-8 bytes, without the NUL terminator. */
  public int byteLength() {
    return utf8.length;
  }

  /**
   * The leading words that start with {@code -}: the options the OSv loader consumes. Words are
   * separated by unescaped spaces, tabs or newlines; a backslash escapes the next character.
   */
  public List<String> loaderOptions() {
    List<String> options = new ArrayList<>();
    for (String word : words()) {
      if (!word.startsWith("-")) {
        break;
      }
      options.add(word);
    }
    return options;
  }

  /** The value of the {@code --rootfs=} loader option, if there is one. */
  public Optional<String> rootfs() {
    return loaderOptions().stream().filter(o -> o.startsWith("--rootfs="))
        .map(o -> o.substring("--rootfs=".length())).findFirst();
  }

  /** Whether anything follows the loader options (OSv powers off with nothing to run otherwise). */
  public boolean hasApplication() {
    return words().size() > loaderOptions().size();
  }

  private List<String> words() {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OsvCommandLine other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
