package io.osvmaven.core.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On-disk encodings checked against values worked out by hand from the formats (zfs-image.md §4-5). */
class ZfsFormatTest {

  @Test
  void fletcher4SumsLittleEndianWords() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(2).flip();
    // word 1: a=1 b=1 c=1 d=1; word 2: a=3 b=4 c=5 d=6
    assertThat(Fletcher4.of(b)).containsExactly(3, 4, 5, 6);
  }

  @Test
  void nvlistUint64PairHasXdrAndNativeSizes() {
    byte[] packed = new NvList().add("version", 23).pack();
    assertThat(HexFormat.of().formatHex(packed)).isEqualTo(
        "01010000" // XDR encoding, little-endian host
            + "00000000" + "00000001" // nvl_version, NV_UNIQUE_NAME
            + "00000024" // encoded size 36: sizes 8, name 4+8, type 4, nelem 4, value 8
            + "00000020" // decoded size 32: align8(16 + 8) + 8
            + "00000007" + "76657273696f6e00" // "version"
            + "00000008" + "00000001" + "0000000000000017"
            + "00000000" + "00000000");
  }

  @Test
  void nvlistStringAndNestedListSizes() {
    byte[] packed = new NvList().add("name", "osv").add("t", new NvList()).pack();
    ByteBuffer b = ByteBuffer.wrap(packed);
    // "name": encoded 4+4+(4+4)+4+4+(4+4) = 32, decoded align8(16+5) + align8(4) = 32
    assertThat(b.getInt(12)).isEqualTo(32);
    assertThat(b.getInt(16)).isEqualTo(32);
    // "t": encoded 4+4+(4+4)+4+4 + embedded (8 header + 8 end) = 40, decoded align8(18) + 24 = 48
    assertThat(b.getInt(12 + 32)).isEqualTo(40);
    assertThat(b.getInt(16 + 32)).isEqualTo(48);
    assertThat(packed).hasSize(4 + 8 + 32 + 40 + 8);
  }

  @Test
  void vdevGeometryMatchesZfsFuseReferencePools() {
    // spec §5.1: 64 MiB → asize 62390272, 119 metaslabs of 2^19; 256 MiB → 263716864, 125 of 2^21
    VdevLayout small = VdevLayout.forDevice(64L << 20);
    assertThat(small.asize()).isEqualTo(62_390_272L);
    assertThat(small.metaslabShift()).isEqualTo(19);
    assertThat(small.metaslabCount()).isEqualTo(119);
    assertThat(small.labelOffset(2)).isEqualTo((64L << 20) - (512 << 10));
    assertThat(small.labelOffset(3)).isEqualTo((64L << 20) - (256 << 10));
    VdevLayout big = VdevLayout.forDevice(256L << 20);
    assertThat(big.asize()).isEqualTo(263_716_864L);
    assertThat(big.metaslabShift()).isEqualTo(21);
    assertThat(big.metaslabCount()).isEqualTo(125);
  }

  @Test
  void directoryZnodeMatchesZfsFuseReference() {
    byte[] z = Znode.build(040755, 7, 3, 7, 0, 0, 100, 200, new byte[0]);
    ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(z).hasSize(264);
    assertThat(b.getLong(72)).isEqualTo(040755);
    assertThat(b.getLong(80)).isEqualTo(7);
    assertThat(b.getLong(88)).isEqualTo(3);
    assertThat(b.getLong(120)).isEqualTo(0x0000040800000144L); // spec §5.4
    assertThat(b.getInt(184)).isEqualTo(48);
    assertThat(b.getShort(188)).isEqualTo((short) 1);
    assertThat(b.getShort(190)).isEqualTo((short) 6);
    int[][] aces = {{1, 0x1000, 0}, {0, 0x1000, 0x000c0137}, {1, 0x2040, 6}, {0, 0x2040, 0x21},
        {1, 0x4000, 0x000c0116}, {0, 0x4000, 0x001200a9}};
    for (int i = 0; i < 6; i++) {
      int at = 192 + 8 * i;
      assertThat(new int[] {b.getShort(at), b.getShort(at + 2) & 0xffff, b.getInt(at + 4)})
          .as("ACE %d", i + 1).containsExactly(aces[i]);
    }
  }

  @Test
  void fileWithoutExecuteHasExecsDeniedAndInlineTail() {
    byte[] z = Znode.build(0120777 & ~0111 | 0100000, 3, 3, 1, 0, 0, 1, 1, new byte[] {'a', 'b', 'c'});
    ByteBuffer b = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(z).hasSize(267);
    assertThat(b.getLong(120) & 0x100).isZero();
    assertThat(new String(z, 264, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("abc");
  }

  @Test
  void blockPointerEncodesSizesTypeAndLevel() {
    BlockPointer bp = new BlockPointer(0x1ad8a00L, 512, 20, 0, 212, 1, new long[] {1, 2, 3, 4});
    ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
    bp.writeTo(b, 0);
    assertThat(b.getLong(0)).isEqualTo(1); // asize 1 sector
    assertThat(b.getLong(8)).isEqualTo(0xd6c5); // offset in sectors (spec §5.4)
    assertThat(b.getLong(48)).isEqualTo(0x8014070200000000L); // spec §5.4 blk_prop
    assertThat(b.getLong(80)).isEqualTo(212);
    assertThat(b.getLong(88)).isEqualTo(1);
    assertThat(b.getLong(96)).isEqualTo(1);
  }

  @Test
  void levelsFollowDnodeNewBlkid() {
    assertThat(BlockTree.levelsFor(1, 1)).isEqualTo(1);
    assertThat(BlockTree.levelsFor(2, 1)).isEqualTo(2);
    assertThat(BlockTree.levelsFor(128, 1)).isEqualTo(2);
    assertThat(BlockTree.levelsFor(129, 1)).isEqualTo(3);
    assertThat(BlockTree.levelsFor(16_384, 1)).isEqualTo(3);
    assertThat(BlockTree.levelsFor(16_385, 1)).isEqualTo(4);
    assertThat(BlockTree.levelsFor(3, 3)).isEqualTo(1);
    assertThat(BlockTree.levelsFor(4, 3)).isEqualTo(2);
    // a dataset's meta-dnode addresses 2^48 objects: 7 levels, as zfs-fuse writes (spec §5.3)
    assertThat(ObjectSetWriter.levels(1, true)).isEqualTo(7);
  }

  @Test
  void allocatorNeverCrossesA128KBoundary() {
    Allocator a = new Allocator();
    assertThat(a.allocate(100 << 10)).isZero();
    assertThat(a.allocate(64 << 10)).isEqualTo(128 << 10);
    assertThat(a.allocate(64 << 10)).isEqualTo(192 << 10);
    assertThat(a.allocate(512)).isEqualTo(256 << 10);
    assertThat(a.allocated()).isEqualTo((228 << 10) + 512);
    assertThat(a.extentsIn(0, 1 << 20)).containsExactly(new long[] {0, 100 << 10},
        new long[] {128 << 10, (256 << 10) + 512});
    assertThat(a.extentsIn(150 << 10, 200 << 10)).containsExactly(new long[] {150 << 10, 200 << 10});
  }

  @Test
  void microzapHoldsEntriesIn64ByteSlots() {
    ByteBuffer b = MicroZap.build(0x1234, List.of(ZapEntry.of("ROOT", 3), ZapEntry.of("VERSION", 4)));
    assertThat(b.limit()).isEqualTo(512);
    assertThat(b.getLong(0)).isEqualTo(0x8000000000000003L);
    assertThat(b.getLong(8)).isEqualTo(0x1234);
    assertThat(b.getLong(64)).isEqualTo(3);
    assertThat(new String(b.array(), 64 + 14, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ROOT");
    assertThat(b.getLong(128)).isEqualTo(4);
    // capacity: 512/64 - 1 = 7 entries; 8 need 1K; 2047 is the most a 128K microzap holds
    assertThat(MicroZap.blockSize(7)).isEqualTo(512);
    assertThat(MicroZap.blockSize(8)).isEqualTo(1024);
    assertThat(MicroZap.blockSize(2047)).isEqualTo(128 << 10);
  }
}
