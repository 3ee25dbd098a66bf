package io.osvmaven.core.zfs;

import java.util.List;

/** The pool configuration nvlists: the one in each label (vdev view) and the MOS copy (whole tree). */
record PoolConfig(String poolName, int spaVersion, long poolGuid, long vdevGuid, String vdevPath,
    VdevLayout layout) {

  static final long POOL_STATE_EXPORTED = 1;
  static final long CREATE_TXG = PoolImage.BIRTH_TXG;
  static final int ASHIFT = 9;

  long guidSum() {
    return poolGuid + vdevGuid;
  }

  private NvList diskVdev() {
    return new NvList()
        .add("type", "disk")
        .add("id", 0)
        .add("guid", vdevGuid)
        .add("path", vdevPath)
        .add("whole_disk", 0)
        .add("metaslab_array", MosWriter.METASLAB_ARRAY)
        .add("metaslab_shift", layout.metaslabShift())
        .add("ashift", ASHIFT)
        .add("asize", layout.asize())
        .add("is_log", 0)
        .add("create_txg", CREATE_TXG);
  }

  private NvList common() {
    return new NvList()
        .add("version", spaVersion)
        .add("name", poolName)
        .add("state", POOL_STATE_EXPORTED)
        .add("txg", PoolImage.BIRTH_TXG)
        .add("pool_guid", poolGuid);
  }

  NvList labelConfig() {
    return common()
        .add("top_guid", vdevGuid)
        .add("guid", vdevGuid)
        .add("vdev_children", 1)
        .add("vdev_tree", diskVdev());
  }

  NvList mosConfig() {
    NvList root = new NvList()
        .add("type", "root")
        .add("id", 0)
        .add("guid", poolGuid)
        .add("create_txg", CREATE_TXG)
        .add("children", List.of(diskVdev()));
    return common()
        .add("vdev_children", 1)
        .add("vdev_tree", root);
  }
}
