def header = new File(basedir, 'target/osv/gen/include/osv/drivers_config.h')
assert header.isFile()
def log = new File(basedir, 'build.log').text
def events = (log =~ /\[INFO\] (Wrote|Unchanged, kept) .*drivers_config\.h/).collect { it[1] }
// first build writes, the unchanged rebuild keeps, the profile change rewrites
assert events == ['Wrote', 'Unchanged, kept', 'Wrote'] : events
def text = header.text
assert text.startsWith('/* This file is generated automatically. */\n#ifndef OSV_DRIVERS_CONFIG_H\n')
assert text.contains('#define CONF_drivers_mmio 1\n')
assert text.contains('#define CONF_drivers_pci 0\n')
assert text.endsWith('\n#endif\n')
return true
