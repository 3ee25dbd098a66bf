package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the meta object set: object directory, pool config, the DSL (root directory with dataset
 * {@code osv}, {@code $MOS}, {@code $ORIGIN} with its snapshot), the empty bplists, the metaslab array
 * and one space map per metaslab the allocation touched. It runs last, so the space maps can describe
 * every block, its own included: the sizes of its remaining blocks are known before their contents.
 */
final class MosWriter {

  static final long OBJECT_DIRECTORY = 1;
  static final long ROOT_DIR = 2;
  static final long ROOT_PROPS = 3;
  static final long ROOT_CHILDREN = 4;
  static final long MOS_DIR = 5;
  static final long MOS_PROPS = 6;
  static final long MOS_CHILDREN = 7;
  static final long ORIGIN_DIR = 8;
  static final long ORIGIN_PROPS = 9;
  static final long ORIGIN_CHILDREN = 10;
  static final long ORIGIN_HEAD = 11;
  static final long ORIGIN_HEAD_SNAPNAMES = 12;
  static final long ORIGIN_SNAP_DEADLIST = 13;
  static final long ORIGIN_SNAP = 14;
  static final long ORIGIN_HEAD_DEADLIST = 15;
  static final long ROOT_DATASET = 16;
  static final long ROOT_DATASET_SNAPNAMES = 17;
  static final long ROOT_DATASET_DEADLIST = 18;
  static final long ORIGIN_CLONES = 19;
  static final long CONFIG = 20;
  static final long SYNC_BPLIST = 21;
  static final long METASLAB_ARRAY = 22;
  static final long FIRST_SPACE_MAP = 23;

  static final long CREATE_TXG = 1;
  private static final int CONFIG_BLOCK = 16 << 10;
  private static final int SPACE_MAP_BLOCK = 4 << 10;
  private static final long SM_RUN_MAX = 1 << 15;
  private static final int DD_FLAG_USED_BREAKDOWN = 1;
  private static final int DS_FLAG_UNIQUE_ACCURATE = 4;
  private static final int DSL_DIR_SIZE = 256;
  private static final int DSL_DATASET_SIZE = 320;
  private static final int BPLIST_HEADER = 32;
  private static final int SPACE_MAP_HEADER = 24;
  private static final long SALT_PURPOSE = 0x3054;
  private static final long FSID_MASK = (1L << 56) - 1;

  private final PoolImage image;
  private final PoolConfig config;
  private final long seed;
  private final long timestamp;
  private final Dnode[] dnodes = new Dnode[(int) FIRST_SPACE_MAP];

  MosWriter(PoolImage image, PoolConfig config, long seed, long timestamp) {
    this.image = image;
    this.config = config;
    this.seed = seed;
    this.timestamp = timestamp;
  }

  /**
   * @param zplObjset the root dataset's object set
   * @param zplBytes bytes allocated for the root dataset (everything written before the MOS)
   * @return the MOS objset block pointer, for the uberblock
   */
  BlockPointer write(BlockPointer zplObjset, long zplBytes) throws IOException {
    zap(OBJECT_DIRECTORY, DmuType.OBJECT_DIRECTORY, List.of(ZapEntry.of("root_dataset", ROOT_DIR),
        ZapEntry.of("config", CONFIG), ZapEntry.of("sync_bplist", SYNC_BPLIST), ZapEntry.of("deflate", 1)));
    zap(ROOT_PROPS, DmuType.DSL_PROPS, List.of(ZapEntry.ofString("mountpoint", "/"),
        ZapEntry.of("canmount", 2)));
    zap(ROOT_CHILDREN, DmuType.DSL_DIR_CHILD_MAP, List.of(ZapEntry.of("$MOS", MOS_DIR),
        ZapEntry.of("$ORIGIN", ORIGIN_DIR)));
    zap(MOS_PROPS, DmuType.DSL_PROPS, List.of());
    zap(MOS_CHILDREN, DmuType.DSL_DIR_CHILD_MAP, List.of());
    zap(ORIGIN_PROPS, DmuType.DSL_PROPS, List.of());
    zap(ORIGIN_CHILDREN, DmuType.DSL_DIR_CHILD_MAP, List.of());
    zap(ORIGIN_HEAD_SNAPNAMES, DmuType.DSL_DS_SNAP_MAP, List.of(ZapEntry.of("$ORIGIN", ORIGIN_SNAP)));
    zap(ROOT_DATASET_SNAPNAMES, DmuType.DSL_DS_SNAP_MAP, List.of());
    zap(ORIGIN_CLONES, DmuType.NEXT_CLONES, List.of(ZapEntry.of(Long.toHexString(ROOT_DATASET),
        ROOT_DATASET)));
    bplist(ORIGIN_SNAP_DEADLIST, 128 << 10);
    bplist(ORIGIN_HEAD_DEADLIST, 128 << 10);
    bplist(ROOT_DATASET_DEADLIST, 128 << 10);
    bplist(SYNC_BPLIST, 16 << 10);
    writeConfig();

    // The rest has contents that depend on where allocation ends (the space maps describe every
    // block, their own included): find that end by dry runs until the layout repeats, then write.
    Allocator layout = image.allocator().copy();
    for (int round = 0; ; round++) {
      PoolImage dry = image.dryRun();
      deferred(dry, layout, zplObjset, zplBytes);
      if (dry.allocator().sameAs(layout)) {
        break;
      }
      if (round == 20) {
        throw new IllegalStateException("MOS layout does not converge");
      }
      layout = dry.allocator();
    }
    BlockPointer root = deferred(image, layout, zplObjset, zplBytes);
    if (!image.allocator().sameAs(layout)) {
      throw new IllegalStateException("MOS written differently from its dry run");
    }
    return root;
  }

  /**
   * Writes the metaslab array, the space maps (describing {@code layout}), the DSL dnodes and the MOS
   * object set.
   */
  private BlockPointer deferred(PoolImage target, Allocator layout, BlockPointer zplObjset, long zplBytes)
      throws IOException {
    VdevLayout vdev = config.layout();
    int touched = (int) Math.max(1, (layout.end() + vdev.metaslabSize() - 1) >> vdev.metaslabShift());
    if (touched > vdev.metaslabCount()) {
      throw new PoolImage.PoolFullException();
    }
    int arrayBlock = roundUp(vdev.metaslabCount() * 8, PoolImage.SECTOR);
    ByteBuffer array = PoolImage.newBlock(arrayBlock);
    for (int m = 0; m < touched; m++) {
      array.putLong(8 * m, FIRST_SPACE_MAP + m);
    }
    BlockPointer arrayBp = target.write(array, DmuType.OBJECT_ARRAY, 0, 1);
    dnodes[(int) METASLAB_ARRAY] = new Dnode(DmuType.OBJECT_ARRAY, DmuType.NONE, 0)
        .blocks(arrayBlock, 1, 0, arrayBp.size(), new BlockPointer[] {arrayBp});

    Dnode[] spaceMaps = new Dnode[touched];
    for (int m = 0; m < touched; m++) {
      spaceMaps[m] = spaceMap(target, FIRST_SPACE_MAP + m, vdev, m, layout);
    }

    long mosBytes = layout.allocated() - zplBytes;
    dslDir(ROOT_DIR, ROOT_DATASET, 0, ORIGIN_SNAP, ROOT_CHILDREN, ROOT_PROPS, zplBytes, mosBytes);
    dslDir(MOS_DIR, 0, ROOT_DIR, 0, MOS_CHILDREN, MOS_PROPS, mosBytes, 0);
    dslDir(ORIGIN_DIR, ORIGIN_HEAD, ROOT_DIR, 0, ORIGIN_CHILDREN, ORIGIN_PROPS, 0, 0);
    dataset(ORIGIN_HEAD, ORIGIN_DIR, ORIGIN_SNAP, CREATE_TXG, 0, ORIGIN_HEAD_SNAPNAMES, 0,
        ORIGIN_HEAD_DEADLIST, 0, BlockPointer.HOLE, 0);
    dataset(ORIGIN_SNAP, ORIGIN_DIR, 0, 0, ORIGIN_HEAD, 0, 2, ORIGIN_SNAP_DEADLIST, 0, BlockPointer.HOLE,
        ORIGIN_CLONES);
    dataset(ROOT_DATASET, ROOT_DIR, ORIGIN_SNAP, CREATE_TXG, 0, ROOT_DATASET_SNAPNAMES, 0,
        ROOT_DATASET_DEADLIST, zplBytes, zplObjset, 0);

    ObjectSetWriter mos = new ObjectSetWriter(target, FIRST_SPACE_MAP - 1 + touched, false);
    for (int i = 1; i < dnodes.length; i++) {
      mos.add(i, dnodes[i]);
    }
    for (int m = 0; m < touched; m++) {
      mos.add(FIRST_SPACE_MAP + m, spaceMaps[m]);
    }
    return mos.finish(ObjectSetWriter.OST_META);
  }

  private long salt(long object) {
    return Seeds.derive(seed, SALT_PURPOSE, object);
  }

  private void zap(long object, int type, List<ZapEntry> entries) throws IOException {
    dnodes[(int) object] = ZapObject.write(image, type, salt(object), entries);
  }

  private void bplist(long object, int blockSize) {
    dnodes[(int) object] = new Dnode(DmuType.BPLIST, DmuType.BPLIST_HDR, BPLIST_HEADER)
        .bonus(new byte[BPLIST_HEADER]).empty(blockSize);
  }

  private void writeConfig() throws IOException {
    byte[] packed = config.mosConfig().pack();
    if (packed.length > CONFIG_BLOCK) {
      throw new IllegalStateException("pool config too large");
    }
    ByteBuffer block = PoolImage.newBlock(CONFIG_BLOCK);
    block.put(0, packed);
    BlockPointer bp = image.write(block, DmuType.PACKED_NVLIST, 0, 1);
    byte[] size = PoolImage.newBlock(8).putLong(0, packed.length).array();
    dnodes[(int) CONFIG] = new Dnode(DmuType.PACKED_NVLIST, DmuType.PACKED_NVLIST_SIZE, 8).bonus(size)
        .blocks(CONFIG_BLOCK, 1, 0, bp.size(), new BlockPointer[] {bp});
  }

  /** The space map of metaslab {@code m}: one-word ALLOC entries for the extents in it. */
  private Dnode spaceMap(PoolImage target, long object, VdevLayout vdev, int m, Allocator layout)
      throws IOException {
    long start = (long) m << vdev.metaslabShift();
    List<Long> entries = new ArrayList<>();
    long alloc = 0;
    for (long[] extent : layout.extentsIn(start, start + vdev.metaslabSize())) {
      alloc += extent[1] - extent[0];
      long sector = (extent[0] - start) >> 9;
      long end = (extent[1] - start) >> 9;
      while (sector < end) {
        long run = Math.min(SM_RUN_MAX, end - sector);
        entries.add((sector << 16) | (run - 1));
        sector += run;
      }
    }
    int perBlock = SPACE_MAP_BLOCK / 8;
    int blocks = Math.max(1, (entries.size() + perBlock - 1) / perBlock);
    Dnode dnode = new Dnode(DmuType.SPACE_MAP, DmuType.SPACE_MAP_HEADER, SPACE_MAP_HEADER);
    BlockTree tree = new BlockTree(target, DmuType.SPACE_MAP, BlockTree.levelsFor(blocks, dnode.nblkptr()),
        dnode.nblkptr());
    for (int b = 0; b < blocks; b++) {
      ByteBuffer block = PoolImage.newBlock(SPACE_MAP_BLOCK);
      for (int i = b * perBlock; i < Math.min(entries.size(), (b + 1) * perBlock); i++) {
        block.putLong(8 * (i - b * perBlock), entries.get(i));
      }
      tree.add(target.write(block, DmuType.SPACE_MAP, 0, 1));
    }
    BlockTree.Finished finished = tree.finish();
    byte[] header = PoolImage.newBlock(SPACE_MAP_HEADER).putLong(0, object)
        .putLong(8, 8L * entries.size()).putLong(16, alloc).array();
    return dnode.bonus(header).blocks(SPACE_MAP_BLOCK, blocks - 1, finished);
  }

  private void dslDir(long object, long head, long parent, long origin, long children, long props,
      long headBytes, long childBytes) {
    ByteBuffer b = PoolImage.newBlock(DSL_DIR_SIZE);
    long used = headBytes + childBytes;
    b.putLong(0, timestamp);
    b.putLong(8, head);
    b.putLong(16, parent);
    b.putLong(24, origin);
    b.putLong(32, children);
    b.putLong(40, used);
    b.putLong(48, used);
    b.putLong(56, used);
    b.putLong(80, props);
    b.putLong(96, DD_FLAG_USED_BREAKDOWN);
    b.putLong(104, headBytes); // dd_used_breakdown[HEAD]
    b.putLong(120, childBytes); // dd_used_breakdown[CHILD]
    dnodes[(int) object] = new Dnode(DmuType.DSL_DIR, DmuType.DSL_DIR, DSL_DIR_SIZE).bonus(b.array())
        .empty(PoolImage.SECTOR);
  }

  private void dataset(long object, long dir, long prevSnap, long prevSnapTxg, long nextSnap,
      long snapnames, long children, long deadlist, long bytes, BlockPointer bp, long nextClones) {
    ByteBuffer b = PoolImage.newBlock(DSL_DATASET_SIZE);
    b.putLong(0, dir);
    b.putLong(8, prevSnap);
    b.putLong(16, prevSnapTxg);
    b.putLong(24, nextSnap);
    b.putLong(32, snapnames);
    b.putLong(40, children);
    b.putLong(48, timestamp);
    b.putLong(56, CREATE_TXG);
    b.putLong(64, deadlist);
    b.putLong(72, bytes);
    b.putLong(80, bytes);
    b.putLong(88, bytes);
    b.putLong(96, bytes);
    b.putLong(104, Seeds.derive(seed, SALT_PURPOSE + 1, object) & FSID_MASK);
    b.putLong(112, Seeds.derive(seed, SALT_PURPOSE + 2, object));
    b.putLong(120, DS_FLAG_UNIQUE_ACCURATE);
    bp.writeTo(b, 128);
    b.putLong(256, nextClones);
    dnodes[(int) object] = new Dnode(DmuType.DSL_DATASET, DmuType.DSL_DATASET, DSL_DATASET_SIZE)
        .bonus(b.array()).empty(PoolImage.SECTOR);
  }

  private static int roundUp(int n, int to) {
    return (n + to - 1) / to * to;
  }
}
