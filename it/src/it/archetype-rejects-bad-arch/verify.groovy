def log = new File(basedir, 'build.log').text
assert log.contains('arch must be x64 or aarch64, got: riscv')
return true
