package io.osvmaven.core.zfs;

import java.nio.charset.StandardCharsets;

/**
 * One ZAP attribute: a name and an array of integers. Directory entries and most DSL maps hold a
 * single 8-byte integer; strings are arrays of 1-byte integers including the NUL.
 */
record ZapEntry(byte[] name, int intLength, long[] values) {

  static ZapEntry of(String name, long value) {
    return new ZapEntry(name.getBytes(StandardCharsets.UTF_8), 8, new long[] {value});
  }

  static ZapEntry of(byte[] name, long value) {
    return new ZapEntry(name, 8, new long[] {value});
  }

  static ZapEntry ofString(String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    long[] values = new long[bytes.length + 1];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] & 0xff;
    }
    return new ZapEntry(name.getBytes(StandardCharsets.UTF_8), 1, values);
  }

  /** Whether a microzap can hold it: one uint64 value and a name shorter than 50 bytes with its NUL. */
  boolean fitsMicro() {
    return intLength == 8 && values.length == 1 && name.length < MicroZap.NAME_LEN;
  }

  /** The value as stored in fat-ZAP leaves: each integer big-endian. */
  byte[] valueBytes() {
    byte[] out = new byte[intLength * values.length];
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < intLength; j++) {
        out[i * intLength + j] = (byte) (values[i] >>> (8 * (intLength - 1 - j)));
      }
    }
    return out;
  }
}
