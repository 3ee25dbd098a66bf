def log = new File(basedir, 'build.log').text
assert log.contains("src/main/osv/usr.manifest:3: ") && log.contains("conf/missing.conf")
assert !new File(basedir, 'target/image-missing-file-fails-1.0.img').exists()
return true
