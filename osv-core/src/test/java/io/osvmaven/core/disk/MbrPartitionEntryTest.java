package io.osvmaven.core.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MbrPartitionEntryTest {

  private static final long MIB = 1024 * 1024;

  private static String slotHex(MbrPartitionEntry e) {
    byte[] sector = new byte[512];
    e.writeTo(sector);
    int p = MbrPartitionEntry.slotOffset(e.slot());
    return HexFormat.ofDelimiter(" ").formatHex(Arrays.copyOfRange(sector, p, p + 16));
  }

  @Test
  void specExampleSlotTwoAtEightMebibytes() {
    // osv-formats.md §5.4: start 8 MiB, size 504 MiB in slot 2 (P = 0x1CE)
    MbrPartitionEntry e = MbrPartitionEntry.forOsv(2, 8 * MIB, 504 * MIB);
    assertThat(MbrPartitionEntry.slotOffset(2)).isEqualTo(0x1CE);
    assertThat(slotHex(e)).isEqualTo("00 05 45 00 83 45 45 10 00 40 00 00 00 c0 0f 00");
  }

  @Test
  void twoMebibyteStartAsForASmallLoader() {
    // LBA 4096 = 65 tracks + 1 sector: c 0, h 65 (0x41), s 2; end LBA 4096 + 6145 = 10241 =
    // 162 tracks + 35: c 0, h 162 (0xA2), s 36 (0x24); 6145 sectors = 0x1801
    MbrPartitionEntry e = MbrPartitionEntry.forOsv(2, 2 * MIB, 3 * MIB + 512);
    assertThat(slotHex(e)).isEqualTo("00 41 02 00 83 a2 24 00 00 10 00 00 01 18 00 00");
    assertThat(e.offset()).isEqualTo(2 * MIB);
    assertThat(e.size()).isEqualTo(3 * MIB + 512);
    assertThat(e.osvDeviceName()).isEqualTo("vblk0.1");
    assertThat(e.isSeenByOsv()).isTrue();
  }

  @Test
  void emptyPartitionHasEqualStartAndEnd() {
    MbrPartitionEntry e = MbrPartitionEntry.forOsv(2, 2 * MIB, 0);
    assertThat(slotHex(e)).isEqualTo("00 41 02 00 83 41 02 00 00 10 00 00 00 00 00 00");
  }

  @Test
  void chsClampsBeyondCylinder1023() {
    // 1024 cylinders * 255 heads * 63 sectors = LBA 16450560 is the first one past cylinder 1023
    assertThat(Chs.ofLba(16450559)).isEqualTo(new Chs(1023, 254, 63));
    assertThat(Chs.ofLba(16450560)).isEqualTo(new Chs(1023, 254, 63));
    assertThat(Chs.ofLba(16450560).packed()).isEqualTo(0xFFFF);
    assertThat(Chs.ofLba(16450559 - 63)).isEqualTo(new Chs(1023, 253, 63));
    assertThat(Chs.ofLba(0)).isEqualTo(new Chs(0, 0, 1));
  }

  @Test
  void parseReadsWhatWriteToWrote() {
    MbrPartitionEntry e = MbrPartitionEntry.forOsv(3, 10 * MIB, 20 * MIB);
    byte[] sector = new byte[512];
    e.writeTo(sector);
    assertThat(MbrPartitionEntry.parse(sector, 3)).isEqualTo(e);
    assertThat(MbrPartitionEntry.parse(sector, 1).isEmpty()).isTrue();
  }

  @Test
  void writeToLeavesTheBootFlagAlone() {
    byte[] sector = new byte[512];
    sector[0x1CE] = (byte) 0x80;
    MbrPartitionEntry.forOsv(2, 2 * MIB, 0).writeTo(sector);
    assertThat(sector[0x1CE]).isEqualTo((byte) 0x80);
  }

  @Test
  void osvSkipsSlotsWithoutSystemIdOrStartSector() {
    byte[] sector = new byte[512];
    sector[0x1BE + 4] = (byte) 0x83; // slot 1: system id but start-sector bits 0
    sector[0x1CE + 2] = 1; // slot 2: sector 1 but system id 0
    assertThat(MbrPartitionEntry.parse(sector, 1).isSeenByOsv()).isFalse();
    assertThat(MbrPartitionEntry.parse(sector, 2).isSeenByOsv()).isFalse();
  }

  @Test
  void rejectsPartitionsBeyondThirtyTwoBitSectors() {
    long twoTiB = 1L << 41; // 2^32 sectors
    assertThat(MbrPartitionEntry.forOsv(2, 512, twoTiB - 512).sectorCount()).isEqualTo(0xFFFFFFFFL);
    assertThatThrownBy(() -> MbrPartitionEntry.forOsv(2, 512, twoTiB))
        .isInstanceOf(OsvException.class).hasMessageContaining("does not fit an MBR entry");
    assertThatThrownBy(() -> MbrPartitionEntry.forOsv(2, twoTiB, 512))
        .isInstanceOf(OsvException.class);
  }

  @Test
  void rejectsBadSlots() {
    assertThatThrownBy(() -> MbrPartitionEntry.forOsv(0, 512, 512))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MbrPartitionEntry.forOsv(5, 512, 512))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tableRequiresBootSignature() {
    byte[] sector = new byte[512];
    assertThatThrownBy(() -> MbrPartitionTable.parse(sector, "disk.raw"))
        .isInstanceOf(OsvException.class).hasMessageContaining("disk.raw")
        .hasMessageContaining("55 AA");
    sector[510] = 0x55;
    sector[511] = (byte) 0xAA;
    MbrPartitionEntry.forOsv(2, 512, 1024).writeTo(sector);
    MbrPartitionTable table = MbrPartitionTable.parse(sector, "disk.raw");
    assertThat(table.osvPartitions()).extracting(MbrPartitionEntry::slot).containsExactly(2);
    assertThat(table.osvPartition(2).orElseThrow().offset()).isEqualTo(512);
    assertThat(table.osvPartition(1)).isEmpty();
  }
}
