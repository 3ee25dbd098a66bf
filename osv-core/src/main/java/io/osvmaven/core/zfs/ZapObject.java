package io.osvmaven.core.zfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes a ZAP object's blocks, as a microzap when the entries allow it, and returns its dnode. */
final class ZapObject {

  private ZapObject() {}

  static Dnode write(PoolImage image, int type, long salt, List<ZapEntry> entries, int bonusType,
      byte[] bonus) throws IOException {
    Dnode dnode = new Dnode(type, bonusType, bonus.length);
    if (bonus.length > 0) {
      dnode.bonus(bonus);
    }
    if (MicroZap.fits(entries)) {
      ByteBuffer block = MicroZap.build(salt, entries);
      BlockPointer bp = image.write(block, type, 0, 1);
      return dnode.blocks(block.limit(), 1, 0, bp.size(), new BlockPointer[] {bp});
    }
    FatZap zap = FatZap.plan(salt, entries);
    int blocks = zap.blockCount();
    BlockTree tree = new BlockTree(image, type, BlockTree.levelsFor(blocks, dnode.nblkptr()),
        dnode.nblkptr());
    for (int i = 0; i < blocks; i++) {
      tree.add(image.write(zap.block(i), type, 0, 1));
    }
    return dnode.blocks(FatZap.BLOCK_SIZE, blocks - 1, tree.finish());
  }

  static Dnode write(PoolImage image, int type, long salt, List<ZapEntry> entries) throws IOException {
    return write(image, type, salt, entries, DmuType.NONE, new byte[0]);
  }

  /** Bytes {@link #write} allocates for these entries (for pool sizing). */
  static long bytes(long salt, List<ZapEntry> entries, int nblkptr) {
    if (MicroZap.fits(entries)) {
      return MicroZap.blockSize(entries.size());
    }
    int blocks = FatZap.plan(salt, entries).blockCount();
    return (long) blocks * FatZap.BLOCK_SIZE + BlockTree.indirectBlocksFor(blocks,
        BlockTree.levelsFor(blocks, nblkptr)) * BlockTree.INDIRECT_SIZE;
  }
}
