package io.osvmaven.core.zfs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A name-value list as ZFS packs it with {@code NV_ENCODE_XDR}: labels and the MOS config object hold
 * one. Besides the XDR stream every pair records its decoded (native) size, which readers validate.
 */
final class NvList {

  private static final int TYPE_UINT64 = 8;
  private static final int TYPE_STRING = 9;
  private static final int TYPE_NVLIST = 19;
  private static final int TYPE_NVLIST_ARRAY = 20;
  private static final int NVPAIR_HEADER = 16;
  private static final int NVLIST_NATIVE = 24;

  private record Pair(String name, int type, Object value) {}

  private final List<Pair> pairs = new ArrayList<>();

  NvList add(String name, long value) {
    pairs.add(new Pair(name, TYPE_UINT64, value));
    return this;
  }

  NvList add(String name, String value) {
    pairs.add(new Pair(name, TYPE_STRING, value));
    return this;
  }

  NvList add(String name, NvList value) {
    pairs.add(new Pair(name, TYPE_NVLIST, value));
    return this;
  }

  NvList add(String name, List<NvList> value) {
    pairs.add(new Pair(name, TYPE_NVLIST_ARRAY, List.copyOf(value)));
    return this;
  }

  /** The packed form: 4-byte header (XDR, little-endian host) then the XDR-encoded list. */
  byte[] pack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(1);
    out.write(0);
    out.write(0);
    encode(out);
    return out.toByteArray();
  }

  private void encode(ByteArrayOutputStream out) {
    putInt(out, 0); // NV_VERSION
    putInt(out, 1); // NV_UNIQUE_NAME
    for (Pair p : pairs) {
      putInt(out, encodedSize(p));
      putInt(out, decodedSize(p));
      putString(out, p.name);
      putInt(out, p.type);
      putInt(out, p.type == TYPE_NVLIST_ARRAY ? ((List<?>) p.value).size() : 1);
      switch (p.type) {
        case TYPE_UINT64 -> putLong(out, (Long) p.value);
        case TYPE_STRING -> putString(out, (String) p.value);
        case TYPE_NVLIST -> ((NvList) p.value).encode(out);
        default -> {
          for (Object o : (List<?>) p.value) {
            ((NvList) o).encode(out);
          }
        }
      }
    }
    putInt(out, 0);
    putInt(out, 0);
  }

  private int embeddedSize() {
    int size = 8 + 8;
    for (Pair p : pairs) {
      size += encodedSize(p);
    }
    return size;
  }

  private static int encodedSize(Pair p) {
    int size = 4 + 4 + 4 + align4(utf8(p.name).length) + 4 + 4;
    return size + switch (p.type) {
      case TYPE_UINT64 -> 8;
      case TYPE_STRING -> 4 + align4(utf8((String) p.value).length);
      case TYPE_NVLIST -> ((NvList) p.value).embeddedSize();
      default -> ((List<?>) p.value).stream().mapToInt(o -> ((NvList) o).embeddedSize()).sum();
    };
  }

  private static int decodedSize(Pair p) {
    int data = switch (p.type) {
      case TYPE_UINT64 -> 8;
      case TYPE_STRING -> utf8((String) p.value).length + 1;
      case TYPE_NVLIST -> NVLIST_NATIVE;
      default -> ((List<?>) p.value).size() * (8 + NVLIST_NATIVE);
    };
    return align8(NVPAIR_HEADER + utf8(p.name).length + 1) + align8(data);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int align4(int n) {
    return (n + 3) & ~3;
  }

  private static int align8(int n) {
    return (n + 7) & ~7;
  }

  private static void putInt(ByteArrayOutputStream out, int v) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
  }

  private static void putLong(ByteArrayOutputStream out, long v) {
    out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
  }

  private static void putString(ByteArrayOutputStream out, String s) {
    byte[] b = utf8(s);
    putInt(out, b.length);
    out.writeBytes(b);
    out.write(new byte[align4(b.length) - b.length], 0, align4(b.length) - b.length);
  }
}
