def log = new File(basedir, 'build.log').text
assert log.contains('arch must be x64 or aarch64, got: riscv')
// the rejected project is not left half-generated
assert !new File(basedir, 'bad-arch').exists()
return true
