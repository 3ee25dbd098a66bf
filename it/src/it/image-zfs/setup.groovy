// A 200 KB file, made here rather than committed: two 128K ZFS blocks, the second partly filled.
new File(basedir, 'files').mkdirs()
new File(basedir, 'files/big.bin').bytes = ('z' * 200000).bytes
return true
