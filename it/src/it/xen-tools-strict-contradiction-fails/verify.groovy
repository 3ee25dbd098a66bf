def log = new File(basedir, 'build.log').text
// libxenctrl needs toollog, so "toollog can be removed" is false: strict mode fails and shows the chain
assert log.contains('xen-tools selection is not consistent (strict mode)')
assert log.contains('contradiction libxenctrl -> libxentoollog: libxenctrl needs libxentoollog')
assert log.contains('remove libxentoollog from the excludes')
assert !new File(basedir, 'target/osv/xen/local.conf.inc').exists()
return true
