def log = new File(basedir, 'build.log').text
assert log.contains("<driversProfile>: unknown drivers profile 'virtio-pc' for x64")
assert log.contains('hint: did you mean virtio-pci?')
assert !new File(basedir, 'target/osv/drivers.mk').exists()
return true
